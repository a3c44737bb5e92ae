// Field selectors on events.k8s.io/v1 Events (pkg/apis/events/v1/conversion.go): `regarding.*`
// and `reportingController` are rewritten to the core field names the Event field set is keyed
// by (involvedObject.*, reportingComponent); the core-only labels, such as `source`, are rejected.
import { newBadRequest } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { FieldSelection } from '../resource.js';
import type { EventsV1Event } from './event-table.js';

const REGARDING_FIELDS = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'] as const;

const ALIASES: Record<string, string> = {
  reportingController: 'reportingComponent',
  ...Object.fromEntries(REGARDING_FIELDS.map((f) => [`regarding.${f}`, `involvedObject.${f}`])),
};
const ACCEPTED = new Set(['metadata.name', 'metadata.namespace', 'reason', 'type']);

/** The core Event selectable field set (pkg/registry/core/event/strategy.go), read from v1. */
function fields(obj: KubeObject): Record<string, string> {
  const e = obj as EventsV1Event;
  const set: Record<string, string> = {
    'metadata.name': obj.metadata.name ?? '',
    'metadata.namespace': obj.metadata.namespace ?? '',
    reason: e.reason ?? '',
    reportingComponent: e.reportingController ?? '',
    source: e.deprecatedSource?.component || e.reportingController || '',
    type: e.type ?? '',
  };
  for (const f of REGARDING_FIELDS) set[`involvedObject.${f}`] = e.regarding?.[f] ?? '';
  return set;
}

export const eventFieldSelection: FieldSelection = {
  convertLabel(label) {
    const alias = ALIASES[label];
    if (alias) return alias;
    if (ACCEPTED.has(label)) return label;
    throw newBadRequest(`field label not supported: ${label}`);
  },
  fields,
};
