// src/registry/authorization: authorization.k8s.io/v1, create-only kinds answered by the
// authorizer (src/auth): SubjectAccessReview, SelfSubjectAccessReview, LocalSubjectAccessReview
// (`kubectl auth can-i`) and SelfSubjectRulesReview (`kubectl auth can-i --list`).
import { defaultTable } from '../default-table.js';
import { defineResource, type ResourceDefinition } from '../resource.js';

function createOnly(kind: string, plural: string, namespaced: boolean): ResourceDefinition {
  return defineResource({
    group: 'authorization.k8s.io',
    version: 'v1',
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced,
    verbs: ['create'],
    strategy: {},
    table: defaultTable,
  });
}

export const authorizationResources: ResourceDefinition[] = [
  createOnly('LocalSubjectAccessReview', 'localsubjectaccessreviews', true),
  createOnly('SelfSubjectAccessReview', 'selfsubjectaccessreviews', false),
  createOnly('SelfSubjectRulesReview', 'selfsubjectrulesreviews', false),
  createOnly('SubjectAccessReview', 'subjectaccessreviews', false),
];

export { subjectAccessReview, selfSubjectAccessReview, localSubjectAccessReview } from './access-reviews.js';
export { selfSubjectRulesReview } from './rules-review.js';
