// admissionregistration.k8s.io/v1: the configuration of dynamic admission. Webhook
// configurations (called by src/admission/webhooks) and ValidatingAdmissionPolicy with its
// bindings (evaluated by src/admission/policy); their types, defaults, validation and tables.
import type { ResourceDefinition } from '../resource.js';
import { validatingadmissionpolicies, validatingadmissionpolicybindings } from './validating-admission-policies.js';
import { mutatingwebhookconfigurations, validatingwebhookconfigurations } from './webhook-configurations.js';

export const admissionregistrationResources: ResourceDefinition[] = [
  mutatingwebhookconfigurations,
  validatingadmissionpolicies,
  validatingadmissionpolicybindings,
  validatingwebhookconfigurations,
];
