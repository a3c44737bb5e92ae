// ValidateCustomResourceDefinition, ValidateCustomResourceDefinitionUpdate and
// ValidateUpdateCustomResourceDefinitionStatus (apiextensions-apiserver
// pkg/apis/apiextensions/validation). ObjectMeta itself is checked by the generic store; these add
// the CRD's own name rule, the spec, status.acceptedNames, status.storedVersions, API approval
// of protected groups and preserveUnknownFields. The structural-schema check of each schema is
// the caller's (`structural`).
import { invalid, required, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { goStrings } from '../../api/go-format.js';
import { FIELD_IMMUTABLE } from '../../validation/object-meta.js';
import { validateCABundle } from '../../validation/webhook-client.js';
import { toInternalSpec, type InternalSpec } from './internal.js';
import { isConditionTrue, type CustomResourceDefinition, type StructuralCheck } from './types.js';
import { hasAcceptedReviewVersionOrNone } from './validate-conversion.js';
import { validateNames } from './validate-names.js';
import { validateSpec, type SpecOptions } from './validate-spec.js';

const APPROVAL_ANNOTATION = 'api-approved.kubernetes.io';
const APPROVAL_PR = 'https://github.com/kubernetes/enhancements/pull/1111';

/** The name rule beside the store's DNS check: metadata.name must be `<plural>.<group>`. */
function validateName(crd: CustomResourceDefinition, spec: InternalSpec): FieldError[] {
  const expected = `${spec.names.plural ?? ''}.${spec.group}`;
  const detail = 'must be spec.names.plural+"."+spec.group';
  const { name, generateName } = crd.metadata;
  const errs: FieldError[] = [];
  if (generateName && generateName !== expected) errs.push(invalid('metadata.generateName', generateName, detail));
  if (name && name !== expected) errs.push(invalid('metadata.name', name, detail));
  return errs;
}

function validateStoredVersions(crd: CustomResourceDefinition, spec: InternalSpec): FieldError[] {
  const stored = crd.status?.storedVersions;
  const path = 'status.storedVersions';
  const rendered = goStrings(stored);
  if (!stored?.length) return [{ type: 'FieldValueInvalid', field: path, rendered, detail: 'must have at least one stored version' }];
  const remaining = new Map(stored.map((v, i) => [v, i]));
  const errs: FieldError[] = [];
  for (const v of spec.versions ?? []) {
    if (v.storage && !remaining.has(v.name)) errs.push({ type: 'FieldValueInvalid', field: path, rendered, detail: `must have the storage version ${v.name}` });
    remaining.delete(v.name);
  }
  for (const [v, i] of remaining) {
    const detail = `missing from spec.versions; ${v} was previously a storage version, and must remain in spec.versions until a storage migration ensures no data remains persisted in ${v} and removes ${v} from status.storedVersions`;
    errs.push(invalid(`${path}[${i}]`, v, detail));
  }
  return errs;
}

type Approval = 'missing' | 'bypassed' | 'approved' | 'invalid';

function approvalState(crd: CustomResourceDefinition): Approval {
  const annotation = crd.metadata.annotations?.[APPROVAL_ANNOTATION] ?? '';
  if (!annotation) return 'missing';
  if (annotation.startsWith('unapproved')) return 'bypassed';
  if (!URL.canParse(annotation)) return 'invalid';
  const url = new URL(annotation);
  return url.host && url.protocol.length > 1 ? 'approved' : 'invalid';
}

/** Groups `k8s.io`, `kubernetes.io` and their subdomains need the API approval annotation. */
function validateAPIApproval(crd: CustomResourceDefinition, group: string, old?: CustomResourceDefinition): FieldError[] {
  const isProtected = ['k8s.io', 'kubernetes.io'].some((g) => group === g || group.endsWith(`.${g}`));
  if (!isProtected) return [];
  const state = approvalState(crd);
  if ((old && approvalState(old) === state) || state === 'approved' || state === 'bypassed') return [];
  const path = `metadata.annotations[${APPROVAL_ANNOTATION}]`;
  if (state === 'missing') return [required(path, `protected groups must have approval annotation "${APPROVAL_ANNOTATION}", see ${APPROVAL_PR}`)];
  const detail = `protected groups must have approval annotation "${APPROVAL_ANNOTATION}" with either a URL or a reason starting with "unapproved", see ${APPROVAL_PR}`;
  return [invalid(path, crd.metadata.annotations?.[APPROVAL_ANNOTATION] ?? '', detail)];
}

function validatePreserveUnknownFields(crd: CustomResourceDefinition, old?: CustomResourceDefinition): FieldError[] {
  if (old?.spec?.preserveUnknownFields || !crd.spec?.preserveUnknownFields) return [];
  return [invalid('spec.preserveUnknownFields', true, 'cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead')];
}

function validateStatus(crd: CustomResourceDefinition): FieldError[] {
  return validateNames(crd.status?.acceptedNames ?? {}, 'status.acceptedNames');
}

export function validateCustomResourceDefinition(obj: KubeObject, structural: StructuralCheck): FieldError[] {
  const crd = obj as CustomResourceDefinition;
  const spec = toInternalSpec(crd.spec);
  const options: SpecOptions = { requireRecognizedReviewVersion: true, allowInvalidCABundle: true, requireOpenAPISchema: true, structural };
  return [
    ...validateName(crd, spec),
    ...validateSpec(spec, options),
    ...validateStatus(crd),
    ...validateStoredVersions(crd, spec),
    ...validateAPIApproval(crd, spec.group),
    ...validatePreserveUnknownFields(crd),
  ];
}

/** An invalid caBundle may stay invalid, and may be set before the CRD is established. */
function allowInvalidCABundle(old: CustomResourceDefinition, oldSpec: InternalSpec): boolean {
  if (!isConditionTrue(old, 'Established')) return true;
  const caBundle = oldSpec.conversion?.webhookClientConfig?.caBundle;
  return Boolean(caBundle) && validateCABundle('caBundle', caBundle ?? '').length > 0;
}

function immutable(path: string, next: string, previous: string): FieldError[] {
  return next === previous ? [] : [invalid(path, next, FIELD_IMMUTABLE)];
}

export function validateCustomResourceDefinitionUpdate(obj: KubeObject, oldObj: KubeObject, structural: StructuralCheck): FieldError[] {
  const crd = obj as CustomResourceDefinition;
  const old = oldObj as CustomResourceDefinition;
  const spec = toInternalSpec(crd.spec);
  const oldSpec = toInternalSpec(old.spec);
  const options: SpecOptions = {
    requireRecognizedReviewVersion: hasAcceptedReviewVersionOrNone(oldSpec.conversion?.conversionReviewVersions),
    allowInvalidCABundle: allowInvalidCABundle(old, oldSpec),
    requireOpenAPISchema: Boolean(oldSpec.validation?.openAPIV3Schema) || (oldSpec.versions ?? []).every((v) => v.schema?.openAPIV3Schema),
    structural,
  };
  const errs = validateSpec(spec, options);
  if (isConditionTrue(old, 'Established')) {
    errs.push(...immutable('spec.scope', spec.scope, oldSpec.scope), ...immutable('spec.names.kind', spec.names.kind ?? '', oldSpec.names.kind ?? ''));
  }
  errs.push(...immutable('spec.group', spec.group, oldSpec.group), ...immutable('spec.names.plural', spec.names.plural ?? '', oldSpec.names.plural ?? ''));
  return [...errs, ...validateStatus(crd), ...validateStoredVersions(crd, spec), ...validateAPIApproval(crd, spec.group, old), ...validatePreserveUnknownFields(crd, old)];
}

/** A write through /status: only the accepted names are checked (ObjectMeta is the store's). */
export function validateCustomResourceDefinitionStatusUpdate(obj: KubeObject): FieldError[] {
  return validateStatus(obj as CustomResourceDefinition);
}
