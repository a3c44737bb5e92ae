// apiextensions/structural: what a CustomResourceDefinition version's structural schema does to
// custom resources, as apiextensions-apiserver does it: validation (OpenAPI value validations,
// list-type invariants, x-kubernetes-validations CEL rules, ratcheting on update), pruning of
// undeclared fields, defaulting; the structural-schema rules a CRD's schema itself must obey (with
// its CEL rules compiled and type-checked); and the custom resource strategy's own checks: the
// ObjectMeta coercion of the decoder, scale fields, kind/apiVersion and finalizer warnings; and
// cel.ValidFieldPath, which CRD validation also applies to selectable fields.
// Pure functions over decoded JSON; compiled state (CEL programs, patterns) is cached per schema.
export { validateCustomResource } from './validate.js';
export { pruneUnknownFields } from './prune.js';
export { applySchemaDefaults } from './defaults.js';
export { validateStructuralSchema } from './structural.js';
export { coerceObjectMeta, coerceEmbeddedObjectMeta, type MetaCoercion } from './object-meta.js';
export { nestedField, validateScale } from './scale.js';
export { finalizerWarnings } from './finalizers.js';
export { validFieldPath, type FoundField } from './valid-field-path.js';
export type { CRDSchema, ValidationRule } from './schema.js';
