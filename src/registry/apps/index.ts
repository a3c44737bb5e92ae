// apps/v1: the workload controllers' kinds (Deployment, ReplicaSet, StatefulSet, DaemonSet) and
// ControllerRevision, plus the helpers the other non-core groups share with them (status and
// scale subresources, immutable fields, pod-template columns). Names are DNS subdomains.
import type { ResourceDefinition } from '../resource.js';
import { controllerrevisions } from './controllerrevisions.js';
import { daemonsets } from './daemonsets.js';
import { deployments } from './deployments.js';
import { replicasets } from './replicasets.js';
import { statefulsets } from './statefulsets.js';

export const appsResources: ResourceDefinition[] = [controllerrevisions, daemonsets, deployments, replicasets, statefulsets];
