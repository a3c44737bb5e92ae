// k8s.io/api/authorization/v1 as of v1.32 (generated.proto field numbers, types.go json tags):
// the access reviews `kubectl auth can-i` (and webhooks, controllers) send.
import type { SchemaTable } from '../schema-types.js';

const METADATA = { name: 'metadata', type: 'message:meta.v1.ObjectMeta' } as const;
const STATUS = { name: 'status', type: 'message:authorization.v1.SubjectAccessReviewStatus' } as const;

export const AUTHORIZATION_V1: SchemaTable = {
  'authorization.v1.SelfSubjectAccessReview': {
    fields: { 1: METADATA, 2: { name: 'spec', type: 'message:authorization.v1.SelfSubjectAccessReviewSpec' }, 3: STATUS },
  },
  'authorization.v1.SubjectAccessReview': {
    fields: { 1: METADATA, 2: { name: 'spec', type: 'message:authorization.v1.SubjectAccessReviewSpec' }, 3: STATUS },
  },
  'authorization.v1.LocalSubjectAccessReview': {
    fields: { 1: METADATA, 2: { name: 'spec', type: 'message:authorization.v1.SubjectAccessReviewSpec' }, 3: STATUS },
  },
  'authorization.v1.SelfSubjectAccessReviewSpec': {
    fields: {
      1: { name: 'resourceAttributes', type: 'message:authorization.v1.ResourceAttributes', pointer: true },
      2: { name: 'nonResourceAttributes', type: 'message:authorization.v1.NonResourceAttributes', pointer: true },
    },
  },
  'authorization.v1.SubjectAccessReviewSpec': {
    fields: {
      1: { name: 'resourceAttributes', type: 'message:authorization.v1.ResourceAttributes', pointer: true },
      2: { name: 'nonResourceAttributes', type: 'message:authorization.v1.NonResourceAttributes', pointer: true },
      3: { name: 'user', type: 'string' },
      4: { name: 'groups', type: 'string', repeated: true },
      5: { name: 'extra', type: 'map<string,message:authorization.v1.ExtraValue>' },
      6: { name: 'uid', type: 'string' },
    },
  },
  'authorization.v1.ExtraValue': {
    wraps: 1,
    fields: { 1: { name: 'items', type: 'string', repeated: true } },
  },
  'authorization.v1.ResourceAttributes': {
    fields: {
      1: { name: 'namespace', type: 'string' },
      2: { name: 'verb', type: 'string' },
      3: { name: 'group', type: 'string' },
      4: { name: 'version', type: 'string' },
      5: { name: 'resource', type: 'string' },
      6: { name: 'subresource', type: 'string' },
      7: { name: 'name', type: 'string' },
      8: { name: 'fieldSelector', type: 'message:authorization.v1.FieldSelectorAttributes', pointer: true },
      9: { name: 'labelSelector', type: 'message:authorization.v1.LabelSelectorAttributes', pointer: true },
    },
  },
  'authorization.v1.FieldSelectorAttributes': {
    fields: {
      1: { name: 'rawSelector', type: 'string' },
      2: { name: 'requirements', type: 'message:meta.v1.FieldSelectorRequirement', repeated: true },
    },
  },
  'authorization.v1.LabelSelectorAttributes': {
    fields: {
      1: { name: 'rawSelector', type: 'string' },
      2: { name: 'requirements', type: 'message:meta.v1.LabelSelectorRequirement', repeated: true },
    },
  },
  'authorization.v1.NonResourceAttributes': {
    fields: {
      1: { name: 'path', type: 'string' },
      2: { name: 'verb', type: 'string' },
    },
  },
  'authorization.v1.SubjectAccessReviewStatus': {
    fields: {
      1: { name: 'allowed', type: 'bool', keepZero: true },
      2: { name: 'reason', type: 'string' },
      3: { name: 'evaluationError', type: 'string' },
      4: { name: 'denied', type: 'bool' },
    },
  },
  'authorization.v1.SelfSubjectRulesReview': {
    fields: {
      1: METADATA,
      2: { name: 'spec', type: 'message:authorization.v1.SelfSubjectRulesReviewSpec' },
      3: { name: 'status', type: 'message:authorization.v1.SubjectRulesReviewStatus' },
    },
  },
  'authorization.v1.SelfSubjectRulesReviewSpec': {
    fields: { 1: { name: 'namespace', type: 'string' } },
  },
  'authorization.v1.SubjectRulesReviewStatus': {
    fields: {
      1: { name: 'resourceRules', type: 'message:authorization.v1.ResourceRule', repeated: true },
      2: { name: 'nonResourceRules', type: 'message:authorization.v1.NonResourceRule', repeated: true },
      3: { name: 'incomplete', type: 'bool', keepZero: true },
      4: { name: 'evaluationError', type: 'string' },
    },
  },
  'authorization.v1.ResourceRule': {
    fields: {
      1: { name: 'verbs', type: 'string', repeated: true },
      2: { name: 'apiGroups', type: 'string', repeated: true },
      3: { name: 'resources', type: 'string', repeated: true },
      4: { name: 'resourceNames', type: 'string', repeated: true },
    },
  },
  'authorization.v1.NonResourceRule': {
    fields: {
      1: { name: 'verbs', type: 'string', repeated: true },
      2: { name: 'nonResourceURLs', type: 'string', repeated: true },
    },
  },
};
