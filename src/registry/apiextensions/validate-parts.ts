// The parts of a CRD spec that appear both per version and at the top (after the v1 collapse):
// subresources, additionalPrinterColumns and the schema's root, and a version's deprecation
// warning. validateCustomResourceDefinitionVersion, ValidateCustomResourceDefinitionSubresources,
// ValidateCustomResourceColumnDefinition and the root checks of validateCustomResourceDefinitionValidation.
import { forbidden, invalid, required, type FieldError } from '../../api/field-errors.js';
import type { CustomResourceColumnDefinition, CustomResourceSubresources, CustomResourceValidation, StructuralCheck } from './types.js';

const COLUMN_TYPES = ['boolean', 'date', 'integer', 'number', 'string'];
const COLUMN_FORMATS = ['byte', 'date', 'date-time', 'double', 'float', 'int32', 'int64', 'password'];

/** validateSimpleJSONPath, for a path known not to be empty. */
function simpleJSONPath(path: string, value: string): FieldError[] {
  return value.startsWith('.') ? [] : [invalid(path, value, 'must be a simple json path starting with .')];
}

/** A scale path: required, simple, and under one of `prefixes`. */
function scalePath(path: string, value: string | undefined, prefixes: string[], detail: string): FieldError[] {
  if (!value) return [required(path, '')];
  const errs = simpleJSONPath(path, value);
  if (errs.length) return errs;
  return prefixes.some((p) => value.startsWith(p)) ? [] : [invalid(path, value, detail)];
}

export function validateSubresources(subresources: CustomResourceSubresources | undefined, path: string): FieldError[] {
  const scale = subresources?.scale;
  if (!scale) return [];
  const errs = [
    ...scalePath(`${path}.scale.specReplicasPath`, scale.specReplicasPath, ['.spec.'], 'should be a json path under .spec'),
    ...scalePath(`${path}.scale.statusReplicasPath`, scale.statusReplicasPath, ['.status.'], 'should be a json path under .status'),
  ];
  if (scale.labelSelectorPath) {
    errs.push(...scalePath(`${path}.scale.labelSelectorPath`, scale.labelSelectorPath, ['.spec.', '.status.'], 'should be a json path under either .spec or .status'));
  }
  return errs;
}

function validateColumn(col: CustomResourceColumnDefinition, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!col.name) errs.push(required(`${path}.name`, ''));
  const types = `must be one of ${COLUMN_TYPES.join(',')}`;
  if (!col.type) errs.push(required(`${path}.type`, types));
  else if (!COLUMN_TYPES.includes(col.type)) errs.push(invalid(`${path}.type`, col.type, types));
  if (col.format && !COLUMN_FORMATS.includes(col.format)) errs.push(invalid(`${path}.format`, col.format, `must be one of ${COLUMN_FORMATS.join(',')}`));
  if (!col.jsonPath) errs.push(required(`${path}.JSONPath`, ''));
  else errs.push(...simpleJSONPath(`${path}.JSONPath`, col.jsonPath));
  return errs;
}

export function validateColumns(columns: CustomResourceColumnDefinition[] | undefined, path: string): FieldError[] {
  return (columns ?? []).flatMap((col, i) => validateColumn(col, `${path}[${i}]`));
}

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

export function deprecationWarningErrors(deprecated: boolean, warning: string | undefined): string[] {
  if (!deprecated && warning !== undefined) return ['can only be set for deprecated versions'];
  if (warning === undefined) return [];
  const errs: string[] = [];
  if (Buffer.byteLength(warning, 'utf8') > 256) errs.push('must be <= 256 characters long');
  if (!warning) errs.push('must not be an empty string');
  let index = 0;
  for (const char of warning) {
    if (!PRINTABLE.test(char)) {
      errs.push(`must only contain printable UTF-8 characters; non-printable character found at index ${index}`);
      break;
    }
    index += Buffer.byteLength(char, 'utf8');
  }
  return errs;
}

/**
 * The JSONSchemaProps members (JSON names) that may be at the root when the status subresource is
 * enabled (its schema is taken as properties.status), and the disallowed ones that Go's struct
 * holds before Type, which its field walk therefore reports first.
 */
const BEFORE_TYPE = ['id', '$schema', '$ref'];
const ALLOWED_AT_ROOT = new Set([
  'description', 'type', 'format', 'title', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern',
  'maxItems', 'minItems', 'uniqueItems', 'multipleOf', 'required', 'items', 'properties', 'externalDocs', 'example',
  'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-validations',
]);
const ALLOWED_AT_ROOT_GO =
  '[Description Type Format Title Maximum ExclusiveMaximum Minimum ExclusiveMinimum MaxLength MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required Items Properties ExternalDocs Example XPreserveUnknownFields XValidations]';
/** Members that are plain strings or booleans in Go: "" and false are their zero values, so unset. */
const ZERO_WHEN_EMPTY = new Set(['id', '$schema', 'description', 'type', 'format', 'title', 'pattern', 'nullable', 'exclusiveMaximum', 'exclusiveMinimum', 'uniqueItems', 'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string']);

function isSet(schema: Record<string, unknown>, key: string): boolean {
  const value = schema[key];
  if (value === undefined || value === null) return false;
  return !(ZERO_WHEN_EMPTY.has(key) && (value === '' || value === false));
}

/** The first problem of a root schema under a status subresource, as Go's walk over the struct finds it. */
function statusRootErrors(schema: Record<string, unknown>, path: string): FieldError[] {
  const set = Object.keys(schema).filter((key) => isSet(schema, key));
  const rootError = invalid(path, schema, `only ${ALLOWED_AT_ROOT_GO} fields are allowed at the root of the schema if the status subresource is enabled`);
  if (set.some((key) => BEFORE_TYPE.includes(key))) return [rootError];
  if (set.includes('type') && schema.type !== 'object') {
    return [invalid(`${path}.type`, schema.type, 'only "object" is allowed as the type at the root of the schema if the status subresource is enabled')];
  }
  return set.some((key) => !ALLOWED_AT_ROOT.has(key)) ? [rootError] : [];
}

/** validateCustomResourceDefinitionValidation: the root rules, then the structural schema check. */
export function validateValidation(validation: CustomResourceValidation | undefined, statusEnabled: boolean, path: string, structural: StructuralCheck): FieldError[] {
  const schema = validation?.openAPIV3Schema;
  if (!schema) return [];
  const schemaPath = `${path}.openAPIV3Schema`;
  const errs = statusEnabled ? statusRootErrors(schema, schemaPath) : [];
  if (schema.nullable === true) errs.push(forbidden(`${schemaPath}.nullable`, 'nullable cannot be true at the root'));
  return [...errs, ...structural(schema, schemaPath)];
}
