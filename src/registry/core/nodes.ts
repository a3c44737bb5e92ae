// core/v1 Node: the node printer (Ready condition, roles from labels) and the node field
// selectors, which take spec.unschedulable and not metadata.namespace.
import type { KubeObject } from '../../api/types.js';
import { conversionFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, nameColumn, wide } from '../printing.js';
import { defineResource, SUBRESOURCE_VERBS } from '../resource.js';
import type { Condition } from './types.js';
import { validateNode, validateNodeUpdate } from '../../validation/kinds/node.js';

const ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

interface Node extends KubeObject {
  spec?: { unschedulable?: boolean };
  status?: {
    conditions?: Condition[];
    addresses?: { type?: string; address?: string }[];
    nodeInfo?: { kubeletVersion?: string; osImage?: string; kernelVersion?: string; containerRuntimeVersion?: string };
  };
}

function nodeStatus(node: Node): string {
  const ready = node.status?.conditions?.findLast((c) => c.type === 'Ready');
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

/** Roles from `node-role.kubernetes.io/<role>` label keys and the `kubernetes.io/role` value. */
function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(ROLE_LABEL_PREFIX)) {
      const role = key.slice(ROLE_LABEL_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === ROLE_LABEL && value) roles.add(value);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

function address(node: Node, type: string): string {
  const found = node.status?.addresses?.find((a) => a.type === type);
  return found ? (found.address ?? '') : '<none>';
}

const ADDRESSES_DESCRIPTION =
  "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).";

export const nodes = defineResource({
  group: '',
  version: 'v1',
  kind: 'Node',
  plural: 'nodes',
  singular: 'node',
  namespaced: false,
  shortNames: ['no'],
  storageVersionHash: 'XwShjMxG9Fs=',
  subresources: [{ name: 'status', verbs: SUBRESOURCE_VERBS }],
  strategy: { validate: validateNode, validateUpdate: validateNodeUpdate },
  fieldSelection: conversionFieldSelection({
    namespaced: false,
    acceptsNamespace: false,
    fields: { 'spec.unschedulable': (obj) => String((obj as Node).spec?.unschedulable === true) },
  }),
  table: {
    columns: [
      nameColumn(),
      column('Status', 'string', { description: 'The status of the node' }),
      column('Roles', 'string', { description: 'The roles of the node' }),
      ageColumn(),
      column('Version', 'string', { description: 'Kubelet Version reported by the node.' }),
      wide('Internal-IP', 'string', ADDRESSES_DESCRIPTION),
      wide('External-IP', 'string', ADDRESSES_DESCRIPTION),
      wide('OS-Image', 'string', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).'),
      wide('Kernel-Version', 'string', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."),
      wide('Container-Runtime', 'string', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).'),
    ],
    row(obj, now) {
      const node = obj as Node;
      const info = node.status?.nodeInfo ?? {};
      return [
        node.metadata.name ?? '',
        nodeStatus(node),
        nodeRoles(node),
        age(node, now),
        info.kubeletVersion ?? '',
        address(node, 'InternalIP'),
        address(node, 'ExternalIP'),
        info.osImage || '<unknown>',
        info.kernelVersion || '<unknown>',
        info.containerRuntimeVersion || '<unknown>',
      ];
    },
  },
  nameValidation: 'subdomain',
});
