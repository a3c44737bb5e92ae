// core/v1 ResourceQuota: status starts empty; the printer splits `used/hard` per resource into
// the Request and Limit columns.
import type { KubeObject } from '../../api/types.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, nameColumn } from '../printing.js';
import { defineResource, SUBRESOURCE_VERBS } from '../resource.js';
import type { ResourceList } from './types.js';

interface ResourceQuota extends KubeObject {
  status?: { hard?: ResourceList; used?: ResourceList };
}

/** `name: used/hard` for each hard limit, sorted; `limits.*` resources in the second list. */
function quotaColumns(quota: ResourceQuota): [string, string] {
  const hard = quota.status?.hard ?? {};
  const used = quota.status?.used ?? {};
  const requests: string[] = [];
  const limits: string[] = [];
  for (const name of Object.keys(hard).sort()) {
    // A missing usage is a zero Quantity, which prints as 0.
    (name.startsWith('limits.') ? limits : requests).push(`${name}: ${used[name] ?? '0'}/${hard[name]}`);
  }
  return [requests.join(', '), limits.join(', ')];
}

export const resourcequotas = defineResource({
  group: '',
  version: 'v1',
  kind: 'ResourceQuota',
  plural: 'resourcequotas',
  singular: 'resourcequota',
  namespaced: true,
  shortNames: ['quota'],
  storageVersionHash: '8uhSgffRX6w=',
  returnsDeletedObject: true,
  subresources: [{ name: 'status', verbs: SUBRESOURCE_VERBS }],
  strategy: {
    prepareForCreate: (obj) => {
      obj.status = {};
    },
  },
  fieldSelection: defaultFieldSelection(true),
  table: {
    columns: [
      nameColumn(),
      ageColumn(),
      column('Request', 'string', { description: 'Request represents a minimum amount of cpu/memory that a container may consume.' }),
      column('Limit', 'string', {
        description: 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.',
      }),
    ],
    row: (obj, now) => [obj.metadata.name ?? '', age(obj, now), ...quotaColumns(obj as ResourceQuota)],
  },
  nameValidation: 'subdomain',
});
