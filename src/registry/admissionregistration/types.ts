// The admissionregistration.k8s.io/v1 objects as decoded JSON: webhook configurations,
// ValidatingAdmissionPolicy and its binding. Shared by the declarations here and by the admission
// plugins that read them (src/admission/webhooks, src/admission/policy).
import type { KubeObject } from '../../api/types.js';
import type { LabelSelectorObject } from '../../selectors/label-selector.js';

export type Scope = 'Cluster' | 'Namespaced' | '*';

export interface RuleWithOperations {
  operations?: string[];
  apiGroups?: string[];
  apiVersions?: string[];
  resources?: string[];
  scope?: Scope;
}

/** ValidatingAdmissionPolicy's rules may name the objects they apply to. */
export interface NamedRuleWithOperations extends RuleWithOperations {
  resourceNames?: string[];
}

export interface ServiceReference {
  namespace?: string;
  name?: string;
  path?: string;
  port?: number;
}

export interface WebhookClientConfig {
  url?: string;
  service?: ServiceReference;
  /** base64 PEM bundle of the CAs that sign the webhook's serving certificate. */
  caBundle?: string;
}

export interface MatchCondition {
  name?: string;
  expression?: string;
}

export interface Webhook {
  name?: string;
  clientConfig?: WebhookClientConfig;
  rules?: RuleWithOperations[];
  failurePolicy?: 'Fail' | 'Ignore';
  matchPolicy?: 'Exact' | 'Equivalent';
  namespaceSelector?: LabelSelectorObject;
  objectSelector?: LabelSelectorObject;
  sideEffects?: string;
  timeoutSeconds?: number;
  admissionReviewVersions?: string[];
  matchConditions?: MatchCondition[];
  /** Mutating webhooks only. */
  reinvocationPolicy?: 'Never' | 'IfNeeded';
}

export interface WebhookConfiguration extends KubeObject {
  webhooks?: Webhook[];
}

export interface MatchResources {
  namespaceSelector?: LabelSelectorObject;
  objectSelector?: LabelSelectorObject;
  resourceRules?: NamedRuleWithOperations[];
  excludeResourceRules?: NamedRuleWithOperations[];
  matchPolicy?: 'Exact' | 'Equivalent';
}

export interface Validation {
  expression?: string;
  message?: string;
  reason?: string;
  messageExpression?: string;
}

export interface Variable {
  name?: string;
  expression?: string;
}

export interface ParamKind {
  apiVersion?: string;
  kind?: string;
}

export interface ValidatingAdmissionPolicy extends KubeObject {
  spec?: {
    paramKind?: ParamKind;
    matchConstraints?: MatchResources;
    validations?: Validation[];
    failurePolicy?: 'Fail' | 'Ignore';
    auditAnnotations?: { key?: string; valueExpression?: string }[];
    matchConditions?: MatchCondition[];
    variables?: Variable[];
  };
}

export interface ParamRef {
  name?: string;
  namespace?: string;
  selector?: LabelSelectorObject;
  parameterNotFoundAction?: 'Allow' | 'Deny';
}

export interface ValidatingAdmissionPolicyBinding extends KubeObject {
  spec?: {
    policyName?: string;
    paramRef?: ParamRef;
    matchResources?: MatchResources;
    validationActions?: string[];
  };
}
