// rbac.authorization.k8s.io/v1 RoleBinding and ClusterRoleBinding: subjects bound to a role
// reference that never changes after creation.
import type { RoleRef, Subject } from '../../auth/rbac/types.js';
import { defaultFieldSelection } from '../field-labels.js';
import { defineResource } from '../resource.js';
import { bindingTable } from './binding-table.js';
import { validateRoleRef, validateRoleRefUnchanged, validateSubjects } from './validation.js';

export const rolebindings = defineResource({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'RoleBinding',
  plural: 'rolebindings',
  singular: 'rolebinding',
  namespaced: true,
  storageVersionHash: 'eGsCzGH6b1g=',
  strategy: {
    validate: (obj) => [...validateRoleRef(obj.roleRef as RoleRef | undefined, ['Role', 'ClusterRole']), ...validateSubjects(obj.subjects as Subject[] | undefined, false)],
    validateUpdate: (obj, old) => [...validateRoleRefUnchanged(obj, old), ...validateSubjects(obj.subjects as Subject[] | undefined, false)],
  },
  fieldSelection: defaultFieldSelection(true),
  table: bindingTable(
    'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable.',
  ),
  nameValidation: 'path-segment',
});

export const clusterrolebindings = defineResource({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'ClusterRoleBinding',
  plural: 'clusterrolebindings',
  singular: 'clusterrolebinding',
  namespaced: false,
  storageVersionHash: '48tpQ8gZHFc=',
  strategy: {
    validate: (obj) => [...validateRoleRef(obj.roleRef as RoleRef | undefined, ['ClusterRole']), ...validateSubjects(obj.subjects as Subject[] | undefined, true)],
    validateUpdate: (obj, old) => [...validateRoleRefUnchanged(obj, old), ...validateSubjects(obj.subjects as Subject[] | undefined, true)],
  },
  fieldSelection: defaultFieldSelection(false),
  table: bindingTable(
    'RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable.',
  ),
  nameValidation: 'path-segment',
});
