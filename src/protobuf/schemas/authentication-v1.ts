// k8s.io/api/authentication/v1 (generated.proto field numbers, types.go json tags): whoami,
// create token, token reviews. v1alpha1 and v1beta1 SelfSubjectReview reuse these messages.
import type { SchemaTable } from '../schema-types.js';

const METADATA = { name: 'metadata', type: 'message:meta.v1.ObjectMeta' } as const;

export const AUTHENTICATION_V1: SchemaTable = {
  'authentication.v1.SelfSubjectReview': {
    fields: { 1: METADATA, 2: { name: 'status', type: 'message:authentication.v1.SelfSubjectReviewStatus' } },
  },
  'authentication.v1.SelfSubjectReviewStatus': {
    fields: { 1: { name: 'userInfo', type: 'message:authentication.v1.UserInfo' } },
  },
  'authentication.v1.UserInfo': {
    fields: {
      1: { name: 'username', type: 'string' },
      2: { name: 'uid', type: 'string' },
      3: { name: 'groups', type: 'string', repeated: true },
      4: { name: 'extra', type: 'map<string,message:authentication.v1.ExtraValue>' },
    },
  },
  'authentication.v1.ExtraValue': {
    wraps: 1,
    fields: { 1: { name: 'items', type: 'string', repeated: true } },
  },
  'authentication.v1.TokenRequest': {
    fields: {
      1: METADATA,
      2: { name: 'spec', type: 'message:authentication.v1.TokenRequestSpec' },
      3: { name: 'status', type: 'message:authentication.v1.TokenRequestStatus' },
    },
  },
  'authentication.v1.TokenRequestSpec': {
    fields: {
      1: { name: 'audiences', type: 'string', repeated: true },
      3: { name: 'boundObjectRef', type: 'message:authentication.v1.BoundObjectReference', pointer: true },
      4: { name: 'expirationSeconds', type: 'int64', pointer: true },
    },
  },
  'authentication.v1.BoundObjectReference': {
    fields: {
      1: { name: 'kind', type: 'string' },
      2: { name: 'apiVersion', type: 'string' },
      3: { name: 'name', type: 'string' },
      4: { name: 'uid', type: 'string' },
    },
  },
  'authentication.v1.TokenRequestStatus': {
    fields: {
      1: { name: 'token', type: 'string', keepZero: true },
      2: { name: 'expirationTimestamp', type: 'time' },
    },
  },
  'authentication.v1.TokenReview': {
    fields: {
      1: METADATA,
      2: { name: 'spec', type: 'message:authentication.v1.TokenReviewSpec' },
      3: { name: 'status', type: 'message:authentication.v1.TokenReviewStatus' },
    },
  },
  'authentication.v1.TokenReviewSpec': {
    fields: {
      1: { name: 'token', type: 'string' },
      2: { name: 'audiences', type: 'string', repeated: true },
    },
  },
  'authentication.v1.TokenReviewStatus': {
    fields: {
      1: { name: 'authenticated', type: 'bool' },
      2: { name: 'user', type: 'message:authentication.v1.UserInfo' },
      3: { name: 'error', type: 'string' },
      4: { name: 'audiences', type: 'string', repeated: true },
    },
  },
};
