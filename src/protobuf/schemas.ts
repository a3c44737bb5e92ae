// Every message the protobuf decoder knows, and which message each (apiVersion, kind) carries.
// To accept a new kind as protobuf: add its messages under schemas/ and one line below.
import type { KindTable, SchemaTable } from './schema-types.js';
import { AUTHENTICATION_V1 } from './schemas/authentication-v1.js';
import { AUTHORIZATION_V1 } from './schemas/authorization-v1.js';
import { COORDINATION_V1 } from './schemas/coordination-v1.js';
import { CORE_V1 } from './schemas/core-v1.js';
import { META_V1 } from './schemas/meta-v1.js';

export const MESSAGES: SchemaTable = { ...META_V1, ...CORE_V1, ...AUTHORIZATION_V1, ...AUTHENTICATION_V1, ...COORDINATION_V1 };

export const KINDS: KindTable = {
  v1: { Namespace: 'core.v1.Namespace' },
  'authorization.k8s.io/v1': {
    SelfSubjectAccessReview: 'authorization.v1.SelfSubjectAccessReview',
    SelfSubjectRulesReview: 'authorization.v1.SelfSubjectRulesReview',
    SubjectAccessReview: 'authorization.v1.SubjectAccessReview',
    LocalSubjectAccessReview: 'authorization.v1.LocalSubjectAccessReview',
  },
  'authentication.k8s.io/v1': {
    SelfSubjectReview: 'authentication.v1.SelfSubjectReview',
    TokenRequest: 'authentication.v1.TokenRequest',
    TokenReview: 'authentication.v1.TokenReview',
  },
  'authentication.k8s.io/v1beta1': { SelfSubjectReview: 'authentication.v1.SelfSubjectReview' },
  'authentication.k8s.io/v1alpha1': { SelfSubjectReview: 'authentication.v1.SelfSubjectReview' },
  'coordination.k8s.io/v1': { Lease: 'coordination.v1.Lease' },
};
