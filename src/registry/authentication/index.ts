// src/registry/authentication: authentication.k8s.io/v1, create-only kinds whose POST is answered
// from the authenticators (src/auth) rather than stored: SelfSubjectReview, TokenReview, and the
// TokenRequest of serviceaccounts/<name>/token. The server routes their creates here.
import { defaultTable } from '../default-table.js';
import { defineResource, type ResourceDefinition } from '../resource.js';

function createOnly(kind: string, plural: string): ResourceDefinition {
  return defineResource({
    group: 'authentication.k8s.io',
    version: 'v1',
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced: false,
    verbs: ['create'],
    strategy: {},
    table: defaultTable,
  });
}

export const authenticationResources: ResourceDefinition[] = [createOnly('SelfSubjectReview', 'selfsubjectreviews'), createOnly('TokenReview', 'tokenreviews')];

export { selfSubjectReview, tokenReview } from './reviews.js';
export { tokenRequest } from './token-request.js';
export type { ReviewContext, ReviewHandler } from './review-context.js';
