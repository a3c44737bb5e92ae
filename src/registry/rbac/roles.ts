// rbac.authorization.k8s.io/v1 Role and ClusterRole: rules, and for ClusterRoles an
// aggregationRule the aggregation controller fills the rules from. Printed as the default table.
import { defaultFieldSelection } from '../field-labels.js';
import { defaultTable } from '../default-table.js';
import { defineResource } from '../resource.js';
import { validateRules } from './validation.js';

export const roles = defineResource({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'Role',
  plural: 'roles',
  singular: 'role',
  namespaced: true,
  storageVersionHash: '7FuwZcIIItM=',
  strategy: {
    validate: (obj) => validateRules(obj, true),
    validateUpdate: (obj) => validateRules(obj, true),
  },
  fieldSelection: defaultFieldSelection(true),
  table: defaultTable,
  nameValidation: 'path-segment',
});

export const clusterroles = defineResource({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'ClusterRole',
  plural: 'clusterroles',
  singular: 'clusterrole',
  namespaced: false,
  storageVersionHash: 'bYE5ZWDrJ44=',
  strategy: {
    validate: (obj) => validateRules(obj, false),
    validateUpdate: (obj) => validateRules(obj, false),
  },
  fieldSelection: defaultFieldSelection(false),
  table: defaultTable,
  nameValidation: 'path-segment',
});
