// networking.k8s.io/v1 IngressClass. Generation follows spec; spec.controller is fixed.
import type { KubeObject } from '../../api/types.js';
import { immutableField } from '../apps/immutable.js';
import { specChanged } from '../compare.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, nameColumn } from '../printing.js';
import { defineResource, type ResourceDefinition, type TablePrinter } from '../resource.js';
import { validateIngressClass } from '../../validation/kinds/ingress-class.js';

interface IngressClass extends KubeObject {
  spec?: { controller?: string; parameters?: { apiGroup?: string; kind?: string; name?: string } };
}

/** `Kind.apiGroup/name`, `Kind/name` without a group, `<none>` without parameters. */
function parameters(ic: IngressClass): string {
  const p = ic.spec?.parameters;
  if (!p) return '<none>';
  const kind = p.apiGroup === undefined || p.apiGroup === null ? (p.kind ?? '') : `${p.kind ?? ''}.${p.apiGroup}`;
  return `${kind}/${p.name ?? ''}`;
}

const table: TablePrinter = {
  columns: [
    nameColumn(),
    column('Controller', 'string', { description: 'Controller that is responsible for handling this class' }),
    column('Parameters', 'string', { description: 'A reference to a resource with additional parameters' }),
    ageColumn(),
  ],
  row: (obj, now) => [obj.metadata.name ?? '', (obj as IngressClass).spec?.controller ?? '', parameters(obj as IngressClass), age(obj, now)],
};

export const ingressclasses: ResourceDefinition = defineResource({
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'IngressClass',
  plural: 'ingressclasses',
  singular: 'ingressclass',
  namespaced: false,
  storageVersionHash: 'l/iqIbDgFyQ=',
  strategy: {
    generationChanged: specChanged,
    validate: validateIngressClass,
    validateUpdate: (obj, old) => [
      ...immutableField('spec.controller', (obj as IngressClass).spec?.controller, (old as IngressClass).spec?.controller),
      ...validateIngressClass(obj),
    ],
  },
  fieldSelection: defaultFieldSelection(false),
  table,
});
