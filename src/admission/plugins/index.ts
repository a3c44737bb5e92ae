// Every admission plugin kubefake has, in kube-apiserver's order (AllOrderedPlugins): mutating
// plugins see the object in this order, then validating plugins check it in this order.
import type { PluginFactory } from '../plugin-order.js';
import { namespaceLifecycle } from './namespace-lifecycle.js';
import { limitRanger } from './limit-ranger.js';
import { serviceAccount } from './service-account.js';
import { podSecurity } from './pod-security.js';
import { priority } from './priority.js';
import { defaultTolerationSeconds } from './default-toleration-seconds.js';
import { defaultStorageClassPlugin } from './default-storage-class.js';
import { storageObjectInUseProtection } from './storage-object-in-use-protection.js';
import { mutatingAdmissionWebhook, validatingAdmissionWebhook } from '../webhooks/index.js';
import { validatingAdmissionPolicy } from '../policy/index.js';
import { resourceQuota } from './resource-quota.js';

export const ALL_PLUGINS: readonly PluginFactory[] = [
  namespaceLifecycle,
  limitRanger,
  serviceAccount,
  podSecurity,
  priority,
  defaultTolerationSeconds,
  defaultStorageClassPlugin,
  storageObjectInUseProtection,
  mutatingAdmissionWebhook,
  validatingAdmissionPolicy,
  validatingAdmissionWebhook,
  resourceQuota,
];
