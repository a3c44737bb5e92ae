// networking.k8s.io/v1 NetworkPolicy. Generation follows spec.
import type { KubeObject } from '../../api/types.js';
import { specChanged } from '../compare.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, formatLabelSelector, nameColumn, type LabelSelector } from '../printing.js';
import { defineResource, type ResourceDefinition, type TablePrinter } from '../resource.js';
import { validateNetworkPolicy } from '../../validation/kinds/network-policy.js';

interface NetworkPolicy extends KubeObject {
  spec?: { podSelector?: LabelSelector };
}

const table: TablePrinter = {
  columns: [
    nameColumn(),
    column('Pod-Selector', 'string', {
      description:
        'Selects the pods to which this NetworkPolicy object applies.  The array of ingress rules is applied to any pods selected by this field. Multiple network policies can select the same set of pods.  In this case, the ingress rules for each are combined additively. This field is NOT optional and follows standard label selector semantics. An empty podSelector matches all pods in this namespace.',
    }),
    ageColumn(),
  ],
  // The printer formats a pointer to the (never nil) podSelector: `<none>` when it is empty.
  row: (obj, now) => [obj.metadata.name ?? '', formatLabelSelector((obj as NetworkPolicy).spec?.podSelector ?? {}), age(obj, now)],
};

export const networkpolicies: ResourceDefinition = defineResource({
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'NetworkPolicy',
  plural: 'networkpolicies',
  singular: 'networkpolicy',
  namespaced: true,
  shortNames: ['netpol'],
  storageVersionHash: 'YpfwF18m1G8=',
  strategy: { generationChanged: specChanged, validate: validateNetworkPolicy, validateUpdate: validateNetworkPolicy },
  fieldSelection: defaultFieldSelection(true),
  table,
});
