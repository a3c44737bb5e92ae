// Field selectors of custom resources, against apiextensions-apiserver's crConverter
// (ConvertFieldLabel) and customResourceStrategy.selectableFields.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../src/api/types.js';
import { customFieldSelection } from '../../../../src/registry/custom/selectable-fields.js';
import { statusOf } from '../meta/status-of.js';

const SELECTABLE = [{ jsonPath: '.spec.color' }, { jsonPath: '.spec.size' }, { jsonPath: '.spec.enabled' }];

function shirt(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'stable.example.com/v1', kind: 'Shirt', metadata: { name: 'example1', namespace: 'default' }, spec };
}

describe('customFieldSelection: labels', () => {
  it('accepts metadata.name, metadata.namespace and the selectable fields without their leading dot', () => {
    const selection = customFieldSelection(true, SELECTABLE);
    for (const label of ['metadata.name', 'metadata.namespace', 'spec.color', 'spec.size', 'spec.enabled']) {
      assert.equal(selection.convertLabel(label), label);
    }
  });

  it('rejects anything else with field label not supported', () => {
    const selection = customFieldSelection(true, SELECTABLE);
    for (const label of ['spec.colour', '.spec.color', 'status.phase', 'metadata.uid']) {
      const status = statusOf(() => selection.convertLabel(label));
      assert.equal(status.code, 400);
      assert.equal(status.reason, 'BadRequest');
      assert.equal(status.message, `field label not supported: ${label}`);
    }
  });

  it('rejects metadata.namespace for a cluster-scoped CRD', () => {
    const selection = customFieldSelection(false, []);
    assert.equal(selection.convertLabel('metadata.name'), 'metadata.name');
    assert.equal(statusOf(() => selection.convertLabel('metadata.namespace')).message, 'field label not supported: metadata.namespace');
  });
});

describe('customFieldSelection: field values', () => {
  it('stringifies strings, integers and booleans as fmt.Sprint does', () => {
    const fields = customFieldSelection(true, SELECTABLE).fields(shirt({ color: 'blue', size: 42, enabled: true }));
    assert.deepEqual(fields, { 'metadata.name': 'example1', 'metadata.namespace': 'default', 'spec.color': 'blue', 'spec.size': '42', 'spec.enabled': 'true' });
  });

  it('gives "" for a field that is missing or null', () => {
    const fields = customFieldSelection(true, SELECTABLE).fields(shirt({ color: null }));
    assert.deepEqual(fields, { 'metadata.name': 'example1', 'metadata.namespace': 'default', 'spec.color': '', 'spec.size': '', 'spec.enabled': '' });
  });

  it('has no metadata.namespace for a cluster-scoped CRD', () => {
    const fields = customFieldSelection(false, [{ jsonPath: '.spec.color' }]).fields(shirt({ color: 'red' }));
    assert.deepEqual(fields, { 'metadata.name': 'example1', 'spec.color': 'red' });
  });

  it('fails as GetAttrs does on a path CRD validation would have refused', () => {
    const several = customFieldSelection(true, [{ jsonPath: '.spec.sizes[*]' }]);
    assert.throws(() => several.fields(shirt({ sizes: [1, 2] })), { message: 'unexpectedly received more than one JSON path result' });
    const bad = customFieldSelection(true, [{ jsonPath: '.spec[' }]);
    assert.equal(bad.convertLabel('spec['), 'spec[');
    assert.throws(() => bad.fields(shirt({})), { message: 'unexpected error parsing jsonPath: unterminated array' });
    const failing = customFieldSelection(true, [{ jsonPath: '.spec.sizes[3]' }]);
    assert.throws(() => failing.fields(shirt({ sizes: [1] })), { message: 'unexpected error finding value with jsonPath: array index out of bounds: index 3, length 1' });
  });
});
