// scheduling.k8s.io/v1 PriorityClass. Generation is 1 from create on and never moves; value and
// preemptionPolicy are fixed.
import { forbidden, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { immutableField } from '../apps/immutable.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, nameColumn } from '../printing.js';
import { defineResource, type ResourceDefinition, type TablePrinter } from '../resource.js';

interface PriorityClass extends KubeObject {
  value?: number;
  globalDefault?: boolean;
  preemptionPolicy?: string;
}

function validateUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const pc = obj as PriorityClass;
  const oldPc = old as PriorityClass;
  const errors = pc.value === oldPc.value ? [] : [forbidden('value', 'may not be changed in an update.')];
  return [...errors, ...immutableField('preemptionPolicy', pc.preemptionPolicy, oldPc.preemptionPolicy)];
}

// PreemptionPolicy has priority 0 in printers.go, although its cell is added only for wide output.
const table: TablePrinter = {
  columns: [
    nameColumn(),
    column('Value', 'integer', {
      description:
        'value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.',
    }),
    column('Global-Default', 'boolean', {
      description:
        'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.',
    }),
    ageColumn(),
    column('PreemptionPolicy', 'string', {
      description:
        'preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.',
    }),
  ],
  row(obj, now) {
    const pc = obj as PriorityClass;
    return [obj.metadata.name ?? '', pc.value ?? 0, pc.globalDefault ?? false, age(obj, now), pc.preemptionPolicy ?? ''];
  },
};

export const priorityclasses: ResourceDefinition = defineResource({
  group: 'scheduling.k8s.io',
  version: 'v1',
  kind: 'PriorityClass',
  plural: 'priorityclasses',
  singular: 'priorityclass',
  namespaced: false,
  shortNames: ['pc'],
  storageVersionHash: '1QwjyaZjj3Y=',
  strategy: {
    generationChanged: () => false,
    validateUpdate,
  },
  fieldSelection: defaultFieldSelection(false),
  table,
});
