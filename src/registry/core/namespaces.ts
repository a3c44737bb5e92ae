// core/v1 Namespace: born Active with the `kubernetes` finalizer, always labelled with its own
// name; spec.finalizers change only through /finalize (pkg/registry/core/namespace/strategy.go).
import { deepCopy, type KubeObject } from '../../api/types.js';
import { conversionFieldSelection, fieldPath } from '../field-labels.js';
import { age, column, nameColumn, ageColumn } from '../printing.js';
import { defineResource, STANDARD_VERBS, SUBRESOURCE_VERBS } from '../resource.js';
import { rfc3339 } from '../../api/time.js';
import { validateNamespace } from '../../validation/kinds/namespace.js';

const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';
const KUBERNETES_FINALIZER = 'kubernetes';

interface Namespace extends KubeObject {
  spec?: { finalizers?: string[] };
  status?: { phase?: string };
}

/** Canonicalize: the name label can be neither removed nor changed. */
function labelWithName(ns: Namespace): void {
  if (ns.metadata.name) ns.metadata.labels = { ...ns.metadata.labels, [NAMESPACE_NAME_LABEL]: ns.metadata.name };
}

function prepareForCreate(obj: KubeObject): void {
  const ns = obj as Namespace;
  ns.status = { phase: 'Active' };
  const finalizers = ns.spec?.finalizers ?? [];
  if (!finalizers.includes(KUBERNETES_FINALIZER)) ns.spec = { ...ns.spec, finalizers: [...finalizers, KUBERNETES_FINALIZER] };
  labelWithName(ns);
}

function prepareForUpdate(obj: KubeObject, old: KubeObject): void {
  const ns = obj as Namespace;
  const finalizers = (old as Namespace).spec?.finalizers;
  ns.spec = { ...ns.spec };
  if (finalizers) ns.spec.finalizers = [...finalizers];
  else delete ns.spec.finalizers;
  labelWithName(ns);
}

/**
 * The namespace REST storage's own Delete: the first DELETE marks it Terminating; it goes once
 * the namespace controller has emptied it and cleared spec.finalizers through /finalize.
 */
function prepareForDelete(obj: KubeObject, now: Date): KubeObject | undefined {
  const ns = obj as Namespace;
  if (!ns.metadata.deletionTimestamp) {
    const next = deepCopy(ns);
    next.metadata.deletionTimestamp = rfc3339(now);
    next.metadata.deletionGracePeriodSeconds = 0;
    next.status = { ...next.status, phase: 'Terminating' };
    return next;
  }
  return ns.spec?.finalizers?.length ? obj : undefined;
}

export const namespaces = defineResource({
  group: '',
  version: 'v1',
  kind: 'Namespace',
  plural: 'namespaces',
  singular: 'namespace',
  namespaced: false,
  shortNames: ['ns'],
  verbs: STANDARD_VERBS.filter((v) => v !== 'deletecollection'),
  storageVersionHash: 'Q3oi5N2YM8M=',
  returnsDeletedObject: true,
  subresources: [
    { name: 'finalize', verbs: ['update'] },
    { name: 'status', verbs: SUBRESOURCE_VERBS },
  ],
  strategy: { prepareForCreate, prepareForUpdate, prepareForDelete, validate: validateNamespace, validateUpdate: validateNamespace },
  fieldSelection: conversionFieldSelection({
    namespaced: false,
    acceptsNamespace: false,
    fields: { 'status.phase': fieldPath('status.phase') },
  }),
  table: {
    columns: [nameColumn(), column('Status', 'string', { description: 'The status of the namespace' }), ageColumn()],
    row: (obj, now) => [obj.metadata.name ?? '', (obj as Namespace).status?.phase ?? '', age(obj, now)],
  },
  nameValidation: 'label',
});
