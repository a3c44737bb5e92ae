import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../src/api/types.js';
import { fieldErrorString } from '../../../../src/api/field-errors.js';
import { namespaces } from '../../../../src/registry/core/namespaces.js';
import { secrets } from '../../../../src/registry/core/secrets.js';
import { configmaps } from '../../../../src/registry/core/configmaps.js';
import { replicationcontrollers } from '../../../../src/registry/core/replicationcontrollers.js';
import { podtemplates } from '../../../../src/registry/core/podtemplates.js';

test('namespace create: Active, kubernetes finalizer appended, name label forced', () => {
  const ns: KubeObject = { metadata: { name: 'team', labels: { 'kubernetes.io/metadata.name': 'other', a: 'b' } }, status: { phase: 'Terminating' } };
  namespaces.strategy.prepareForCreate!(ns);
  assert.deepEqual(ns, {
    metadata: { name: 'team', labels: { 'kubernetes.io/metadata.name': 'team', a: 'b' } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  });
  const custom: KubeObject = { metadata: { name: 'c' }, spec: { finalizers: ['example.com/x'] } };
  namespaces.strategy.prepareForCreate!(custom);
  assert.deepEqual(custom.spec, { finalizers: ['example.com/x', 'kubernetes'] });
  const already: KubeObject = { metadata: { name: 'd' }, spec: { finalizers: ['kubernetes'] } };
  namespaces.strategy.prepareForCreate!(already);
  assert.deepEqual(already.spec, { finalizers: ['kubernetes'] });
});

test('namespace update: spec.finalizers kept from the stored object, name label kept', () => {
  const old: KubeObject = { metadata: { name: 'team', labels: { 'kubernetes.io/metadata.name': 'team' } }, spec: { finalizers: ['kubernetes'] } };
  const next: KubeObject = { metadata: { name: 'team', labels: { x: 'y' } }, spec: { finalizers: [] } };
  namespaces.strategy.prepareForUpdate!(next, old);
  assert.deepEqual(next, { metadata: { name: 'team', labels: { x: 'y', 'kubernetes.io/metadata.name': 'team' } }, spec: { finalizers: ['kubernetes'] } });
  const emptied: KubeObject = { metadata: { name: 'gone' }, spec: { finalizers: ['kubernetes'] } };
  namespaces.strategy.prepareForUpdate!(emptied, { metadata: { name: 'gone' }, spec: {} });
  assert.deepEqual(emptied.spec, {});
  assert.equal(namespaces.strategy.generationChanged, undefined);
});

test('namespace field selectors: name and phase only', () => {
  const sel = namespaces.fieldSelection!;
  assert.equal(sel.convertLabel('status.phase'), 'status.phase');
  assert.throws(() => sel.convertLabel('metadata.namespace'), { message: 'field label not supported: metadata.namespace' });
  assert.throws(() => sel.convertLabel('name'), { message: 'field label not supported: name' });
  assert.deepEqual(sel.fields({ metadata: { name: 'a' }, status: { phase: 'Active' } }), { 'metadata.name': 'a', 'status.phase': 'Active' });
});

test('secret: stringData folds into data as base64 and is not stored', () => {
  const s: KubeObject = { metadata: { name: 's' }, data: { a: 'b2xk', keep: 'eA==' }, stringData: { a: 'new', b: 'héllo' } };
  secrets.strategy.prepareForCreate!(s);
  assert.deepEqual(s, { metadata: { name: 's' }, data: { a: 'bmV3', keep: 'eA==', b: 'aMOpbGxv' }, type: 'Opaque' });
  const empty: KubeObject = { metadata: { name: 's' }, stringData: {} };
  secrets.strategy.prepareForUpdate!(empty, { metadata: { name: 's' } });
  assert.deepEqual(empty, { metadata: { name: 's' } });
});

test('secret and configmap: immutable data, immutable secret type', () => {
  // Only the immutability rules: full Secret validation (e.g. a TLS secret's keys) has its own suite.
  const messages = (errs: ReturnType<NonNullable<typeof secrets.strategy.validateUpdate>>) => errs.map(fieldErrorString).filter((e) => e.includes('immutable'));
  const old: KubeObject = { metadata: { name: 's' }, type: 'Opaque', immutable: true, data: { a: 'MQ==' } };
  assert.deepEqual(messages(secrets.strategy.validateUpdate!({ ...old, metadata: { name: 's', labels: { x: 'y' } } }, old)), []);
  assert.deepEqual(messages(secrets.strategy.validateUpdate!({ ...old, immutable: false, data: {} }, old)), [
    'immutable: Forbidden: field is immutable when `immutable` is set',
    'data: Forbidden: field is immutable when `immutable` is set',
  ]);
  assert.deepEqual(messages(secrets.strategy.validateUpdate!({ ...old, immutable: undefined, type: 'kubernetes.io/tls' }, { ...old, immutable: undefined })), [
    'type: Invalid value: "kubernetes.io/tls": field is immutable',
  ]);
  assert.deepEqual(messages(secrets.strategy.validateUpdate!({ metadata: { name: 's' } }, { metadata: { name: 's' }, type: 'Opaque' })), []);
  const cm: KubeObject = { metadata: { name: 'c' }, immutable: true, data: { a: '1' }, binaryData: { b: 'AA==' } };
  assert.deepEqual(messages(configmaps.strategy.validateUpdate!({ ...cm, binaryData: undefined }, cm)), ['binaryData: Forbidden: field is immutable when `immutable` is set']);
  assert.deepEqual(messages(configmaps.strategy.validateUpdate!({ ...cm, data: { b: '2' }, immutable: true }, { ...cm, immutable: false })), []);
});

test('replication controller and pod template generation rules', () => {
  const rc: KubeObject = { metadata: { name: 'r' }, spec: { replicas: 1 }, status: { replicas: 5 } };
  replicationcontrollers.strategy.prepareForCreate!(rc);
  assert.deepEqual(rc.status, { replicas: 0 });
  const changed = replicationcontrollers.strategy.generationChanged!;
  assert.equal(changed({ metadata: { name: 'r', labels: { a: 'b' } }, spec: { replicas: 1 } }, rc), false);
  assert.equal(changed({ metadata: { name: 'r' }, spec: { replicas: 2 } }, rc), true);
  const tpl: KubeObject = { metadata: { name: 't' }, template: { spec: { containers: [{ name: 'a', image: 'x' }] } } };
  assert.equal(podtemplates.strategy.generationChanged!({ ...tpl, metadata: { name: 't', labels: { a: 'b' } } }, tpl), false);
  assert.equal(podtemplates.strategy.generationChanged!({ ...tpl, template: { spec: { containers: [{ name: 'a', image: 'y' }] } } }, tpl), true);
});
