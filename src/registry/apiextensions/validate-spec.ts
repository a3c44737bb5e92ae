// validateCustomResourceDefinitionSpec and validateCustomResourceDefinitionVersion, over the
// internal shape of the spec (internal.ts), in Kubernetes' order so aggregate messages match.
// The top-level/per-version exclusivity rules are left out: a v1 spec cannot break them, since
// the conversion moves a field to the top only when every version has it alike.
import { invalid, notSupported, required, type FieldError } from '../../api/field-errors.js';
import { isDNS1035Label, isDNS1123Subdomain } from '../../validation/names.js';
import { goVersions } from './go-versions.js';
import type { InternalSpec, InternalVersion } from './internal.js';
import { hasDefault, schemaHas } from './schema-walk.js';
import { validateSelectableFields } from './selectable-fields.js';
import type { CustomResourceSubresources, StructuralCheck } from './types.js';
import { validateConversion, type ConversionOptions } from './validate-conversion.js';
import { validateSpecNames } from './validate-names.js';
import { deprecationWarningErrors, validateColumns, validateSubresources, validateValidation } from './validate-parts.js';

export interface SpecOptions extends ConversionOptions {
  /** On create, and on updates of CRDs whose every version already has a schema. */
  requireOpenAPISchema: boolean;
  structural: StructuralCheck;
}

const SCOPES = ['Cluster', 'Namespaced'];

function validateGroup(group: string): FieldError[] {
  if (!group) return [required('spec.group', '')];
  const errs = isDNS1123Subdomain(group);
  if (errs.length) return [invalid('spec.group', group, errs.join(','))];
  return group.split('.').length < 2 ? [invalid('spec.group', group, 'should be a domain with at least one dot')] : [];
}

function validateScope(scope: string): FieldError[] {
  if (!scope) return [required('spec.scope', '')];
  return SCOPES.includes(scope) ? [] : [notSupported('spec.scope', scope, SCOPES)];
}

/** Versions without a schema, unless there is one at the top. */
function validateSchemasPresent(spec: InternalSpec, options: SpecOptions): FieldError[] {
  if (spec.validation?.openAPIV3Schema) return [];
  const versions = spec.versions ?? [];
  if (options.requireOpenAPISchema) {
    return versions.flatMap((v, i) => (v.schema?.openAPIV3Schema ? [] : [required(`spec.versions[${i}].schema.openAPIV3Schema`, 'schemas are required')]));
  }
  if (spec.preserveUnknownFields) return [];
  return versions.flatMap((v, i) =>
    v.served && !v.schema?.openAPIV3Schema ? [required(`spec.versions[${i}].schema.openAPIV3Schema`, 'because otherwise all fields are pruned')] : [],
  );
}

function specHasDefaults(spec: InternalSpec): boolean {
  return [spec.validation, ...(spec.versions ?? []).map((v) => v.schema)].some((s) => schemaHas(s?.openAPIV3Schema, hasDefault));
}

const statusEnabled = (subresources: CustomResourceSubresources | undefined): boolean => subresources?.status !== undefined;

function validateVersion(spec: InternalSpec, version: InternalVersion, path: string, options: SpecOptions): FieldError[] {
  const errs = deprecationWarningErrors(version.deprecated, version.deprecationWarning).map((msg) => invalid(`${path}.deprecationWarning`, version.deprecationWarning, msg));
  // getSubresourcesForVersion: the top-level ones unless some version has its own.
  const subresources = spec.versions?.some((v) => v.subresources) ? version.subresources : spec.subresources;
  errs.push(
    ...validateValidation(version.schema, statusEnabled(subresources), `${path}.schema`, options.structural),
    ...validateSubresources(version.subresources, `${path}.subresources`),
    ...validateColumns(version.additionalPrinterColumns, `${path}.additionalPrinterColumns`),
  );
  if (version.selectableFields?.length) {
    const schema = version.schema?.openAPIV3Schema;
    if (!schema) errs.push(invalid(`${path}.selectableFields`, '', 'selectableFields may only be set when version.schema.openAPIV3Schema is not included'));
    else errs.push(...validateSelectableFields(version.selectableFields, schema, `${path}.selectableFields`));
  }
  return errs;
}

function validateVersions(spec: InternalSpec, options: SpecOptions): FieldError[] {
  const versions = spec.versions ?? [];
  const errs: FieldError[] = [];
  versions.forEach((v, i) => {
    const nameErrs = isDNS1035Label(v.name);
    if (nameErrs.length) errs.push(invalid(`spec.versions[${i}].name`, v.name, nameErrs.join(',')));
    errs.push(...validateVersion(spec, v, `spec.versions[${i}]`, options));
  });
  const rendered = goVersions(spec.versions);
  if (new Set(versions.map((v) => v.name)).size !== versions.length) {
    errs.push({ type: 'FieldValueInvalid', field: 'spec.versions', rendered, detail: 'must contain unique version names' });
  }
  if (versions.filter((v) => v.storage).length !== 1) {
    errs.push({ type: 'FieldValueInvalid', field: 'spec.versions', rendered, detail: 'must have exactly one version marked as storage version' });
  }
  const versionErrs = spec.version ? isDNS1035Label(spec.version) : [];
  if (versionErrs.length) errs.push(invalid('spec.version', spec.version, versionErrs.join(',')));
  return errs;
}

/** The top-level (collapsed) schema, subresources, columns and selectable fields. */
function validateTopLevel(spec: InternalSpec, options: SpecOptions): FieldError[] {
  const anyStatus = statusEnabled(spec.subresources) || (spec.versions ?? []).some((v) => statusEnabled(v.subresources));
  const errs = [
    ...validateValidation(spec.validation, anyStatus, 'spec.validation', options.structural),
    ...validateSubresources(spec.subresources, 'spec.subresources'),
    ...validateColumns(spec.additionalPrinterColumns, 'spec.additionalPrinterColumns'),
  ];
  if (spec.selectableFields?.length) {
    if (!spec.validation) errs.push(invalid('spec.selectableFields', '', 'selectableFields may only be set when validations.schema is included'));
    else errs.push(...validateSelectableFields(spec.selectableFields, spec.validation.openAPIV3Schema ?? {}, 'spec.selectableFields'));
  }
  return errs;
}

export function validateSpec(spec: InternalSpec, options: SpecOptions): FieldError[] {
  const errs = [...validateGroup(spec.group), ...validateScope(spec.scope), ...validateSchemasPresent(spec, options)];
  if (spec.preserveUnknownFields && specHasDefaults(spec)) errs.push(invalid('spec.preserveUnknownFields', true, 'must be false in order to use defaults in the schema'));
  errs.push(...validateVersions(spec, options), ...validateSpecNames(spec.names, 'spec.names'), ...validateTopLevel(spec, options));
  const strategy = spec.conversion?.strategy;
  if (spec.conversion && strategy !== 'None' && spec.preserveUnknownFields) {
    errs.push(invalid('spec.conversion.strategy', strategy, 'must be None if spec.preserveUnknownFields is true'));
  }
  return [...errs, ...validateConversion(spec.conversion, options, 'spec.conversion')];
}
