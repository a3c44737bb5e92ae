// events.k8s.io/v1 Event: the core v1 Event stored once and served in a second shape, with its
// own table and field selectors.
import { defineResource, type ResourceDefinition } from '../resource.js';
import { eventFieldSelection } from './event-fields.js';
import { eventTable } from '../core/events.js';
import { storedAsCoreEvent } from './conversion.js';

export const events: ResourceDefinition = defineResource({
  group: 'events.k8s.io',
  version: 'v1',
  kind: 'Event',
  plural: 'events',
  singular: 'event',
  namespaced: true,
  shortNames: ['ev'],
  storageVersionHash: 'r2yiGXH7wu8=',
  strategy: {},
  fieldSelection: eventFieldSelection,
  // printers.go prints the internal (core) Event, so both versions print through one printer.
  table: { columns: eventTable.columns, row: (obj, now) => eventTable.row(storedAsCoreEvent.toStorage(obj), now) },
  storedAs: storedAsCoreEvent,
});
