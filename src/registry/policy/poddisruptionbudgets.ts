// policy/v1 PodDisruptionBudget: what evictions must leave running. Generation follows spec.
import type { KubeObject } from '../../api/types.js';
import { statusSubresource } from '../apps/subresources.js';
import { specChanged } from '../compare.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, nameColumn } from '../printing.js';
import { defineResource, type ResourceDefinition, type TablePrinter } from '../resource.js';
import { validatePodDisruptionBudget } from '../../validation/kinds/policy.js';

type IntOrString = number | string;

interface PodDisruptionBudget extends KubeObject {
  spec?: { minAvailable?: IntOrString; maxUnavailable?: IntOrString };
  status?: { disruptionsAllowed?: number };
}

/** intstr.String(), or `N/A` when the field is unset. */
function intOrString(value: IntOrString | undefined): string {
  return value === undefined || value === null ? 'N/A' : String(value);
}

const table: TablePrinter = {
  columns: [
    nameColumn(),
    column('Min Available', 'string', { description: 'The minimum number of pods that must be available.' }),
    column('Max Unavailable', 'string', { description: 'The maximum number of pods that may be unavailable.' }),
    column('Allowed Disruptions', 'integer', { description: 'Calculated number of pods that may be disrupted at this time.' }),
    ageColumn(),
  ],
  row(obj, now) {
    const { spec, status } = obj as PodDisruptionBudget;
    return [
      obj.metadata.name ?? '',
      intOrString(spec?.minAvailable),
      intOrString(spec?.maxUnavailable),
      status?.disruptionsAllowed ?? 0,
      age(obj, now),
    ];
  },
};

export const poddisruptionbudgets: ResourceDefinition = defineResource({
  group: 'policy',
  version: 'v1',
  kind: 'PodDisruptionBudget',
  plural: 'poddisruptionbudgets',
  singular: 'poddisruptionbudget',
  namespaced: true,
  shortNames: ['pdb'],
  subresources: [statusSubresource],
  storageVersionHash: 'EVWiDmWqyJw=',
  strategy: {
    // The four counters of PodDisruptionBudgetStatus have no omitempty.
    prepareForCreate(obj) {
      obj.status = { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
    },
    generationChanged: specChanged,
    validate: validatePodDisruptionBudget,
    validateUpdate: validatePodDisruptionBudget,
  },
  fieldSelection: defaultFieldSelection(true),
  table,
});
