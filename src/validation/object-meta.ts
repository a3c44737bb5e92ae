// ValidateObjectMeta and ValidateObjectMetaUpdate (apimachinery pkg/api/validation/objectmeta.go):
// the metadata rules every kind shares, in Kubernetes' order so that aggregate messages match.
import type { ObjectMeta } from '../api/types.js';
import { forbidden, invalid, required, type FieldError } from '../api/field-errors.js';
import { nameValidator, validateNamespaceName, type NameValidation } from './name-validators.js';
import {
  validateAnnotations,
  validateFinalizers,
  validateLabels,
  validateManagedFields,
  validateNoNewFinalizers,
  validateOwnerReferences,
} from './metadata-fields.js';

export interface ObjectMetaOptions {
  namespaced: boolean;
  nameValidation: NameValidation;
}

export const FIELD_IMMUTABLE = 'field is immutable';

/**
 * Validation on create. Name generation has already happened when this runs, so a generateName
 * object has a name too; generateName is still checked as a prefix.
 */
export function validateObjectMeta(meta: ObjectMeta, options: ObjectMetaOptions): FieldError[] {
  const validateName = nameValidator(options.nameValidation);
  const errs: FieldError[] = [];
  if (meta.generateName) {
    for (const msg of validateName(meta.generateName, true)) errs.push(invalid('metadata.generateName', meta.generateName, msg));
  }
  if (!meta.name) errs.push(required('metadata.name', 'name or generateName is required'));
  else for (const msg of validateName(meta.name, false)) errs.push(invalid('metadata.name', meta.name, msg));

  if (options.namespaced) {
    if (!meta.namespace) errs.push(required('metadata.namespace'));
    else for (const msg of validateNamespaceName(meta.namespace, false)) errs.push(invalid('metadata.namespace', meta.namespace, msg));
  } else if (meta.namespace) {
    errs.push(forbidden('metadata.namespace', 'not allowed on this type'));
  }

  const generation = meta.generation ?? 0;
  if (generation < 0) errs.push(invalid('metadata.generation', generation, 'must be greater than or equal to 0'));
  errs.push(
    ...validateLabels(meta.labels, 'metadata.labels'),
    ...validateAnnotations(meta.annotations, 'metadata.annotations'),
    ...validateOwnerReferences(meta.ownerReferences, 'metadata.ownerReferences'),
    ...validateFinalizers(meta.finalizers, 'metadata.finalizers'),
    ...validateManagedFields(meta.managedFields, 'metadata.managedFields'),
  );
  return errs;
}

/** A timestamp as semantic equality sees it: unset and empty are the zero time. */
function instant(value: string | null | undefined): string | number {
  if (!value) return '';
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : ms;
}

function immutable(path: string, next: unknown, unchanged: boolean): FieldError[] {
  return unchanged ? [] : [invalid(path, next, FIELD_IMMUTABLE)];
}

const sameString = (a: string | undefined, b: string | undefined): boolean => (a ?? '') === (b ?? '');

/**
 * Validation on update. Run it once the store has carried server-owned fields (uid,
 * creationTimestamp, resourceVersion for unconditional updates) over from the old object.
 */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta): FieldError[] {
  const errs: FieldError[] = [];
  if (old.deletionTimestamp) errs.push(...validateNoNewFinalizers(meta.finalizers, old.finalizers, 'metadata.finalizers'));
  if (!meta.resourceVersion) errs.push(invalid('metadata.resourceVersion', '', 'must be specified for an update'));
  const generation = meta.generation ?? 0;
  if (generation < (old.generation ?? 0)) errs.push(invalid('metadata.generation', generation, 'must not be decremented'));

  errs.push(
    ...immutable('metadata.name', meta.name ?? '', sameString(meta.name, old.name)),
    ...immutable('metadata.namespace', meta.namespace ?? '', sameString(meta.namespace, old.namespace)),
    ...immutable('metadata.uid', meta.uid ?? '', sameString(meta.uid, old.uid)),
    ...immutable('metadata.creationTimestamp', meta.creationTimestamp ?? '', instant(meta.creationTimestamp) === instant(old.creationTimestamp)),
    ...immutable('metadata.deletionTimestamp', meta.deletionTimestamp, instant(meta.deletionTimestamp) === instant(old.deletionTimestamp)),
    ...immutable(
      'metadata.deletionGracePeriodSeconds',
      meta.deletionGracePeriodSeconds,
      (meta.deletionGracePeriodSeconds ?? null) === (old.deletionGracePeriodSeconds ?? null),
    ),
    ...validateLabels(meta.labels, 'metadata.labels'),
    ...validateAnnotations(meta.annotations, 'metadata.annotations'),
    ...validateOwnerReferences(meta.ownerReferences, 'metadata.ownerReferences'),
    ...validateManagedFields(meta.managedFields, 'metadata.managedFields'),
  );
  return errs;
}
