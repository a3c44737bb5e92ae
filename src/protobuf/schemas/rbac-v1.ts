// k8s.io/api/rbac/v1 roles and bindings (`kubectl create role|clusterrole|rolebinding|clusterrolebinding`).
// Field numbers and types per generated.proto (as compiled into kubectl v1.32.4); JSON names,
// omitempty, pointers and inline embeddings per the Go structs' json tags (k8s.io/api v0.32).
import type { SchemaTable } from '../schema-types.js';

export const RBAC_V1: SchemaTable = {
  'rbac.v1.Role': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'rules', type: 'message:rbac.v1.PolicyRule', repeated: true },
    },
  },
  'rbac.v1.ClusterRole': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'rules', type: 'message:rbac.v1.PolicyRule', repeated: true },
      3: { name: 'aggregationRule', type: 'message:rbac.v1.AggregationRule', pointer: true },
    },
  },
  'rbac.v1.RoleBinding': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'subjects', type: 'message:rbac.v1.Subject', repeated: true },
      3: { name: 'roleRef', type: 'message:rbac.v1.RoleRef' },
    },
  },
  'rbac.v1.ClusterRoleBinding': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'subjects', type: 'message:rbac.v1.Subject', repeated: true },
      3: { name: 'roleRef', type: 'message:rbac.v1.RoleRef' },
    },
  },
  'rbac.v1.PolicyRule': {
    fields: {
      1: { name: 'verbs', type: 'string', repeated: true },
      2: { name: 'apiGroups', type: 'string', repeated: true },
      3: { name: 'resources', type: 'string', repeated: true },
      4: { name: 'resourceNames', type: 'string', repeated: true },
      5: { name: 'nonResourceURLs', type: 'string', repeated: true },
    },
  },
  'rbac.v1.AggregationRule': {
    fields: {
      1: { name: 'clusterRoleSelectors', type: 'message:meta.v1.LabelSelector', repeated: true },
    },
  },
  'rbac.v1.Subject': {
    fields: {
      1: { name: 'kind', type: 'string', keepZero: true },
      2: { name: 'apiGroup', type: 'string' },
      3: { name: 'name', type: 'string', keepZero: true },
      4: { name: 'namespace', type: 'string' },
    },
  },
  'rbac.v1.RoleRef': {
    fields: {
      1: { name: 'apiGroup', type: 'string', keepZero: true },
      2: { name: 'kind', type: 'string', keepZero: true },
      3: { name: 'name', type: 'string', keepZero: true },
    },
  },
};
