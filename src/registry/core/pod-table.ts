// The Pod printer (printPod in pkg/printers/internalversion): READY, the STATUS reason and
// RESTARTS, as `kubectl get pods` shows them, plus the wide columns.
import type { KubeObject } from '../../api/types.js';
import { ageColumn, age, humanDuration, nameColumn, column, wide } from '../printing.js';
import type { TableCell, TablePrinter } from '../resource.js';
import type { ContainerStatus, Pod } from './types.js';

/** What the STATUS, READY and RESTARTS cells are made of. */
export interface PodSummary {
  reason: string;
  ready: number;
  total: number;
  restarts: number;
  /** Epoch milliseconds of the latest container restart, 0 when unknown. */
  lastRestart: number;
}

const isSidecar = (pod: Pod, name: string | undefined): boolean =>
  pod.spec?.initContainers?.some((c) => c.name === name && c.restartPolicy === 'Always') ?? false;

const hasCondition = (pod: Pod, type: string): boolean =>
  pod.status?.conditions?.some((c) => c.type === type && c.status === 'True') ?? false;

function finishedAt(status: ContainerStatus): number {
  const t = status.lastState?.terminated?.finishedAt;
  const ms = t ? Date.parse(t) : NaN;
  return Number.isNaN(ms) ? 0 : ms;
}

interface Restarts {
  count: number;
  last: number;
}
const countRestart = (acc: Restarts, status: ContainerStatus): void => {
  acc.count += status.restartCount ?? 0;
  acc.last = Math.max(acc.last, finishedAt(status));
};

/** Walks the init container statuses; returns the Init:… reason that stops it, if any. */
function initPass(pod: Pod, summary: PodSummary, all: Restarts, sidecars: Restarts): string | undefined {
  const statuses = pod.status?.initContainerStatuses ?? [];
  for (const [i, status] of statuses.entries()) {
    const sidecar = isSidecar(pod, status.name);
    countRestart(all, status);
    if (sidecar) countRestart(sidecars, status);
    const terminated = status.state?.terminated;
    const waiting = status.state?.waiting?.reason;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && status.started) {
      if (status.ready) summary.ready++;
      continue;
    }
    if (terminated) {
      if (terminated.reason) return `Init:${terminated.reason}`;
      return terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode ?? 0}`;
    }
    if (waiting && waiting !== 'PodInitializing') return `Init:${waiting}`;
    return `Init:${i}/${pod.spec?.initContainers?.length ?? 0}`;
  }
  return undefined;
}

/** Walks the container statuses from last to first, so the first failing container decides. */
function mainPass(pod: Pod, summary: PodSummary, restarts: Restarts): void {
  const statuses = pod.status?.containerStatuses ?? [];
  let hasRunning = false;
  for (let i = statuses.length - 1; i >= 0; i--) {
    const status = statuses[i];
    countRestart(restarts, status);
    const state = status.state ?? {};
    if (state.waiting?.reason) summary.reason = state.waiting.reason;
    else if (state.terminated?.reason) summary.reason = state.terminated.reason;
    else if (state.terminated) {
      const t = state.terminated;
      summary.reason = t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode ?? 0}`;
    } else if (status.ready && state.running) {
      hasRunning = true;
      summary.ready++;
    }
  }
  if (summary.reason === 'Completed' && hasRunning) summary.reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady';
}

export function summarizePod(pod: Pod): PodSummary {
  const status = pod.status ?? {};
  const sidecarCount = pod.spec?.initContainers?.filter((c) => c.restartPolicy === 'Always').length ?? 0;
  const summary: PodSummary = {
    reason: status.reason || status.phase || '',
    ready: 0,
    total: (pod.spec?.containers?.length ?? 0) + sidecarCount,
    restarts: 0,
    lastRestart: 0,
  };
  if (status.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) summary.reason = 'SchedulingGated';
  const all: Restarts = { count: 0, last: 0 };
  const sidecars: Restarts = { count: 0, last: 0 };
  const initReason = initPass(pod, summary, all, sidecars);
  if (initReason) summary.reason = initReason;
  if (!initReason || hasCondition(pod, 'Initialized')) {
    // Ordinary init containers' restarts stop counting once the pod is initialized.
    Object.assign(all, sidecars);
    mainPass(pod, summary, all);
  }
  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') summary.reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal) summary.reason = 'Terminating';
  summary.restarts = all.count;
  summary.lastRestart = all.last;
  return summary;
}

function restartsCell(summary: PodSummary, now: Date): string {
  if (summary.restarts === 0 || summary.lastRestart === 0) return String(summary.restarts);
  return `${summary.restarts} (${humanDuration(now.getTime() - summary.lastRestart)} ago)`;
}

function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (!gates.length) return '<none>';
  const met = gates.filter((g) => pod.status?.conditions?.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${met}/${gates.length}`;
}

export const podTable: TablePrinter = {
  columns: [
    nameColumn(),
    column('Ready', 'string', { description: 'The aggregate readiness state of this pod for accepting traffic.' }),
    column('Status', 'string', { description: 'The aggregate status of the containers in this pod.' }),
    column('Restarts', 'string', {
      description: 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    }),
    ageColumn(),
    wide('IP', 'string', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.'),
    wide(
      'Node',
      'string',
      'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename',
    ),
    wide(
      'Nominated Node',
      'string',
      'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.',
    ),
    wide(
      'Readiness Gates',
      'string',
      'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates',
    ),
  ],
  row(obj: KubeObject, now: Date): TableCell[] {
    const pod = obj as Pod;
    const summary = summarizePod(pod);
    return [
      pod.metadata.name ?? '',
      `${summary.ready}/${summary.total}`,
      summary.reason,
      restartsCell(summary, now),
      age(pod, now),
      pod.status?.podIPs?.[0]?.ip || '<none>',
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates(pod),
    ];
  },
  conditions(obj) {
    const phase = (obj.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded') return [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
    if (phase === 'Failed') return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
    return undefined;
  },
};
