// events.k8s.io/v1 Event. In Kubernetes this is the core v1 Event stored once and served in two
// versions; kubefake has no version conversion yet, so this declaration stands alone with its own
// table and field selectors. Its storage must become the core events' once conversion exists.
import { defineResource, type ResourceDefinition } from '../resource.js';
import { eventFieldSelection } from './event-fields.js';
import { eventTable } from './event-table.js';

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
  table: eventTable,
});
