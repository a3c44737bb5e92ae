// /version: the kubectl on these machines is a dispatcher that picks its binary by gitVersion,
// so kubefake reports a v1.32 server (KUBECTL_WIRE.md §0).

export const KUBERNETES_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac5094a80d',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:00:00Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};
