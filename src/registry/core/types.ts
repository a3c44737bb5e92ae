// The parts of core/v1 objects that the strategies, printers and field selectors of this folder
// read. Objects stay plain JSON; these shapes only name the fields, all of them optional.
import type { KubeObject, ObjectMeta } from '../../api/types.js';
import type { LabelSelector } from '../printing.js';

export type ResourceList = Record<string, string>;

export interface Condition {
  type?: string;
  status?: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string | null;
  reason?: string;
  message?: string;
}

export interface ContainerState {
  waiting?: { reason?: string };
  running?: { startedAt?: string };
  terminated?: { exitCode?: number; signal?: number; reason?: string; finishedAt?: string | null };
}

export interface ContainerStatus {
  name?: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

export interface Container {
  name?: string;
  image?: string;
  restartPolicy?: string;
  resources?: { requests?: ResourceList; limits?: ResourceList };
}

export interface PodSpec {
  nodeName?: string;
  hostNetwork?: boolean;
  terminationGracePeriodSeconds?: number;
  containers?: Container[];
  initContainers?: Container[];
  readinessGates?: { conditionType?: string }[];
  schedulingGates?: { name?: string }[];
}

export interface PodStatus {
  phase?: string;
  reason?: string;
  conditions?: Condition[];
  podIPs?: { ip?: string }[];
  nominatedNodeName?: string;
  initContainerStatuses?: ContainerStatus[];
  containerStatuses?: ContainerStatus[];
  qosClass?: string;
}

export interface Pod extends KubeObject {
  spec?: PodSpec;
  status?: PodStatus;
}

export interface PodTemplateSpec {
  metadata?: ObjectMeta;
  spec?: PodSpec;
}

export type { LabelSelector };
