// core/v1 LimitRange: no printer of its own, so the default Name / Created At table.
import { defaultTable } from '../default-table.js';
import { defaultFieldSelection } from '../field-labels.js';
import { defineResource } from '../resource.js';

export const limitranges = defineResource({
  group: '',
  version: 'v1',
  kind: 'LimitRange',
  plural: 'limitranges',
  singular: 'limitrange',
  namespaced: true,
  shortNames: ['limits'],
  storageVersionHash: 'EBKMFVe6cwo=',
  strategy: {},
  fieldSelection: defaultFieldSelection(true),
  table: defaultTable,
  nameValidation: 'subdomain',
});
