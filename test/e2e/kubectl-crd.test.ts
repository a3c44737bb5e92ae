// CustomResourceDefinitions driven by real kubectl: a CRD is established and its custom resources
// served (discovery, tables with printer columns, schema defaults, pruning and validation, merge
// and JSON patches, server-side apply, /status and /scale), strategic merge is refused as
// kube-apiserver refuses it, and deleting the CRD deletes its custom resources.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, kubectlBackground, skipWithoutKubectl } from '../helpers/kubectl.js';
import { useKubectlSession } from '../helpers/kubectl-session.js';

const skip = skipWithoutKubectl();

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: crontabs.stable.example.com
spec:
  group: stable.example.com
  scope: Namespaced
  names:
    plural: crontabs
    singular: crontab
    kind: CronTab
    shortNames: [ct]
  versions:
  - name: v1
    served: true
    storage: true
    subresources:
      status: {}
      scale:
        specReplicasPath: .spec.replicas
        statusReplicasPath: .status.replicas
    additionalPrinterColumns:
    - name: Spec
      type: string
      jsonPath: .spec.cronSpec
    - name: Replicas
      type: integer
      jsonPath: .spec.replicas
    - name: Age
      type: date
      jsonPath: .metadata.creationTimestamp
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              cronSpec:
                type: string
              image:
                type: string
                x-kubernetes-validations:
                - rule: "self != 'oldSelf'"
                  message: must not be the word oldSelf
              address:
                type: string
                x-kubernetes-validations:
                - rule: isIP(self) && ip(self).family() == 4
                  message: must be an IPv4 address
              replicas:
                type: integer
                minimum: 1
                maximum: 10
                default: 1
              ports:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [name]
                items:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    port: {type: integer}
          status:
            type: object
            properties:
              replicas:
                type: integer
