// The Event table as the server prints events.k8s.io/v1 objects: printers.go printEvent reads the
// internal (core) Event, whose involvedObject, message, source, count and timestamps are
// events.k8s.io's regarding, note, deprecatedSource, deprecatedCount and deprecated*Timestamp.
import type { KubeObject } from '../../api/types.js';
import { NAME_DESCRIPTION, column, since, wide } from '../printing.js';
import type { TablePrinter } from '../resource.js';

export interface EventsV1Event extends KubeObject {
  eventTime?: string;
  series?: { count?: number; lastObservedTime?: string };
  reportingController?: string;
  reportingInstance?: string;
  reason?: string;
  note?: string;
  type?: string;
  regarding?: { kind?: string; namespace?: string; name?: string; uid?: string; apiVersion?: string; resourceVersion?: string; fieldPath?: string };
  deprecatedSource?: { component?: string; host?: string };
  deprecatedFirstTimestamp?: string;
  deprecatedLastTimestamp?: string;
  deprecatedCount?: number;
}

function firstSeen(e: EventsV1Event, now: Date): string {
  return e.deprecatedFirstTimestamp ? since(e.deprecatedFirstTimestamp, now) : since(e.eventTime, now);
}

function lastSeen(e: EventsV1Event, now: Date): string {
  if (e.series) return since(e.series.lastObservedTime, now);
  return e.deprecatedLastTimestamp ? since(e.deprecatedLastTimestamp, now) : firstSeen(e, now);
}

function count(e: EventsV1Event): number {
  if (e.series) return e.series.count ?? 0;
  return e.deprecatedCount || 1;
}

function target(e: EventsV1Event): string {
  const kind = (e.regarding?.kind ?? '').toLowerCase();
  return e.regarding?.name ? `${kind}/${e.regarding.name}` : kind;
}

/** formatEventSource: `component, host`, each falling back to the reporting fields. */
function source(e: EventsV1Event): string {
  const component = e.deprecatedSource?.component || e.reportingController || '';
  const host = e.deprecatedSource?.host || e.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

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
    column('Name', 'string', { priority: 1, format: 'name', description: NAME_DESCRIPTION }),
  ],
  row(obj, now) {
    const e = obj as EventsV1Event;
    return [
      lastSeen(e, now),
      e.type ?? '',
      e.reason ?? '',
      target(e),
      e.regarding?.fieldPath ?? '',
      source(e),
      (e.note ?? '').trim(),
      firstSeen(e, now),
      count(e),
      obj.metadata.name ?? '',
    ];
  },
};
