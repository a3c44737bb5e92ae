import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { namesAndConditions, type HeldNames } from '../../../src/controllers/crd-names.js';
import type { CustomResourceDefinition } from '../../../src/registry/apiextensions/types.js';

function crd(name: string, names: Record<string, unknown>, status: Record<string, unknown> = {}): CustomResourceDefinition {
  return { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name }, spec: { group: 'example.com', names }, status } as CustomResourceDefinition;
}

const held = (entries: [string, HeldNames][]): Map<string, HeldNames> => new Map(entries);
const reasons = (o: ReturnType<typeof namesAndConditions>): string[] => o.conditions.map((c) => `${c.type}=${c.status}/${c.reason}: ${c.message}`);

describe('CRD naming', () => {
  it('accepts free names in Go field order and establishes the CRD', () => {
    const out = namesAndConditions(crd('widgets.example.com', { kind: 'Widget', plural: 'widgets', listKind: 'WidgetList', singular: 'widget', shortNames: ['wd'] }), held([]));
    assert.deepEqual(Object.keys(out.names), ['plural', 'singular', 'shortNames', 'kind', 'listKind']);
    assert.deepEqual(reasons(out), ['NamesAccepted=True/NoConflicts: no conflicts found', 'Established=True/InitialNamesAccepted: the initial names have been accepted']);
  });

  it('keeps what another CRD of the group holds and tells the last conflict', () => {
    const others = held([['widgets.example.com', { group: 'example.com', names: { plural: 'widgets', singular: 'widget', shortNames: ['wd'], kind: 'Widget', listKind: 'WidgetList' } }]]);
    const out = namesAndConditions(crd('gizmos.example.com', { plural: 'gizmos', singular: 'gizmo', shortNames: ['wd'], kind: 'Widget', listKind: 'WidgetList' }, { acceptedNames: { plural: '', kind: '' } }), others);
    assert.deepEqual(out.names, { plural: 'gizmos', singular: 'gizmo', kind: '' });
    assert.deepEqual(reasons(out), ['NamesAccepted=False/ListKindConflict: "WidgetList" is already in use', 'Established=False/NotAccepted: not all names are accepted']);
  });

  it('ignores other groups and its own names', () => {
    const others = held([
      ['widgets.other.com', { group: 'other.com', names: { plural: 'widgets', kind: 'Widget' } }],
      ['widgets.example.com', { group: 'example.com', names: { plural: 'widgets', kind: 'Widget' } }],
    ]);
    const out = namesAndConditions(crd('widgets.example.com', { plural: 'widgets', kind: 'Widget' }, { acceptedNames: { plural: 'widgets', kind: 'Widget' } }), others);
    assert.equal(out.conditions[0].status, 'True');
  });
});
