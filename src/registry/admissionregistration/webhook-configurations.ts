// MutatingWebhookConfiguration and ValidatingWebhookConfiguration: cluster-scoped lists of
// webhooks. Generation follows `webhooks`; defaults are filled before validation.
import { deepEqual } from '../compare.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, nameColumn } from '../printing.js';
import { defineResource, type ResourceDefinition, type TablePrinter } from '../resource.js';
import type { WebhookConfiguration } from './types.js';
import { validateWebhookConfiguration } from './validate-webhooks.js';

const table: TablePrinter = {
  columns: [nameColumn(), column('Webhooks', 'integer', { description: 'Webhooks indicates the number of webhooks registered in this configuration' }), ageColumn()],
  row: (obj, now) => [obj.metadata.name ?? '', (obj as WebhookConfiguration).webhooks?.length ?? 0, age(obj, now)],
};

function webhookConfigurations(kind: string, plural: string, storageVersionHash: string, mutating: boolean): ResourceDefinition {
  return defineResource({
    group: 'admissionregistration.k8s.io',
    version: 'v1',
    kind,
    plural,
    singular: plural.slice(0, -1),
    namespaced: false,
    categories: ['api-extensions'],
    storageVersionHash,
    strategy: {
      generationChanged: (obj, old) => !deepEqual((obj as WebhookConfiguration).webhooks, (old as WebhookConfiguration).webhooks),
      validate: (obj) => validateWebhookConfiguration(obj, mutating),
      validateUpdate: (obj) => validateWebhookConfiguration(obj, mutating),
    },
    fieldSelection: defaultFieldSelection(false),
    table,
  });
}

export const mutatingwebhookconfigurations = webhookConfigurations('MutatingWebhookConfiguration', 'mutatingwebhookconfigurations', 'Sqi0GUgDaX0=', true);
export const validatingwebhookconfigurations = webhookConfigurations('ValidatingWebhookConfiguration', 'validatingwebhookconfigurations', 'B0wHjQmsGNk=', false);
