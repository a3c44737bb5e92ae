// ValidatingAdmissionPolicy (k8s.io/apiserver/pkg/admission/plugin/policy/validating): CEL
// policies and their bindings, watched from storage and compiled once per change
// (compiled-policy), matched per request (matching), evaluated with their params (params,
// validator) and turned into denials or warnings (plugin). cel/ holds the CEL environment that
// webhook matchConditions share.
import type { PluginFactory } from '../plugin-order.js';
import { ValidatingAdmissionPolicyPlugin } from './plugin.js';

export const validatingAdmissionPolicy: PluginFactory = { name: 'ValidatingAdmissionPolicy', defaultOn: true, create: (deps) => new ValidatingAdmissionPolicyPlugin(deps) };
