// A custom resource against its CRD version's schema, in the order of apiextensions-apiserver's
// customResourceStrategy.Validate/ValidateUpdate: the OpenAPI schema (kube-openapi), the list-type
// invariants, then the x-kubernetes-validations rules (when the schema has any), which do not run
// when an earlier error already makes the object invalid in a way rules could trip over.
import type { FieldError } from '../../api/field-errors.js';
import type { Schema } from '../../openapi/schema-catalog.js';
import { hasRules, walkRules } from './cel-walk.js';
import { listTypeErrors } from './listtype.js';
import { validateValue } from './openapi-validate.js';
import type { CRDSchema } from './schema.js';

/** The errors that keep the rules from running (hasBlockingErr). */
const BLOCKING = new Set<FieldError['type']>(['FieldValueNotSupported', 'FieldValueRequired', 'FieldValueTooLong', 'FieldValueTooMany', 'FieldValueTypeInvalid']);

const rulesSkipped: FieldError = {
  type: 'FieldValueInvalid',
  field: '<nil>',
  value: null,
  detail: 'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
};

/**
 * Validates `obj` (and, on update, its change from `old`) against the schema. On update, errors
 * in values the update left unchanged are forgiven (CRDValidationRatcheting); rule failures
 * forgiven that way are appended to `warnings`, as Kubernetes returns them as warnings.
 */
export function validateCustomResource(schema: Schema, obj: unknown, old?: unknown, warnings?: string[]): FieldError[] {
  const s = schema as CRDSchema;
  const correlation = old === undefined ? undefined : { old };
  const errs: FieldError[] = [];
  validateValue(s, obj, '', correlation, errs);
  const listErrs = listTypeErrors(s, obj, '');
  // An update of an object that already broke the list invariants is not held to them (ratcheting).
  if (listErrs.length && (old === undefined || listTypeErrors(s, old, '').length === 0)) errs.push(...listErrs);
  if (!hasRules(s)) return errs;
  if (errs.some((e) => BLOCKING.has(e.type))) return [...errs, { ...rulesSkipped }];
  const results = { errors: errs, warnings: warnings ?? [] };
  walkRules(s, obj, correlation, '', () => false, results);
  return results.errors;
}
