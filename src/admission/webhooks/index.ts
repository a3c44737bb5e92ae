// Dynamic admission webhooks (k8s.io/apiserver/pkg/admission/plugin/webhook): the
// MutatingAdmissionWebhook and ValidatingAdmissionWebhook plugins. Configurations are watched
// from storage (watched-objects), matched per request (predicates, equivalents, hook), called
// over HTTPS with an AdmissionReview (client-config, client, review, call) and their answers
// applied (mutating, validating) or turned into Kubernetes' errors (errors).
import type { PluginFactory } from '../plugin-order.js';
import { MutatingWebhooks } from './mutating.js';
import { ValidatingWebhooks } from './validating.js';

export const mutatingAdmissionWebhook: PluginFactory = { name: 'MutatingAdmissionWebhook', defaultOn: true, create: (deps) => new MutatingWebhooks(deps) };
export const validatingAdmissionWebhook: PluginFactory = { name: 'ValidatingAdmissionWebhook', defaultOn: true, create: (deps) => new ValidatingWebhooks(deps) };
