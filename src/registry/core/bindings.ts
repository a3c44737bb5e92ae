// core/v1 Binding: a create-only resource that assigns a pod to a node, like pods/<name>/binding.
// Nothing is stored under it; the server's binding handler writes the pod.
import { defineResource } from '../resource.js';
import { defaultTable } from '../default-table.js';

export const bindings = defineResource({
  group: '',
  version: 'v1',
  kind: 'Binding',
  plural: 'bindings',
  singular: 'binding',
  namespaced: true,
  verbs: ['create'],
  strategy: {},
  table: defaultTable,
  nameValidation: 'subdomain',
});
