// Field selectors on events.k8s.io/v1 Events (pkg/apis/events/v1/conversion.go): `regarding.*`
// and `reportingController` are rewritten to the core field names the Event field set is keyed
// by (involvedObject.*, reportingComponent); the core-only labels, such as `source`, are rejected.
// The values are the core Event's fields, read from the object converted back to core.
import { newBadRequest } from '../../api/errors.js';
import type { FieldSelection } from '../resource.js';
import { events as coreEvents } from '../core/events.js';
import { storedAsCoreEvent } from './conversion.js';

const REGARDING_FIELDS = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'] as const;

const ALIASES: Record<string, string> = {
  reportingController: 'reportingComponent',
  ...Object.fromEntries(REGARDING_FIELDS.map((f) => [`regarding.${f}`, `involvedObject.${f}`])),
};
const ACCEPTED = new Set(['metadata.name', 'metadata.namespace', 'reason', 'type']);

export const eventFieldSelection: FieldSelection = {
  convertLabel(label) {
    const alias = ALIASES[label];
    if (alias) return alias;
    if (ACCEPTED.has(label)) return label;
    throw newBadRequest(`field label not supported: ${label}`);
  },
  fields: (obj) => coreEvents.fieldSelection!.fields(storedAsCoreEvent.toStorage(obj)),
};
