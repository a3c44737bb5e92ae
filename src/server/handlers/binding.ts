// pods/binding and the bindings resource: assigns a pod to a node once, as the scheduler does.
import { newConflict, newSuccess } from '../../api/errors.js';
import { deepCopy, isPlainObject } from '../../api/types.js';
import { invalid, required } from '../../api/field-errors.js';
import { newInvalid } from '../../api/errors.js';
import { decodeObjectBody, readBody } from '../body.js';
import { toObject } from './body-object.js';
import { parseWriteParams, type RequestScope } from './scope.js';
import { writeJSON } from '../respond.js';
import type { GenericStore } from '../../registry/store.js';

/** The binding REST storage reports its conflicts as the pods/binding resource. */
const BINDING_RESOURCE = { group: '', resource: 'pods/binding' };

export async function handleBinding(scope: RequestScope, pods: GenericStore): Promise<void> {
  const { info } = scope;
  const params = parseWriteParams(scope, 'CreateOptions');
  const binding = toObject((await decodeObjectBody(scope.req, await readBody(scope.req), { apiVersion: 'v1', kind: 'Binding' })).value, { group: '', version: 'v1', kind: 'Binding' });
  const podName = info.subresource === 'binding' ? info.name : binding.metadata.name ?? '';
  const target = isPlainObject(binding.target) ? binding.target : {};
  const nodeName = typeof target.name === 'string' ? target.name : '';
  if (!nodeName) throw newInvalid({ group: '', kind: 'Binding' }, podName, [required('target.name')]);
  if (target.kind !== undefined && target.kind !== '' && target.kind !== 'Node') {
    throw newInvalid({ group: '', kind: 'Binding' }, podName, [invalid('target.kind', target.kind, 'must be empty or \'Node\'')]);
  }
  await pods.guaranteedUpdate(
    info.namespace,
    podName,
    (pod) => {
      const spec = (pod.spec ?? {}) as { nodeName?: string };
      if (pod.metadata.deletionTimestamp) throw newConflict(BINDING_RESOURCE, podName, `pod ${podName} is being deleted, cannot be assigned to a host`);
      if (spec.nodeName) throw newConflict(BINDING_RESOURCE, podName, `pod ${podName} is already assigned to node "${spec.nodeName}"`);
      const next = deepCopy(pod);
      next.spec = { ...spec, nodeName };
      return next;
    },
    // The binding REST storage writes the pod without the pod update validation (nodeName is fixed otherwise).
    { ...params, subresource: 'binding' },
  );
  writeJSON(scope.req, scope.res, 201, { ...newSuccess(), code: 201 });
}
