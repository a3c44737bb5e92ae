// apps/v1 ControllerRevision: an immutable snapshot of a controller's template.
import type { KubeObject } from '../../api/types.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, nameColumn } from '../printing.js';
import { defineResource, type ResourceDefinition, type TablePrinter } from '../resource.js';
import { immutableField } from './immutable.js';

interface ControllerRevision extends KubeObject {
  data?: unknown;
  revision?: number;
}

/** `lowercase(Kind.group)/name` of the controller owner reference, `<none>` without one. */
function controllerName(obj: KubeObject): string {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller === true);
  if (!ref) return '<none>';
  const slash = ref.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : ref.apiVersion.slice(0, slash);
  const kind = group ? `${ref.kind}.${group}` : ref.kind;
  return kind ? `${kind.toLowerCase()}/${ref.name}` : ref.name;
}

const table: TablePrinter = {
  columns: [
    nameColumn(),
    column('Controller', 'string', { description: 'Controller of the object' }),
    column('Revision', 'string', { description: 'Revision indicates the revision of the state represented by Data.' }),
    ageColumn(),
  ],
  row: (obj, now) => [obj.metadata.name ?? '', controllerName(obj), (obj as ControllerRevision).revision ?? 0, age(obj, now)],
};

export const controllerrevisions: ResourceDefinition = defineResource({
  group: 'apps',
  version: 'v1',
  kind: 'ControllerRevision',
  plural: 'controllerrevisions',
  singular: 'controllerrevision',
  namespaced: true,
  storageVersionHash: '85nkx63pcBU=',
  strategy: {
    validateUpdate: (obj, old) => immutableField('data', (obj as ControllerRevision).data, (old as ControllerRevision).data),
  },
  fieldSelection: defaultFieldSelection(true),
  table,
});
