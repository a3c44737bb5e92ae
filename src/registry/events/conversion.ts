// events.k8s.io/v1 Event <-> core v1 Event (pkg/apis/events/v1/conversion.go): one stored
// object, two shapes. Fields with the same meaning carry different names in each version.
import type { KubeObject } from '../../api/types.js';
import type { StoredAs } from '../resource.js';

/** [core v1 name, events.k8s.io/v1 name] of the fields that are renamed; the rest keep their names. */
const RENAMED: readonly [string, string][] = [
  ['involvedObject', 'regarding'],
  ['message', 'note'],
  ['reportingComponent', 'reportingController'],
  ['source', 'deprecatedSource'],
  ['firstTimestamp', 'deprecatedFirstTimestamp'],
  ['lastTimestamp', 'deprecatedLastTimestamp'],
  ['count', 'deprecatedCount'],
];

function rename(obj: KubeObject, pairs: readonly [string, string][], apiVersion: string): KubeObject {
  const out: KubeObject = { ...obj, apiVersion, kind: 'Event' };
  for (const [from, to] of pairs) {
    delete out[from];
    if (obj[from] !== undefined) out[to] = obj[from];
  }
  return out;
}

export const storedAsCoreEvent: StoredAs = {
  group: '',
  plural: 'events',
  toStorage: (obj) => rename(obj, RENAMED.map(([core, events]) => [events, core]), 'v1'),
  fromStorage: (obj) => rename(obj, RENAMED, 'events.k8s.io/v1'),
};
