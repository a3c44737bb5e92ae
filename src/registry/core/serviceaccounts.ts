// core/v1 ServiceAccount: the Secrets count printer.
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, nameColumn } from '../printing.js';
import { defineResource } from '../resource.js';
import { countItems } from './cells.js';

export const serviceaccounts = defineResource({
  group: '',
  version: 'v1',
  kind: 'ServiceAccount',
  plural: 'serviceaccounts',
  singular: 'serviceaccount',
  namespaced: true,
  shortNames: ['sa'],
  storageVersionHash: 'pbx9ZvyFpBE=',
  returnsDeletedObject: true,
  strategy: {},
  fieldSelection: defaultFieldSelection(true),
  table: {
    columns: [
      nameColumn(),
      column('Secrets', 'string', {
        description:
          'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use. Pods are only limited to this list if this service account has a "kubernetes.io/enforce-mountable-secrets" annotation set to "true". The "kubernetes.io/enforce-mountable-secrets" annotation is deprecated since v1.32. Prefer separate namespaces to isolate access to mounted secrets. This field should not be used to find auto-generated service account token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or service account token secrets can be manually created. More info: https://kubernetes.io/docs/concepts/configuration/secret',
      }),
      ageColumn(),
    ],
    row: (obj, now) => [obj.metadata.name ?? '', countItems(obj.secrets), age(obj, now)],
  },
  nameValidation: 'subdomain',
});
