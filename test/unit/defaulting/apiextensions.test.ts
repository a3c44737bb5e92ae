import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubeObject } from '../../../src/api/types.js';
import { defaultCustomResourceDefinition } from '../../../src/defaulting/apiextensions.js';

const defaulted = (obj: Record<string, unknown>): KubeObject => {
  const o = { metadata: { name: 'widgets.example.com' }, ...obj };
  defaultCustomResourceDefinition(o);
  return o;
};

test('names, conversion and the stored version are filled; schemas are left alone', () => {
  const schema = { type: 'object', properties: { spec: { type: 'object', default: {} } } };
  const o = defaulted({
    spec: { group: 'example.com', scope: 'Namespaced', names: { plural: 'widgets', kind: 'Widget' }, versions: [{ name: 'v1beta1', served: true, storage: false }, { name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema } }] },
  });
  assert.deepEqual(o.spec, {
    group: 'example.com',
    scope: 'Namespaced',
    names: { plural: 'widgets', kind: 'Widget', singular: 'widget', listKind: 'WidgetList' },
    versions: [{ name: 'v1beta1', served: true, storage: false }, { name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', default: {} } } } } }],
    conversion: { strategy: 'None' },
  });
  assert.deepEqual(o.status, { storedVersions: ['v1'] });
});

test('what is set stays; stored versions already there stay', () => {
  const o = defaulted({
    spec: { names: { plural: 'widgets', kind: 'Widget', singular: 'w', listKind: 'Widgets' }, versions: [{ name: 'v2', storage: true }], conversion: { strategy: 'Webhook' } },
    status: { storedVersions: ['v1'] },
  });
  assert.deepEqual(o.spec, { names: { plural: 'widgets', kind: 'Widget', singular: 'w', listKind: 'Widgets' }, versions: [{ name: 'v2', storage: true }], conversion: { strategy: 'Webhook' } });
  assert.deepEqual(o.status, { storedVersions: ['v1'] });
});

test('a conversion webhook service speaks to port 443; review versions are not defaulted in v1', () => {
  const o = defaulted({ spec: { conversion: { strategy: 'Webhook', webhook: { clientConfig: { service: { name: 's', namespace: 'n' } } } } } });
  assert.deepEqual(o.spec, { conversion: { strategy: 'Webhook', webhook: { clientConfig: { service: { name: 's', namespace: 'n', port: 443 } } } } });
});

test('without a kind or a storage version there is nothing to derive', () => {
  const o = defaulted({});
  assert.deepEqual(o.spec, { conversion: { strategy: 'None' } });
  assert.equal(o.status, undefined);
});
