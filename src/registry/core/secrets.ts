// core/v1 Secret: stringData folded into data, immutable type and data, the secret printer and
// the `type` field selector.
import type { KubeObject } from '../../api/types.js';
import { invalid, type FieldError } from '../../api/field-errors.js';
import { conversionFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, nameColumn } from '../printing.js';
import { defineResource } from '../resource.js';
import { countKeys } from './cells.js';
import { immutableDataErrors } from './immutable-data.js';
import { validateSecret } from '../../validation/kinds/config-data.js';

/** Defaulting gives a secret without a type this one. */
const DEFAULT_TYPE = 'Opaque';
const secretType = (obj: KubeObject): string => (typeof obj.type === 'string' && obj.type ? obj.type : DEFAULT_TYPE);

/**
 * stringData is write-only: its entries overwrite data's, base64-encoded, and it is never stored.
 * Kubernetes does this when converting v1 to its internal version, before any strategy runs.
 */
function foldStringData(obj: KubeObject): void {
  const stringData = obj.stringData;
  delete obj.stringData;
  if (!stringData || typeof stringData !== 'object' || !Object.keys(stringData).length) return;
  const data: Record<string, unknown> = { ...(obj.data as Record<string, unknown> | undefined) };
  for (const [key, value] of Object.entries(stringData)) data[key] = Buffer.from(String(value), 'utf8').toString('base64');
  obj.data = data;
}

/** SetDefaults_Secret, until the defaulting layer holds it: no type means Opaque. */
function prepareForCreate(obj: KubeObject): void {
  foldStringData(obj);
  obj.type = secretType(obj);
}

function validateUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const typeErrors = secretType(obj) === secretType(old) ? [] : [invalid('type', secretType(obj), 'field is immutable')];
  return [...validateSecret(obj), ...typeErrors, ...immutableDataErrors(obj, old, ['data'])];
}

export const secrets = defineResource({
  group: '',
  version: 'v1',
  kind: 'Secret',
  plural: 'secrets',
  singular: 'secret',
  namespaced: true,
  storageVersionHash: 'S6u1pOWzb84=',
  strategy: { prepareForCreate, prepareForUpdate: foldStringData, validate: validateSecret, validateUpdate },
  fieldSelection: conversionFieldSelection({ namespaced: true, fields: { type: (obj) => (typeof obj.type === 'string' ? obj.type : '') } }),
  table: {
    columns: [
      nameColumn(),
      column('Type', 'string', { description: 'Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types' }),
      column('Data', 'string', {
        description:
          "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4",
      }),
      ageColumn(),
    ],
    row: (obj, now) => [obj.metadata.name ?? '', typeof obj.type === 'string' ? obj.type : '', countKeys(obj.data), age(obj, now)],
  },
  nameValidation: 'subdomain',
});
