// Every message the protobuf decoder knows, and which message each (apiVersion, kind) carries.
// To accept a new kind as protobuf: add its messages under schemas/ and one line below.
import type { KindTable, SchemaTable } from './schema-types.js';
import { APPS_V1 } from './schemas/apps-v1.js';
import { AUTHENTICATION_V1 } from './schemas/authentication-v1.js';
import { AUTHORIZATION_V1 } from './schemas/authorization-v1.js';
import { AUTOSCALING_V1 } from './schemas/autoscaling-v1.js';
import { BATCH_V1 } from './schemas/batch-v1.js';
import { COORDINATION_V1 } from './schemas/coordination-v1.js';
import { CORE_V1 } from './schemas/core-v1.js';
import { CORE_V1_AFFINITY } from './schemas/core-v1-affinity.js';
import { CORE_V1_CONTAINER } from './schemas/core-v1-container.js';
import { CORE_V1_POD } from './schemas/core-v1-pod.js';
import { CORE_V1_POD_STATUS } from './schemas/core-v1-pod-status.js';
import { CORE_V1_SERVICE } from './schemas/core-v1-service.js';
import { CORE_V1_VOLUME } from './schemas/core-v1-volume.js';
import { META_V1 } from './schemas/meta-v1.js';
import { NETWORKING_V1 } from './schemas/networking-v1.js';
import { POLICY_V1 } from './schemas/policy-v1.js';
import { RBAC_V1 } from './schemas/rbac-v1.js';
import { SCHEDULING_V1 } from './schemas/scheduling-v1.js';

const TABLES: readonly SchemaTable[] = [
  META_V1,
  CORE_V1,
  CORE_V1_SERVICE,
  CORE_V1_POD,
  CORE_V1_POD_STATUS,
  CORE_V1_CONTAINER,
  CORE_V1_VOLUME,
  CORE_V1_AFFINITY,
  APPS_V1,
  AUTOSCALING_V1,
  BATCH_V1,
  POLICY_V1,
  NETWORKING_V1,
  SCHEDULING_V1,
  RBAC_V1,
  AUTHORIZATION_V1,
  AUTHENTICATION_V1,
  COORDINATION_V1,
];

export const MESSAGES: SchemaTable = mergeTables(TABLES);

export const KINDS: KindTable = {
  v1: {
    Namespace: 'core.v1.Namespace',
    ConfigMap: 'core.v1.ConfigMap',
    Secret: 'core.v1.Secret',
    Service: 'core.v1.Service',
    ServiceAccount: 'core.v1.ServiceAccount',
    ResourceQuota: 'core.v1.ResourceQuota',
    Pod: 'core.v1.Pod',
  },
  'apps/v1': { Deployment: 'apps.v1.Deployment' },
  'autoscaling/v1': { HorizontalPodAutoscaler: 'autoscaling.v1.HorizontalPodAutoscaler' },
  'batch/v1': { Job: 'batch.v1.Job', CronJob: 'batch.v1.CronJob' },
  'policy/v1': { PodDisruptionBudget: 'policy.v1.PodDisruptionBudget' },
  'networking.k8s.io/v1': { Ingress: 'networking.v1.Ingress' },
  'scheduling.k8s.io/v1': { PriorityClass: 'scheduling.v1.PriorityClass' },
  'rbac.authorization.k8s.io/v1': {
    Role: 'rbac.v1.Role',
    ClusterRole: 'rbac.v1.ClusterRole',
    RoleBinding: 'rbac.v1.RoleBinding',
    ClusterRoleBinding: 'rbac.v1.ClusterRoleBinding',
  },
  'authorization.k8s.io/v1': {
    SelfSubjectAccessReview: 'authorization.v1.SelfSubjectAccessReview',
    SelfSubjectRulesReview: 'authorization.v1.SelfSubjectRulesReview',
    SubjectAccessReview: 'authorization.v1.SubjectAccessReview',
    LocalSubjectAccessReview: 'authorization.v1.LocalSubjectAccessReview',
  },
  'authentication.k8s.io/v1': {
    SelfSubjectReview: 'authentication.v1.SelfSubjectReview',
    TokenRequest: 'authentication.v1.TokenRequest',
    TokenReview: 'authentication.v1.TokenReview',
  },
  'authentication.k8s.io/v1beta1': { SelfSubjectReview: 'authentication.v1.SelfSubjectReview' },
  'authentication.k8s.io/v1alpha1': { SelfSubjectReview: 'authentication.v1.SelfSubjectReview' },
  'coordination.k8s.io/v1': { Lease: 'coordination.v1.Lease' },
};

/** One table from many; a message defined twice is a mistake in the tables, caught at start-up. */
function mergeTables(tables: readonly SchemaTable[]): SchemaTable {
  const merged: SchemaTable = {};
  for (const table of tables) {
    for (const [name, schema] of Object.entries(table)) {
      if (name in merged) throw new Error(`protobuf schema ${name} is defined twice`);
      merged[name] = schema;
    }
  }
  return merged;
}
