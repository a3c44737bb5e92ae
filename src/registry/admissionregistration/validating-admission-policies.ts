// ValidatingAdmissionPolicy (with its status subresource) and ValidatingAdmissionPolicyBinding.
// Generation follows spec; defaults are filled before validation.
import type { KubeObject } from '../../api/types.js';
import { specChanged } from '../compare.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, formatLabelSelector, nameColumn } from '../printing.js';
import { defineResource, SUBRESOURCE_VERBS, type ResourceDefinition, type TablePrinter } from '../resource.js';
import type { ValidatingAdmissionPolicy, ValidatingAdmissionPolicyBinding } from './types.js';
import { validateBinding, validatePolicy } from './validate-policies.js';

const policyTable: TablePrinter = {
  columns: [
    nameColumn(),
    column('Validations', 'integer', { description: 'Validations indicates the number of validation rules defined in this configuration' }),
    column('ParamKind', 'string', { description: 'ParamKind specifies the kind of resources used to parameterize this policy' }),
    ageColumn(),
  ],
  row(obj, now) {
    const spec = (obj as ValidatingAdmissionPolicy).spec;
    const paramKind = spec?.paramKind ? `${spec.paramKind.apiVersion ?? ''}/${spec.paramKind.kind ?? ''}` : '<unset>';
    return [obj.metadata.name ?? '', spec?.validations?.length ?? 0, paramKind, age(obj, now)];
  },
};

/** `ns/name`, `*\/name` without a namespace, the selector, or `<unset>`. */
function paramRef(binding: ValidatingAdmissionPolicyBinding): string {
  const ref = binding.spec?.paramRef;
  if (!ref) return '<unset>';
  if (ref.name) return `${ref.namespace || '*'}/${ref.name}`;
  if (ref.selector) return formatLabelSelector(ref.selector);
  return '<unset>';
}

const bindingTable: TablePrinter = {
  columns: [
    nameColumn(),
    column('PolicyName', 'string', { description: 'PolicyName indicates the policy definition which the policy binding binded to' }),
    column('ParamRef', 'string', { description: 'ParamRef indicates the param resource which sets the configration param' }),
    ageColumn(),
  ],
  row: (obj, now) => [obj.metadata.name ?? '', (obj as ValidatingAdmissionPolicyBinding).spec?.policyName ?? '', paramRef(obj as ValidatingAdmissionPolicyBinding), age(obj, now)],
};

export const validatingadmissionpolicies: ResourceDefinition = defineResource({
  group: 'admissionregistration.k8s.io',
  version: 'v1',
  kind: 'ValidatingAdmissionPolicy',
  plural: 'validatingadmissionpolicies',
  singular: 'validatingadmissionpolicy',
  namespaced: false,
  categories: ['api-extensions'],
  subresources: [{ name: 'status', verbs: SUBRESOURCE_VERBS }],
  storageVersionHash: '6OxvlMmQ6is=',
  strategy: {
    prepareForCreate(obj: KubeObject) {
      delete obj.status;
    },
    generationChanged: specChanged,
    validate: validatePolicy,
    validateUpdate: validatePolicy,
  },
  fieldSelection: defaultFieldSelection(false),
  table: policyTable,
});

export const validatingadmissionpolicybindings: ResourceDefinition = defineResource({
  group: 'admissionregistration.k8s.io',
  version: 'v1',
  kind: 'ValidatingAdmissionPolicyBinding',
  plural: 'validatingadmissionpolicybindings',
  singular: 'validatingadmissionpolicybinding',
  namespaced: false,
  categories: ['api-extensions'],
  storageVersionHash: 'v9715VZqakg=',
  strategy: {
    generationChanged: specChanged,
    validate: validateBinding,
    validateUpdate: validateBinding,
  },
  fieldSelection: defaultFieldSelection(false),
  table: bindingTable,
});
