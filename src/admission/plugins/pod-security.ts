// PodSecurity (k8s.io/pod-security-admission): the namespace's pod-security.kubernetes.io labels
// choose a Pod Security Standard level per mode. enforce refuses pods that violate it, warn
// answers with a Warning (pods, and the pod templates of workloads), and a namespace whose enforce
// level tightens hears which of its pods would now be refused. Invalid labels are refused.
import { newInvalid } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { AdmissionAttributes, AdmissionPlugin, Operation } from '../interfaces.js';
import type { AdmissionDeps, PluginFactory } from '../plugin-order.js';
import { admissionForbidden, isResource } from './attributes.js';
import { evaluatePod, forbiddenDetail, levelVersionText } from './pod-security-evaluator.js';
import { policyFromLabels, type Policy } from './pod-security-policy.js';
import { podParts, podToEvaluate, templateToEvaluate, type PodParts } from './pod-security-targets.js';
import { existingPodWarnings } from './pod-security-namespace.js';

class PodSecurity implements AdmissionPlugin {
  readonly name = 'PodSecurity';
  readonly #deps: AdmissionDeps;
  /** Each stored namespace's policy, read from its labels once (stored objects never change). */
  readonly #policies = new WeakMap<KubeObject, Policy>();

  constructor(deps: AdmissionDeps) {
    this.#deps = deps;
  }

  handles(operation: Operation): boolean {
    return operation === 'CREATE' || operation === 'UPDATE';
  }

  validate(attrs: AdmissionAttributes): void {
    if (isResource(attrs, 'namespaces')) return this.#validateNamespace(attrs);
    if (!attrs.namespace) return;
    const pod = podToEvaluate(attrs);
    const template = pod ? undefined : templateToEvaluate(attrs);
    if (!pod && !template) return;
    const policy = this.#policy(attrs.namespace);
    if (!policy) return;
    if (pod) this.#evaluate(attrs, policy, pod, true);
    else this.#evaluate(attrs, policy, template!, false);
  }

  #policy(namespace: string): Policy | undefined {
    const ns = this.#deps.storage.get(this.#deps.registry().store('', 'namespaces').key('', namespace));
    if (!ns) return undefined;
    let policy = this.#policies.get(ns);
    if (!policy) this.#policies.set(ns, (policy = policyFromLabels(ns.metadata.labels).policy));
    return policy;
  }

  /** EvaluatePod: enforce refuses (pods only); warn adds a Warning to what is let through. */
  #evaluate(attrs: AdmissionAttributes, policy: Policy, parts: PodParts, enforce: boolean): void {
    if (enforce) {
      const failures = evaluatePod(policy.enforce, parts.meta, parts.spec);
      if (failures.length) throw admissionForbidden(attrs, `violates PodSecurity "${levelVersionText(policy.enforce)}": ${forbiddenDetail(failures)}`);
    }
    const warnings = evaluatePod(policy.warn, parts.meta, parts.spec);
    if (warnings.length) attrs.warnings.push(`would violate PodSecurity "${levelVersionText(policy.warn)}": ${forbiddenDetail(warnings)}`);
  }

  #validateNamespace(attrs: AdmissionAttributes): void {
    const ns = attrs.object;
    if (!ns) return;
    const { policy, errors } = policyFromLabels(ns.metadata.labels);
    if (errors.length) throw newInvalid({ group: '', kind: 'Namespace' }, ns.metadata.name ?? '', errors);
    if (attrs.operation !== 'UPDATE' || !attrs.oldObject || policy.enforce.level === 'privileged') return;
    const old = policyFromLabels(attrs.oldObject.metadata.labels).policy;
    if (old.enforce.level === policy.enforce.level && old.enforce.minor === policy.enforce.minor) return;
    const pods: KubeObject[] = this.#deps.storage.list(this.#deps.registry().store('', 'pods').prefix(ns.metadata.name ?? '')).items;
    const results = pods.map((p) => ({ name: p.metadata.name ?? '', failures: evaluatePod(policy.enforce, podParts(p).meta, podParts(p).spec) }));
    attrs.warnings.push(...existingPodWarnings(ns.metadata.name ?? '', policy.enforce, results));
  }
}

export const podSecurity: PluginFactory = { name: 'PodSecurity', defaultOn: true, create: (deps) => new PodSecurity(deps) };
