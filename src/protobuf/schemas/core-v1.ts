// k8s.io/api/core/v1 (generated.proto field numbers, types.go json tags): namespaces, config maps,
// secrets (data is bytes: base64 in JSON), service accounts, resource quotas (Quantity values).
import type { SchemaTable } from '../schema-types.js';

export const CORE_V1: SchemaTable = {
  'core.v1.Namespace': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'spec', type: 'message:core.v1.NamespaceSpec' },
      3: { name: 'status', type: 'message:core.v1.NamespaceStatus' },
    },
  },
  'core.v1.NamespaceSpec': {
    fields: {
      1: { name: 'finalizers', type: 'string', repeated: true },
    },
  },
  'core.v1.NamespaceStatus': {
    fields: {
      1: { name: 'phase', type: 'string' },
      2: { name: 'conditions', type: 'message:core.v1.NamespaceCondition', repeated: true },
    },
  },
  'core.v1.NamespaceCondition': {
    fields: {
      1: { name: 'type', type: 'string', keepZero: true },
      2: { name: 'status', type: 'string', keepZero: true },
      4: { name: 'lastTransitionTime', type: 'time' },
      5: { name: 'reason', type: 'string' },
      6: { name: 'message', type: 'string' },
    },
  },
  'core.v1.ConfigMap': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'data', type: 'map<string,string>' },
      3: { name: 'binaryData', type: 'map<string,bytes>' },
      4: { name: 'immutable', type: 'bool', pointer: true },
    },
  },
  'core.v1.Secret': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'data', type: 'map<string,bytes>' },
      3: { name: 'type', type: 'string' },
      4: { name: 'stringData', type: 'map<string,string>' },
      5: { name: 'immutable', type: 'bool', pointer: true },
    },
  },
  'core.v1.ServiceAccount': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'secrets', type: 'message:core.v1.ObjectReference', repeated: true },
      3: { name: 'imagePullSecrets', type: 'message:core.v1.LocalObjectReference', repeated: true },
      4: { name: 'automountServiceAccountToken', type: 'bool', pointer: true },
    },
  },
  'core.v1.ResourceQuota': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'spec', type: 'message:core.v1.ResourceQuotaSpec' },
      3: { name: 'status', type: 'message:core.v1.ResourceQuotaStatus' },
    },
  },
  'core.v1.ObjectReference': {
    fields: {
      1: { name: 'kind', type: 'string' },
      2: { name: 'namespace', type: 'string' },
      3: { name: 'name', type: 'string' },
      4: { name: 'uid', type: 'string' },
      5: { name: 'apiVersion', type: 'string' },
      6: { name: 'resourceVersion', type: 'string' },
      7: { name: 'fieldPath', type: 'string' },
    },
  },
  'core.v1.LocalObjectReference': {
    fields: {
      1: { name: 'name', type: 'string' },
    },
  },
  'core.v1.ResourceQuotaSpec': {
    fields: {
      1: { name: 'hard', type: 'map<string,quantity>' },
      2: { name: 'scopes', type: 'string', repeated: true },
      3: { name: 'scopeSelector', type: 'message:core.v1.ScopeSelector', pointer: true },
    },
  },
  'core.v1.ResourceQuotaStatus': {
    fields: {
      1: { name: 'hard', type: 'map<string,quantity>' },
      2: { name: 'used', type: 'map<string,quantity>' },
    },
  },
  'core.v1.ScopeSelector': {
    fields: {
      1: { name: 'matchExpressions', type: 'message:core.v1.ScopedResourceSelectorRequirement', repeated: true },
    },
  },
  'core.v1.ScopedResourceSelectorRequirement': {
    fields: {
      1: { name: 'scopeName', type: 'string', keepZero: true },
      2: { name: 'operator', type: 'string', keepZero: true },
      3: { name: 'values', type: 'string', repeated: true },
    },
  },
};
