// apiextensions/structural: what a CustomResourceDefinition version's structural schema does to
// custom resources, as apiextensions-apiserver does it: validation (OpenAPI value validations,
// list-type invariants, x-kubernetes-validations CEL rules, ratcheting on update), pruning of
// undeclared fields, defaulting; and the structural-schema rules a CRD's schema itself must obey.
// Pure functions over decoded JSON; compiled state (CEL programs, patterns) is cached per schema.
export { validateCustomResource } from './validate.js';
export { pruneUnknownFields } from './prune.js';
export { applySchemaDefaults } from './defaults.js';
export { validateStructuralSchema } from './structural.js';
export type { CRDSchema, ValidationRule } from './schema.js';
