// core/v1 ConfigMap: the Data count printer and the immutable-data rule.
import type { KubeObject } from '../../api/types.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, nameColumn } from '../printing.js';
import { defineResource } from '../resource.js';
import { countKeys } from './cells.js';
import { immutableDataErrors } from './immutable-data.js';
import { validateConfigMap } from '../../validation/kinds/config-data.js';

export const configmaps = defineResource({
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  singular: 'configmap',
  namespaced: true,
  shortNames: ['cm'],
  storageVersionHash: 'qFsyl6wFWjQ=',
  strategy: {
    validate: validateConfigMap,
    validateUpdate: (obj: KubeObject, old: KubeObject) => [...validateConfigMap(obj), ...immutableDataErrors(obj, old, ['data', 'binaryData'])],
  },
  fieldSelection: defaultFieldSelection(true),
  table: {
    columns: [
      nameColumn(),
      column('Data', 'string', {
        description:
          "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.",
      }),
      ageColumn(),
    ],
    row: (obj, now) => [obj.metadata.name ?? '', countKeys(obj.data) + countKeys(obj.binaryData), age(obj, now)],
  },
  nameValidation: 'subdomain',
});
