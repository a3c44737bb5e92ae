// core/v1 Event: the event printer (LAST SEEN, OBJECT, SOURCE, COUNT …) and the event field
// selectors (involvedObject.*, reason, source, reportingComponent, type).
import type { KubeObject } from '../../api/types.js';
import { conversionFieldSelection, fieldPath } from '../field-labels.js';
import { column, nameColumn, since, wide } from '../printing.js';
import { defineResource, type TablePrinter } from '../resource.js';
import { validateEvent } from '../../validation/kinds/event.js';

interface Event extends KubeObject {
  involvedObject?: { kind?: string; name?: string; fieldPath?: string };
  reason?: string;
  message?: string;
  type?: string;
  source?: { component?: string; host?: string };
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  count?: number;
  series?: { count?: number; lastObservedTime?: string | null };
  /** The reporting controller: core/v1 names it reportingComponent in JSON. */
  reportingComponent?: string;
  reportingInstance?: string;
}

/** `component, host`, each falling back to the reporting controller and instance. */
function eventSource(ev: Event): string {
  const component = ev.source?.component || ev.reportingComponent || '';
  const host = ev.source?.host || ev.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

function eventTarget(ev: Event): string {
  const kind = (ev.involvedObject?.kind ?? '').toLowerCase();
  return ev.involvedObject?.name ? `${kind}/${ev.involvedObject.name}` : kind;
}

function eventRow(ev: Event, now: Date): (string | number)[] {
  const firstSeen = ev.firstTimestamp ? since(ev.firstTimestamp, now) : since(ev.eventTime, now);
  let lastSeen = ev.lastTimestamp ? since(ev.lastTimestamp, now) : firstSeen;
  let count = ev.count || 1;
  if (ev.series) {
    lastSeen = since(ev.series.lastObservedTime, now);
    count = ev.series.count ?? 0;
  }
  return [
    lastSeen,
    ev.type ?? '',
    ev.reason ?? '',
    eventTarget(ev),
    ev.involvedObject?.fieldPath ?? '',
    eventSource(ev),
    (ev.message ?? '').trim(),
    firstSeen,
    count,
    ev.metadata.name ?? '',
  ];
}

/** The Event printer (printers.go printEvent); events.k8s.io/v1 prints its events through it too. */
export const eventTable: TablePrinter = {
  columns: [
    column('Last Seen', 'string', { description: 'The time at which the most recent occurrence of this event was recorded.' }),
    column('Type', 'string', { description: 'Type of this event (Normal, Warning), new types could be added in the future' }),
    column('Reason', 'string', {
      description: "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
    }),
    column('Object', 'string', { description: 'The object that this event is about.' }),
    wide(
      'Subobject',
      'string',
      'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.',
    ),
    wide('Source', 'string', 'The component reporting this event. Should be a short machine understandable string.'),
    column('Message', 'string', { description: 'A human-readable description of the status of this operation.' }),
    wide('First Seen', 'string', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)'),
    wide('Count', 'string', 'The number of times this event has occurred.'),
    { ...nameColumn(), priority: 1 },
  ],
  row: (obj, now) => eventRow(obj as Event, now),
};

const involved = (field: string) => fieldPath(`involvedObject.${field}`);

export const events = defineResource({
  group: '',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  singular: 'event',
  namespaced: true,
  shortNames: ['ev'],
  storageVersionHash: 'r2yiGXH7wu8=',
  strategy: { validate: validateEvent, validateUpdate: validateEvent },
  fieldSelection: conversionFieldSelection({
    namespaced: true,
    fields: {
      'involvedObject.kind': involved('kind'),
      'involvedObject.namespace': involved('namespace'),
      'involvedObject.name': involved('name'),
      'involvedObject.uid': involved('uid'),
      'involvedObject.apiVersion': involved('apiVersion'),
      'involvedObject.resourceVersion': involved('resourceVersion'),
      'involvedObject.fieldPath': involved('fieldPath'),
      reason: fieldPath('reason'),
      reportingComponent: fieldPath('reportingComponent'),
      source: (obj) => (obj as Event).source?.component || ((obj as Event).reportingComponent ?? ''),
      type: fieldPath('type'),
    },
  }),
  table: eventTable,
  nameValidation: 'subdomain',
});
