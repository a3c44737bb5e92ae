// The ValidatingAdmissionPolicy plugin (admission/plugin/policy/validating): for every binding
// whose policy and match resources take the request, evaluate the policy with each param and
// act on the failures as the binding says: Deny refuses with
// `ValidatingAdmissionPolicy 'p' with binding 'b' denied request: …`, Warn adds a Warning, Audit
// (audit annotations, which kubefake does not log) records nothing.
import { newForbidden, StatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { AdmissionAttributes, AdmissionPlugin } from '../interfaces.js';
import type { AdmissionDeps } from '../plugin-order.js';
import { isExemptConfiguration } from '../webhooks/predicates.js';
import { WatchedObjects } from '../webhooks/watched-objects.js';
import { compileBinding, compilePolicy, type CompiledBinding, type CompiledPolicy } from './compiled-policy.js';
import { matches } from './matching.js';
import { collectParams } from './params.js';
import { activationFor, evaluatePolicy, type Failure } from './validator.js';

const REASON_CODES: Record<string, number> = { Unauthorized: 401, Forbidden: 403, Invalid: 422, RequestEntityTooLarge: 413 };

function denial(attrs: AdmissionAttributes, message: string, reason: string): StatusError {
  const forbidden = newForbidden({ group: attrs.resource.group, resource: attrs.resource.resource }, attrs.name, message, [{ message }]);
  return new StatusError({ ...forbidden.status, reason, code: REASON_CODES[reason] ?? 500 });
}

export class ValidatingAdmissionPolicyPlugin implements AdmissionPlugin {
  readonly name = 'ValidatingAdmissionPolicy';
  readonly #deps: AdmissionDeps;
  readonly #policies: WatchedObjects<CompiledPolicy>;
  readonly #bindings: WatchedObjects<CompiledBinding>;

  constructor(deps: AdmissionDeps) {
    this.#deps = deps;
    this.#policies = new WatchedObjects(deps.storage, '/registry/validatingadmissionpolicies/', compilePolicy);
    this.#bindings = new WatchedObjects(deps.storage, '/registry/validatingadmissionpolicybindings/', compileBinding);
  }

  handles(operation: string): boolean {
    return operation !== 'CONNECT';
  }

  validate(attrs: AdmissionAttributes): void {
    if (isExemptConfiguration(attrs)) return;
    const bindings = this.#bindings.items();
    if (!bindings.length) return;
    const policies = new Map(this.#policies.items().map((p) => [p.name, p]));
    let namespace: KubeObject | undefined;
    if (attrs.namespace) namespace = this.#deps.storage.get(`/registry/namespaces/${attrs.namespace}`);
    for (const binding of bindings) {
      const policy = policies.get(binding.policyName);
      if (!policy || !matches(policy.matchConstraints, attrs, this.#deps) || !matches(binding.matchResources, attrs, this.#deps)) continue;
      const failures = this.#evaluate(policy, binding, attrs, namespace);
      this.#act(policy, binding, attrs, failures);
    }
  }

  #evaluate(policy: CompiledPolicy, binding: CompiledBinding, attrs: AdmissionAttributes, namespace: KubeObject | undefined): Failure[] {
    let params: (KubeObject | null)[];
    try {
      params = collectParams(policy, binding, attrs, this.#deps);
    } catch (err) {
      return policy.failurePolicy === 'Ignore' ? [] : [{ message: `failed to configure binding: ${(err as Error).message}`, reason: 'Invalid' }];
    }
    return params.flatMap((param) => evaluatePolicy(policy, activationFor(attrs, param, namespace)));
  }

  #act(policy: CompiledPolicy, binding: CompiledBinding, attrs: AdmissionAttributes, failures: Failure[]): void {
    if (!failures.length) return;
    if (binding.actions.includes('Warn')) {
      for (const f of failures) attrs.warnings.push(`Validation failed for ValidatingAdmissionPolicy '${policy.name}' with binding '${binding.name}': ${f.message}`);
    }
    if (binding.actions.includes('Deny')) {
      const first = failures[0];
      throw denial(attrs, `ValidatingAdmissionPolicy '${policy.name}' with binding '${binding.name}' denied request: ${first.message}`, first.reason);
    }
  }
}
