// The `request` variable of admission expressions: the AdmissionRequest fields a policy or match
// condition may read (kind, resource, subResource, name, namespace, operation, userInfo, dryRun…).
import type { AdmissionAttributes } from '../../interfaces.js';
import { toCel } from './values.js';

export function requestValue(attrs: AdmissionAttributes): unknown {
  return toCel({
    kind: attrs.kind,
    resource: attrs.resource,
    subResource: attrs.subresource,
    requestKind: attrs.kind,
    requestResource: attrs.resource,
    requestSubResource: attrs.subresource,
    name: attrs.name,
    namespace: attrs.namespace,
    operation: attrs.operation,
    userInfo: { username: attrs.userInfo.username, uid: attrs.userInfo.uid ?? '', groups: attrs.userInfo.groups, extra: attrs.userInfo.extra ?? {} },
    dryRun: attrs.dryRun,
  });
}
