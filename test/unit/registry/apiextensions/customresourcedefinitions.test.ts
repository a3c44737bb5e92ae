import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FieldError } from '../../../../src/api/field-errors.js';
import { customResourceDefinitions } from '../../../../src/registry/apiextensions/customresourcedefinitions.js';
import type { CustomResourceDefinition } from '../../../../src/registry/apiextensions/types.js';
import { defaultTable } from '../../../../src/registry/default-table.js';
import { SUBRESOURCE_VERBS } from '../../../../src/registry/resource.js';
import { crd, strings } from './fixtures.js';

const def = customResourceDefinitions((): FieldError[] => []);
const strategy = def.strategy;

test('the declaration matches kube-apiserver 1.32 discovery', () => {
  assert.equal(def.group, 'apiextensions.k8s.io');
  assert.equal(def.version, 'v1');
  assert.equal(def.kind, 'CustomResourceDefinition');
  assert.equal(def.plural, 'customresourcedefinitions');
  assert.equal(def.singular, 'customresourcedefinition');
  assert.equal(def.namespaced, false);
  assert.deepEqual(def.shortNames, ['crd', 'crds']);
  assert.deepEqual(def.categories, ['api-extensions']);
  assert.equal(def.storageVersionHash, 'jfWCUB31mvA=');
  assert.deepEqual(def.subresources, [{ name: 'status', verbs: SUBRESOURCE_VERBS }]);
  assert.equal(def.table, defaultTable);
  assert.throws(() => def.fieldSelection?.convertLabel('spec.group'), /"spec.group" is not a known field selector: only "metadata.name", "metadata.namespace"/);
});

test('create starts the status afresh with the storage version stored', () => {
  const c = crd((x) => x.spec!.versions!.unshift({ name: 'v1beta1', served: true, storage: false, schema: { openAPIV3Schema: { type: 'object' } } }));
  c.status = { conditions: [{ type: 'Established', status: 'True' }], acceptedNames: { plural: 'x', kind: 'X' }, storedVersions: ['v0'] };
  strategy.prepareForCreate?.(c);
  assert.deepEqual(c.status, { acceptedNames: { plural: '', kind: '' }, storedVersions: ['v1'] });
});

test('an update adds a new storage version to the stored ones', () => {
  const old = crd();
  old.status = { storedVersions: ['v1'] };
  const next = crd((x) => {
    x.spec!.versions![0].storage = false;
    x.spec!.versions!.push({ name: 'v2', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } });
  });
  next.status = { storedVersions: ['v1'] };
  strategy.prepareForUpdate?.(next, old);
  assert.deepEqual(next.status.storedVersions, ['v1', 'v2']);
  strategy.prepareForUpdate?.(next, old);
  assert.deepEqual(next.status.storedVersions, ['v1', 'v2']);
});

test('generation moves with spec only', () => {
  const before = crd();
  const labelled: CustomResourceDefinition = { ...crd(), metadata: { ...before.metadata, labels: { a: 'b' } }, status: { storedVersions: ['v1', 'v0'] } };
  assert.equal(strategy.generationChanged?.(labelled, before), false);
  assert.equal(strategy.generationChanged?.(crd((x) => (x.spec!.names!.shortNames = ['w'])), before), true);
});

test('validate and validateUpdate run the CRD validation with the structural check given', () => {
  const seen: string[] = [];
  const recording = customResourceDefinitions((_schema, path) => {
    seen.push(path);
    return [{ type: 'FieldValueRequired', field: `${path}.type`, detail: 'must not be empty for specified object fields' }];
  });
  assert.deepEqual(strings(recording.strategy.validate?.(crd()) ?? []), ['spec.validation.openAPIV3Schema.type: Required value: must not be empty for specified object fields']);
  assert.deepEqual(strings(recording.strategy.validateUpdate?.(crd((x) => (x.spec!.group = 'example.org')), crd()) ?? []), [
    'spec.validation.openAPIV3Schema.type: Required value: must not be empty for specified object fields',
    'spec.group: Invalid value: "example.org": field is immutable',
  ]);
  assert.deepEqual(seen, ['spec.validation.openAPIV3Schema', 'spec.validation.openAPIV3Schema']);
});

test('status writes validate the accepted names only', () => {
  const c = crd((x) => (x.spec!.group = 'not valid'));
  c.status = { acceptedNames: { plural: 'widgets', kind: 'Widget' }, storedVersions: ['v1'] };
  assert.deepEqual(strategy.validateStatusUpdate?.(c, c), []);
});
