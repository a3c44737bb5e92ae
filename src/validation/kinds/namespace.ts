// core/v1 Namespace validation (ValidateNamespace): spec.finalizers are qualified names, and a name
// without a `/` must be one of the standard finalizers. Update keeps the finalizers of the stored
// object (the strategy resets them), so the same rules hold.
import { invalid, notSupported, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { isQualifiedName } from '../names.js';
import { obj, str } from './values.js';

const STANDARD_FINALIZERS = ['foregroundDeletion', 'kubernetes', 'orphan'];

function finalizerErrors(name: string): FieldError[] {
  const path = 'spec.finalizers';
  const errs = isQualifiedName(name).map((msg) => invalid(path, name, msg));
  if (!name.includes('/') && !STANDARD_FINALIZERS.includes(name)) errs.push(notSupported(path, name, STANDARD_FINALIZERS));
  return errs;
}

export function validateNamespace(namespace: KubeObject): FieldError[] {
  const finalizers = obj(namespace.spec)?.finalizers;
  return Array.isArray(finalizers) ? finalizers.flatMap((f) => finalizerErrors(str(f))) : [];
}
