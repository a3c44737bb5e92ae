// The scale fields of a custom resource whose CRD version has a scale subresource
// (apiextensions-apiserver pkg/registry/customresource/validator.go ValidateScaleSpec and
// ValidateScaleStatus): the replicas at specReplicasPath and statusReplicasPath, when present,
// must be integers from 0 to 2147483647, and the selector at labelSelectorPath a string. The
// error's field is the path as the CRD writes it (`.spec.replicas`); a value of the wrong type is
// unstructured's accessor error, with the zero value as the Invalid value.
import type { FieldError } from '../../api/field-errors.js';
import { invalid } from '../../api/field-errors.js';
import { goSprint, goTypeName } from '../../api/go-format.js';
import { isPlainObject } from '../../api/types.js';
import type { ScalePaths } from '../../registry/resource.js';

const MAX_INT32 = 2147483647;

/** unstructured's accessor error: `.spec.replicas accessor error: x is of the type string, expected int64`. */
const accessorError = (path: string, v: unknown, expected: string): string =>
  `.${path.replace(/^\./, '')} accessor error: ${goSprint(v)} is of the type ${goTypeName(v)}, expected ${expected}`;

/** unstructured.NestedFieldNoCopy: the value at a dotted path, or the accessor error on the way. */
export function nestedField(obj: unknown, path: string): { found: boolean; value?: unknown; error?: string } {
  const fields = path.replace(/^\./, '').split('.');
  let at: unknown = obj;
  for (const [i, f] of fields.entries()) {
    if (!isPlainObject(at)) return { found: false, error: accessorError(fields.slice(0, i + 1).join('.'), at, 'map[string]interface{}') };
    if (!Object.hasOwn(at, f)) return { found: false };
    at = at[f];
  }
  return { found: true, value: at };
}

function replicasErrors(obj: unknown, path: string): FieldError[] {
  const { found, value, error } = nestedField(obj, path);
  if (error) return [invalid(path, 0, error)];
  if (!found) return [];
  if (typeof value !== 'number' || !Number.isInteger(value)) return [invalid(path, 0, accessorError(path, value, 'int64'))];
  if (value < 0) return [invalid(path, value, 'should be a non-negative integer')];
  if (value > MAX_INT32) return [invalid(path, value, `should be less than or equal to ${MAX_INT32}`)];
  return [];
}

function selectorErrors(obj: unknown, path: string): FieldError[] {
  const { found, value, error } = nestedField(obj, path);
  if (error) return [invalid(path, '', error)];
  if (found && typeof value !== 'string') return [invalid(path, '', accessorError(path, value, 'string'))];
  return [];
}

/**
 * The scale errors of a custom resource: on create and on main-resource updates (isStatus false)
 * spec replicas, then status replicas and the selector; on /status writes (isStatus true) only
 * the status ones, as ValidateStatusUpdate runs only ValidateScaleStatus.
 */
export function validateScale(obj: unknown, paths: ScalePaths, isStatus: boolean): FieldError[] {
  const errs = isStatus ? [] : replicasErrors(obj, paths.specReplicasPath);
  errs.push(...replicasErrors(obj, paths.statusReplicasPath));
  if (paths.labelSelectorPath !== undefined) errs.push(...selectorErrors(obj, paths.labelSelectorPath));
  return errs;
}
