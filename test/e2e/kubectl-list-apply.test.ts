// `kubectl apply -f` of a `kind: List` file (what `kubectl get -o yaml` writes) with validation on.
// OpenAPI v3 has no schema for v1 List, so kubectl validates each item client-side against the
// /openapi/v2 protobuf document; without it, it failed with "the server was unable to respond
// with a content type that the client supports".
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { skipWithoutKubectl } from '../helpers/kubectl.js';
import { useKubectlSession } from '../helpers/kubectl-session.js';

const skip = skipWithoutKubectl();

function list(deploymentSpecExtra = ''): string {
  return [
    'apiVersion: v1',
    'kind: List',
    'metadata:',
    '  resourceVersion: ""',
    'items:',
    '- apiVersion: v1',
    '  kind: ConfigMap',
    '  metadata:',
    '    name: settings',
    '  data:',
    '    mode: fast',
    '- apiVersion: apps/v1',
    '  kind: Deployment',
    '  metadata:',
    '    name: web',
    '  spec:',
    '    replicas: 1',
    deploymentSpecExtra,
    '    selector:',
    '      matchLabels: {app: web}',
    '    template:',
    '      metadata:',
    '        labels: {app: web}',
    '      spec:',
    '        containers:',
    '        - name: web',
    '          image: nginx:1.27',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

describe('kubectl apply -f of a kind: List', { skip }, () => {
  const { k, ok, json, manifest } = useKubectlSession();

  it('applies every item with client-side validation, then finds them unchanged', async () => {
    const file = await manifest('list.yaml', list());
    const out = await ok('apply', '-f', file);
    assert.equal(out, 'configmap/settings created\ndeployment.apps/web created\n');
    assert.equal((await json('get', 'configmap', 'settings')).data.mode, 'fast');
    assert.equal((await json('get', 'deployment', 'web')).spec.template.spec.containers[0].image, 'nginx:1.27');
    assert.equal(await ok('apply', '-f', file), 'configmap/settings unchanged\ndeployment.apps/web unchanged\n');
  });

  it("refuses an item with an unknown field with kubectl's own validation error, and changes nothing", async () => {
    const file = await manifest('bad-list.yaml', list('    bogus: 1'));
    const before = (await json('get', 'deployment', 'web')).metadata.resourceVersion;
    const r = await k('apply', '-f', file);
    assert.equal(r.code, 1, r.stdout);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      `error: error validating "${file}": error validating data: ValidationError(Deployment.spec): unknown field "bogus" in io.k8s.api.apps.v1.DeploymentSpec; if you choose to ignore these errors, turn validation off with --validate=false\n`,
    );
    assert.equal((await json('get', 'deployment', 'web')).metadata.resourceVersion, before);
    // Without validation the server drops the field (fieldValidation=Ignore); only the last-applied annotation changes.
    assert.equal(await ok('apply', '-f', file, '--validate=false'), 'configmap/settings unchanged\ndeployment.apps/web configured\n');
    assert.equal((await json('get', 'deployment', 'web')).spec.bogus, undefined);
  });
});
