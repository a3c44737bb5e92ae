// A valid CustomResourceDefinition (defaulted, as the store validates it) for the tests to break.
import { deepCopy } from '../../../../src/api/types.js';
import type { FieldError } from '../../../../src/api/field-errors.js';
import { fieldErrorString } from '../../../../src/api/field-errors.js';
import { defaultCustomResourceDefinition } from '../../../../src/defaulting/apiextensions.js';
import type { CustomResourceDefinition } from '../../../../src/registry/apiextensions/types.js';

export const SCHEMA = { type: 'object', properties: { spec: { type: 'object', properties: { replicas: { type: 'integer' }, color: { type: 'string' } } } } };

export function crd(edit: (c: CustomResourceDefinition) => void = () => {}): CustomResourceDefinition {
  const c: CustomResourceDefinition = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: { plural: 'widgets', kind: 'Widget' },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: deepCopy(SCHEMA) } }],
    },
  };
  edit(c);
  defaultCustomResourceDefinition(c);
  return c;
}

export const strings = (errs: FieldError[]): string[] => errs.map(fieldErrorString);
