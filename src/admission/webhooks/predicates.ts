// Which requests a webhook or policy applies to (admission/plugin/webhook/predicates): rules
// (operations, groups, versions, resources with subresources and wildcards, scope), the
// namespace selector over the namespace's labels, the object selector over the labels of the
// object or the old object, and the kinds admission never sends anywhere.
import type { KubeObject } from '../../api/types.js';
import type { NamedRuleWithOperations, RuleWithOperations } from '../../registry/admissionregistration/types.js';
import type { LabelSelector } from '../../selectors/label-selector.js';
import type { ObjectStorage } from '../../storage/interfaces.js';
import type { AdmissionAttributes, GroupVersionResource } from '../interfaces.js';

const matchesList = (list: readonly string[] | undefined, value: string): boolean => !!list && (list.includes('*') || list.includes(value));

function matchesResource(rule: RuleWithOperations, resource: string, subresource: string): boolean {
  return (rule.resources ?? []).some((entry) => {
    const slash = entry.indexOf('/');
    const res = slash < 0 ? entry : entry.slice(0, slash);
    const sub = slash < 0 ? '' : entry.slice(slash + 1);
    return (res === '*' || res === resource) && (sub === '*' || sub === subresource);
  });
}

const isNamespaceResource = (r: GroupVersionResource): boolean => r.group === '' && r.resource === 'namespaces';

function matchesScope(rule: RuleWithOperations, attrs: AdmissionAttributes, resource: GroupVersionResource): boolean {
  switch (rule.scope ?? '*') {
    case 'Namespaced':
      return !isNamespaceResource(resource) && attrs.namespace !== '';
    case 'Cluster':
      return isNamespaceResource(resource) || attrs.namespace === '';
    default:
      return true;
  }
}

/** rules.Matcher.Matches, for the request as it is or as one of its equivalent resources. */
export function ruleMatches(rule: NamedRuleWithOperations, attrs: AdmissionAttributes, resource: GroupVersionResource = attrs.resource): boolean {
  return (
    matchesList(rule.operations, attrs.operation) &&
    matchesList(rule.apiGroups, resource.group) &&
    matchesList(rule.apiVersions, resource.version) &&
    matchesResource(rule, resource.resource, attrs.subresource) &&
    matchesScope(rule, attrs, resource) &&
    (!rule.resourceNames?.length || rule.resourceNames.includes(attrs.name))
  );
}

/** IsExemptAdmissionConfigurationResource: admission configuration is never sent to webhooks or policies. */
export function isExemptConfiguration(attrs: AdmissionAttributes): boolean {
  return (
    attrs.kind.group === 'admissionregistration.k8s.io' &&
    ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'].includes(attrs.kind.kind)
  );
}

/**
 * The namespace selector: cluster-scoped objects always match, a Namespace is matched by its own
 * labels, everything else by the labels of its namespace. A missing namespace is an error.
 */
export function namespaceMatches(selector: LabelSelector, attrs: AdmissionAttributes, storage: ObjectStorage): boolean | Error {
  if (selector.empty) return true;
  if (isNamespaceResource(attrs.resource)) return selector.matches((attrs.object ?? attrs.oldObject)?.metadata.labels);
  if (!attrs.namespace) return true;
  const namespace = storage.get(`/registry/namespaces/${attrs.namespace}`);
  if (!namespace) return new Error(`namespace "${attrs.namespace}" not found`);
  return selector.matches(namespace.metadata.labels);
}

/** The object selector: the labels of the new or of the old object. */
export function objectMatches(selector: LabelSelector, attrs: AdmissionAttributes): boolean {
  if (selector.empty) return true;
  // An absent object (the old object of a CREATE) matches nothing, not an empty label set.
  const matches = (o: KubeObject | undefined): boolean => o !== undefined && selector.matches(o.metadata.labels);
  return matches(attrs.object) || matches(attrs.oldObject);
}