`;

function cronTab(name: string, spec: string): string {
  return `apiVersion: stable.example.com/v1\nkind: CronTab\nmetadata:\n  name: ${name}\nspec:\n${spec}\n`;
}

describe('kubectl with a CustomResourceDefinition', { skip }, () => {
  const session = useKubectlSession();
  const { k, ok, fails, json, manifest } = session;

  it('creates the CRD, which becomes Established and lists with the default table', async () => {
    assert.match(await ok('apply', '-f', await manifest('crd.yaml', CRD)), /^customresourcedefinition\.apiextensions\.k8s\.io\/crontabs\.stable\.example\.com created$/m);
    assert.match(await ok('wait', '--for', 'condition=established', '--timeout=10s', 'crd/crontabs.stable.example.com'), /condition met/);
    const crd = await json('get', 'crd', 'crontabs.stable.example.com');
    const conditions = Object.fromEntries(crd.status.conditions.map((c: { type: string; status: string; reason: string }) => [c.type, `${c.status}/${c.reason}`]));
    assert.deepEqual(conditions, { NamesAccepted: 'True/NoConflicts', Established: 'True/InitialNamesAccepted' });
    assert.deepEqual(crd.status.acceptedNames, { plural: 'crontabs', singular: 'crontab', kind: 'CronTab', listKind: 'CronTabList', shortNames: ['ct'] });
    assert.deepEqual(crd.status.storedVersions, ['v1']);
    assert.match(await ok('get', 'crd'), /^NAME\s+CREATED AT\ncrontabs\.stable\.example\.com\s+\d{4}-\d\d-\d\dT/m);
  });

  it('serves the custom resources: create, table columns, short name, schema defaults', async () => {
    const file = await manifest('cron.yaml', cronTab('nightly', '  cronSpec: "0 3 * * *"\n  image: busybox'));
    assert.match(await ok('apply', '-f', file), /^crontab\.stable\.example\.com\/nightly created$/m);
    assert.match(await ok('get', 'ct'), /^NAME\s+SPEC\s+REPLICAS\s+AGE\nnightly\s+0 3 \* \* \*\s+1\s+\d+s$/m);
    const cr = await json('get', 'crontab', 'nightly', '--show-managed-fields');
    assert.equal(cr.spec.replicas, 1, 'the schema default');
    // An unstructured object starts empty: the create owns spec itself too.
    const created = cr.metadata.managedFields.find((e: { manager: string }) => e.manager === 'kubectl-client-side-apply');
    assert.deepEqual(created.fieldsV1['f:spec'], { '.': {}, 'f:cronSpec': {}, 'f:image': {}, 'f:replicas': {} });
    assert.equal(cr.metadata.generation, 1);
    assert.match(await ok('api-resources', '--api-group', 'stable.example.com'), /^crontabs\s+ct\s+stable\.example\.com\/v1\s+true\s+CronTab$/m);
  });

  it('refuses unknown fields (kubectl asks Strict) and values the schema forbids', async () => {
    const unknown = await manifest('unknown.yaml', cronTab('unknown', '  cronSpec: "* * * * *"\n  colour: blue'));
    assert.match(await fails('create', '-f', unknown), /CronTab in version "v1" cannot be handled as a CronTab: strict decoding error: unknown field "spec\.colour"/);
    assert.match(await ok('create', '--validate=false', '-f', unknown), /crontab\.stable\.example\.com\/unknown created/);
    assert.equal((await json('get', 'crontab', 'unknown')).spec.colour, undefined, 'pruned');
    const tooMany = await manifest('too-many.yaml', cronTab('too-many', '  replicas: 20'));
    assert.match(await fails('create', '-f', tooMany), /The CronTab "too-many" is invalid: spec\.replicas: Invalid value: 20: spec\.replicas in body should be less than or equal to 10/);
    assert.equal((await k('get', 'crontab', 'too-many')).code, 1);
    const notIP = await manifest('not-ip.yaml', cronTab('not-ip', '  address: 10.0.0'));
    assert.match(await fails('create', '-f', notIP), /The CronTab "not-ip" is invalid: spec\.address: Invalid value: "string": must be an IPv4 address/);
    // A rule that spells oldSelf only in a string is no transition rule: it is checked on create.
    const word = await manifest('word.yaml', cronTab('word', '  image: oldSelf'));
    assert.match(await fails('create', '-f', word), /The CronTab "word" is invalid: spec\.image: Invalid value: "string": must not be the word oldSelf/);
    const ip = await manifest('ip.yaml', cronTab('ip', '  address: 10.0.0.1'));
    assert.match(await ok('create', '-f', ip), /crontab\.stable\.example\.com\/ip created/);
  });

  it('refuses strategic merge patches and takes merge and JSON patches', async () => {
    const refused = await fails('patch', 'crontab', 'nightly', '-p', '{"spec":{"image":"nginx"}}');
    assert.match(refused, /application\/strategic-merge-patch\+json is not supported by stable\.example\.com\/v1, Kind=CronTab/);
    assert.match(refused, /accepted media types include: application\/json-patch\+json, application\/merge-patch\+json, application\/apply-patch\+yaml/);
    assert.match(await ok('patch', 'crontab', 'nightly', '--type', 'merge', '-p', '{"spec":{"image":"nginx"}}'), /crontab\.stable\.example\.com\/nightly patched/);
    assert.match(await ok('patch', 'crontab', 'nightly', '--type', 'json', '-p', '[{"op":"replace","path":"/spec/replicas","value":2}]'), /patched/);
    const cr = await json('get', 'crontab', 'nightly');
    assert.equal(cr.spec.image, 'nginx');
    assert.equal(cr.spec.replicas, 2);
    assert.equal(cr.metadata.generation, 3);
  });

  it('applies client-side again (a merge patch) and server-side with list-map ownership', async () => {
    const file = await manifest('cron2.yaml', cronTab('nightly', '  cronSpec: "0 4 * * *"\n  image: busybox\n  ports:\n  - name: http\n    port: 80'));
    assert.match(await ok('apply', '-f', file), /^crontab\.stable\.example\.com\/nightly configured$/m);
    const ssa = await manifest('ssa.yaml', cronTab('ssa', '  cronSpec: "* * * * *"\n  ports:\n  - name: http\n    port: 80'));
    assert.match(await ok('apply', '--server-side', '-f', ssa), /^crontab\.stable\.example\.com\/ssa serverside-applied$/m);
    const cr = await json('get', 'crontab', 'ssa', '--show-managed-fields');
    const kubectl = cr.metadata.managedFields.find((e: { manager: string }) => e.manager === 'kubectl');
    assert.equal(kubectl.operation, 'Apply');
    assert.ok(kubectl.fieldsV1['f:spec']['f:ports']['k:{"name":"http"}']['f:port'], JSON.stringify(kubectl.fieldsV1));
    const other = await manifest('ssa-other.yaml', cronTab('ssa', '  cronSpec: "1 * * * *"'));
    assert.match(await fails('apply', '--server-side', '--field-manager', 'other', '-f', other), /conflict with "kubectl": \.spec\.cronSpec/);
    assert.match(await ok('apply', '--server-side', '--field-manager', 'other', '--force-conflicts', '-f', other), /serverside-applied/);
  });

  it('writes status only through /status and scales through /scale', async () => {
    await ok('patch', 'crontab', 'nightly', '--subresource=status', '--type', 'merge', '-p', '{"status":{"replicas":2}}');
    await ok('patch', 'crontab', 'nightly', '--type', 'merge', '-p', '{"status":{"replicas":7}}');
    assert.equal((await json('get', 'crontab', 'nightly')).status.replicas, 2);
    assert.match(await ok('scale', 'crontab', 'nightly', '--replicas=5'), /crontab\.stable\.example\.com\/nightly scaled/);
    const scale = JSON.parse(await ok('get', '--raw', '/apis/stable.example.com/v1/namespaces/default/crontabs/nightly/scale'));
    assert.deepEqual({ spec: scale.spec, status: scale.status }, { spec: { replicas: 5 }, status: { replicas: 2 } });
  });

  it('serves a deprecated version added later over the same objects, with its warning', async () => {
    const v1beta1 = [
      '  - name: v1beta1',
      '    served: true',
      '    storage: false',
      '    deprecated: true',
      '    schema:',
      '      openAPIV3Schema:',
      '        type: object',
      '        x-kubernetes-preserve-unknown-fields: true',
      '',
    ].join('\n');
    await ok('apply', '-f', await manifest('crd2.yaml', CRD.replace('  versions:\n', `  versions:\n${v1beta1}`)));
    const old = await k('get', 'crontabs.v1beta1.stable.example.com', 'nightly', '-o', 'json');
    assert.equal(old.code, 0, old.stderr);
    assert.equal(JSON.parse(old.stdout).apiVersion, 'stable.example.com/v1beta1');
    assert.match(old.stderr, /^Warning: stable\.example\.com\/v1beta1 CronTab is deprecated; use stable\.example\.com\/v1 CronTab$/m);
    assert.equal((await json('get', 'crontab', 'nightly')).apiVersion, 'stable.example.com/v1', 'the preferred version');
    assert.deepEqual((await json('get', 'crd', 'crontabs.stable.example.com')).status.storedVersions, ['v1']);
  });

  it('deletes the custom resources with their CRD, then stops serving them', async () => {
    const watch = kubectlBackground(session.server.kubeconfig, session.cacheDir, ['get', 'crontabs', '-w', '--output-watch-events']);
    try {
      await eventually(() => /ADDED\s+nightly\b/.test(watch.output()), 10000, 'the watch to start');
      // A finalizer holds the custom resource, so the CRD stays terminating: discovery then lists
      // only the verbs the CRD discovery controller lists for it.
      await ok('patch', 'crontab', 'nightly', '--type=merge', '-p', '{"metadata":{"finalizers":["stable.example.com/hold"]}}');
      assert.match(await ok('delete', 'crd', 'crontabs.stable.example.com', '--wait=false'), /deleted/);
      const terminatingVerbs = /^crontabs\s+ct\s+stable\.example\.com\/v1\s+true\s+CronTab\s+delete,deletecollection,get,list,watch\b/m;
      let resources = '';
      for (const deadline = Date.now() + 10_000; !terminatingVerbs.test(resources) && Date.now() < deadline; ) {
        resources = await ok('api-resources', '--api-group', 'stable.example.com', '-o', 'wide');
      }
      assert.match(resources, terminatingVerbs);
      await ok('patch', 'crontab', 'nightly', '--type=merge', '-p', '{"metadata":{"finalizers":null}}');
      await ok('wait', '--for=delete', 'crd/crontabs.stable.example.com', '--timeout=20s');
      // The custom resources go first, then their storage, which ends the watch (kubectl exits 0).
      await eventually(() => /DELETED\s+nightly\b/.test(watch.output()), 10000, 'the DELETED event');
      await eventually(() => watch.exited(), 10000, 'the watch to end');
    } finally {
      await watch.stop();
    }
    const gone = await k('get', '--raw', '/apis/stable.example.com/v1/namespaces/default/crontabs');
    assert.match(gone.stderr, /NotFound/);
    assert.doesNotMatch(await ok('api-versions'), /stable\.example\.com/);
    assert.equal((await k('get', 'crd', 'crontabs.stable.example.com')).code, 1);
  });
});
