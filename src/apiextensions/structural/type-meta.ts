// A custom resource's kind and apiVersion against the version it is written through
// (apiextensions-apiserver customResourceValidator.ValidateTypeMeta): the strategy's first check,
// whose errors, when there are any, are the only ones. A body whose apiVersion names another
// group/version never gets here: the create and update handlers refuse it first, 400 `the API
// version in the data (…) does not match the expected API version (…)`.
import type { FieldError } from '../../api/field-errors.js';
import { invalid } from '../../api/field-errors.js';

/** `kind: Invalid value: "Other": must be Widget`, `apiVersion: Invalid value: …: must be <group>/<version>`. */
export function validateTypeMeta(obj: { kind?: unknown; apiVersion?: unknown }, group: string, version: string, kind: string): FieldError[] {
  const errs: FieldError[] = [];
  const expectedAPIVersion = group ? `${group}/${version}` : version;
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  if (text(obj.kind) !== kind) errs.push(invalid('kind', text(obj.kind), `must be ${kind}`));
  if (text(obj.apiVersion) !== expectedAPIVersion) errs.push(invalid('apiVersion', text(obj.apiVersion), `must be ${group}/${version}`));
  return errs;
}
