// Defaulting: what kube-apiserver's scheme fills into a decoded object before admission and
// validation (the SetDefaults_* functions and `+default` markers of k8s.io/kubernetes
// pkg/apis/*/v1/defaults.go), one function per kind. Kinds without defaults are left alone.
// Runs on every create, update and patch body, so it only fills what is unset.
import type { KubeObject } from '../api/types.js';
import type { GroupVersionKind, ResourceDefinition } from '../registry/resource.js';
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultStatefulSet } from './apps.js';
import { defaultCronJob, defaultJob } from './batch.js';
import {
  defaultEndpoints,
  defaultLimitRange,
  defaultNamespace,
  defaultNode,
  defaultPersistentVolume,
  defaultPersistentVolumeClaim,
  defaultPodTemplateKind,
  defaultReplicationController,
  defaultSecret,
} from './core.js';
import { defaultCSIDriver, defaultEndpointSlice, defaultHorizontalPodAutoscaler, defaultNetworkPolicy, defaultPriorityClass, defaultStorageClass } from './groups.js';
import { defaultPod } from './pod.js';
import { defaultValidatingAdmissionPolicy, defaultValidatingAdmissionPolicyBinding, defaultWebhookConfiguration } from './admissionregistration.js';
import { defaultService } from './service.js';
import { defaultCustomResourceDefinition } from './apiextensions.js';

type Defaulter = (obj: KubeObject) => void;

const DEFAULTERS: Record<string, Defaulter> = {
  'v1/Pod': defaultPod,
  'v1/Service': defaultService,
  'v1/Secret': defaultSecret,
  'v1/Namespace': defaultNamespace,
  'v1/ReplicationController': defaultReplicationController,
  'v1/PodTemplate': defaultPodTemplateKind,
  'v1/PersistentVolume': defaultPersistentVolume,
  'v1/PersistentVolumeClaim': defaultPersistentVolumeClaim,
  'v1/Endpoints': defaultEndpoints,
  'v1/Node': defaultNode,
  'v1/LimitRange': defaultLimitRange,
  'apps/v1/Deployment': defaultDeployment,
  'apps/v1/ReplicaSet': defaultReplicaSet,
  'apps/v1/StatefulSet': defaultStatefulSet,
  'apps/v1/DaemonSet': defaultDaemonSet,
  'batch/v1/Job': defaultJob,
  'batch/v1/CronJob': defaultCronJob,
  'networking.k8s.io/v1/NetworkPolicy': defaultNetworkPolicy,
  'scheduling.k8s.io/v1/PriorityClass': defaultPriorityClass,
  'storage.k8s.io/v1/StorageClass': defaultStorageClass,
  'storage.k8s.io/v1/CSIDriver': defaultCSIDriver,
  'discovery.k8s.io/v1/EndpointSlice': defaultEndpointSlice,
  'autoscaling/v2/HorizontalPodAutoscaler': defaultHorizontalPodAutoscaler,
  'admissionregistration.k8s.io/v1/MutatingWebhookConfiguration': (obj) => defaultWebhookConfiguration(obj, true),
  'admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration': (obj) => defaultWebhookConfiguration(obj, false),
  'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy': defaultValidatingAdmissionPolicy,
  'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding': defaultValidatingAdmissionPolicyBinding,
  'apiextensions.k8s.io/v1/CustomResourceDefinition': defaultCustomResourceDefinition,
};

/** Fills the defaults of the object's kind (a custom resource's: its schema's) into it, in place. */
export function applyDefaults(gvk: GroupVersionKind & Pick<ResourceDefinition, 'declaredSchema'>, obj: KubeObject): void {
  if (gvk.declaredSchema) return gvk.declaredSchema.applyDefaults(obj);
  const key = gvk.group ? `${gvk.group}/${gvk.version}/${gvk.kind}` : `${gvk.version}/${gvk.kind}`;
  DEFAULTERS[key]?.(obj);
}
