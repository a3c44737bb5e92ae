// Whether a CRD version's openAPIV3Schema is an acceptable structural schema, with the errors
// kube-apiserver gives for a CustomResourceDefinition that is not: first the per-node schema rules
// (in schema order), then the structural invariants (sorted, as Kubernetes sorts them), then, for
// a structural schema only, the compile errors of its x-kubernetes-validations rules.
import type { FieldError } from '../../api/field-errors.js';
import type { Schema } from '../../openapi/schema-catalog.js';
import { celSchemaErrors } from './cel-schema-check.js';
import type { CRDSchema } from './schema.js';
import { schemaRuleErrors } from './schema-rules.js';
import { structuralInvariantErrors } from './structural-invariants.js';

/** `path` is the schema's field path in the CRD, e.g. `spec.versions[0].schema.openAPIV3Schema`. */
export function validateStructuralSchema(schema: Schema, path: string): FieldError[] {
  const s = schema as CRDSchema;
  const ruleErrors = schemaRuleErrors(s, path, true);
  const invariantErrors = structuralInvariantErrors(s, path);
  const celErrors = invariantErrors.length ? [] : celSchemaErrors(s, path, ruleErrors);
  return [...ruleErrors, ...invariantErrors, ...celErrors];
}
