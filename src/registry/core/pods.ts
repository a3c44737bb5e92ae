// core/v1 Pod: status starts Pending with its QoS class, graceful deletion, the pod printer and
// the pod field selectors (pkg/registry/core/pod/strategy.go, pkg/apis/core/v1/conversion.go).
import type { KubeObject } from '../../api/types.js';
import { conversionFieldSelection, fieldPath } from '../field-labels.js';
import { defineResource, SUBRESOURCE_VERBS } from '../resource.js';
import { podQOSClass } from './pod-qos.js';
import { podTable } from './pod-table.js';
import { validatePod, validatePodUpdate } from '../../validation/kinds/pod.js';
import type { Condition, Pod } from './types.js';

/** A new pod with scheduling gates says so in a PodScheduled condition (applySchedulingGatedCondition). */
function schedulingGatedConditions(pod: Pod): Condition[] | undefined {
  if (!pod.spec?.schedulingGates?.length) return undefined;
  return [
    {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: null,
      reason: 'SchedulingGated',
      message: 'Scheduling is blocked due to non-empty scheduling gates',
    },
  ];
}

function prepareForCreate(obj: KubeObject): void {
  const pod = obj as Pod;
  const conditions = schedulingGatedConditions(pod);
  pod.status = { phase: 'Pending', ...(conditions ? { conditions } : {}), qosClass: podQOSClass(pod) };
}

/** CheckGracefulDelete: the requested period, else the pod's own; 0 for unscheduled or finished pods. */
function gracePeriod(obj: KubeObject, requested: number | undefined): number {
  const pod = obj as Pod;
  let period = requested ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
  const phase = pod.status?.phase;
  if (!pod.spec?.nodeName || phase === 'Succeeded' || phase === 'Failed') period = 0;
  return period < 0 ? 1 : period;
}

export const pods = defineResource({
  group: '',
  version: 'v1',
  kind: 'Pod',
  plural: 'pods',
  singular: 'pod',
  namespaced: true,
  shortNames: ['po'],
  categories: ['all'],
  storageVersionHash: 'xPOwRZ+Yhw8=',
  returnsDeletedObject: true,
  subresources: [
    { name: 'binding', verbs: ['create'], responseKind: { group: '', version: 'v1', kind: 'Binding' } },
    { name: 'log', verbs: ['get'], responseKind: { group: '', version: 'v1', kind: 'Pod' } },
    // The kubelet writes status; it cannot touch owner references (old kubelets corrupted them) or mark deletion.
    { name: 'status', verbs: SUBRESOURCE_VERBS, keepsMetadata: ['deletionTimestamp', 'ownerReferences'] },
  ],
  strategy: { prepareForCreate, validate: validatePod, validateUpdate: validatePodUpdate, gracePeriod },
  fieldSelection: conversionFieldSelection({
    namespaced: true,
    fields: {
      'spec.nodeName': fieldPath('spec.nodeName'),
      'spec.restartPolicy': fieldPath('spec.restartPolicy'),
      'spec.schedulerName': fieldPath('spec.schedulerName'),
      'spec.serviceAccountName': fieldPath('spec.serviceAccountName'),
      // Internally securityContext.hostNetwork; in v1 JSON it is spec.hostNetwork.
      'spec.hostNetwork': (obj) => String((obj as Pod).spec?.hostNetwork === true),
      'status.phase': fieldPath('status.phase'),
      'status.podIP': (obj) => (obj as Pod).status?.podIPs?.[0]?.ip ?? '',
      'status.nominatedNodeName': fieldPath('status.nominatedNodeName'),
    },
    aliases: { 'spec.host': 'spec.nodeName' },
    acceptedOnly: ['status.podIPs'],
  }),
  table: podTable,
  nameValidation: 'subdomain',
});
