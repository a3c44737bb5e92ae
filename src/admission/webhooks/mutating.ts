// MutatingAdmissionWebhook (admission/plugin/webhook/mutating): matching webhooks are called one
// after the other, each seeing the object as the ones before left it; a JSONPatch answer is
// applied to the request's object in place. Webhooks with reinvocationPolicy IfNeeded are called
// once more when a later webhook changed the object after them.
import { newInternalError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { applyDefaults } from '../../defaulting/apply-defaults.js';
import { deepEqual } from '../../registry/compare.js';
import { applyJSONPatch, decodeJSONPatch } from '../../patch/json-patch.js';
import type { AdmissionAttributes, AdmissionPlugin } from '../interfaces.js';
import type { AdmissionDeps } from '../plugin-order.js';
import { callWebhook } from './call.js';
import { WebhookCallError, webhookDenial } from './errors.js';
import { prepareWebhooks, shouldCall, type MatchedInvocation, type PreparedWebhook } from './hook.js';
import { isExemptConfiguration } from './predicates.js';
import { WatchedObjects } from './watched-objects.js';

/** Replaces the contents of `target` with those of `source`, keeping the object's identity. */
function replaceInPlace(target: KubeObject, source: KubeObject): void {
  for (const key of Object.keys(target)) delete (target as Record<string, unknown>)[key];
  Object.assign(target, source);
}

export class MutatingWebhooks implements AdmissionPlugin {
  readonly name = 'MutatingAdmissionWebhook';
  readonly #deps: AdmissionDeps;
  readonly #configs: WatchedObjects<PreparedWebhook[]>;

  constructor(deps: AdmissionDeps) {
    this.#deps = deps;
    this.#configs = new WatchedObjects(deps.storage, '/registry/mutatingwebhookconfigurations/', prepareWebhooks);
  }

  handles(operation: string): boolean {
    return operation !== 'CONNECT';
  }

  /** Synchronous when no webhook is configured (the chain then awaits nothing). */
  admit(attrs: AdmissionAttributes): Promise<void> | void {
    if (isExemptConfiguration(attrs)) return;
    const hooks = this.#configs.items().flat();
    if (hooks.length) return this.#admit(hooks, attrs);
  }

  async #admit(hooks: readonly PreparedWebhook[], attrs: AdmissionAttributes): Promise<void> {
    const reinvoke = await this.#round(hooks, attrs, undefined);
    if (reinvoke.size) await this.#round(hooks, attrs, reinvoke);
  }

  /** One pass over the webhooks (all of them, or those to reinvoke); returns the ones to reinvoke. */
  async #round(hooks: readonly PreparedWebhook[], attrs: AdmissionAttributes, only: Set<string> | undefined): Promise<Set<string>> {
    const invokedIfNeeded: string[] = [];
    const reinvoke = new Set<string>();
    for (const hook of hooks) {
      if (only && !only.has(hook.id)) continue;
      const invocation = shouldCall(hook, attrs, this.#deps);
      if (!invocation) continue;
      const changed = await this.#call(hook, attrs, invocation);
      if (changed) for (const id of invokedIfNeeded) reinvoke.add(id);
      if (hook.spec.reinvocationPolicy === 'IfNeeded') invokedIfNeeded.push(hook.id);
    }
    return reinvoke;
  }

  /** Calls one webhook and applies its patch; returns whether the object changed. */
  async #call(hook: PreparedWebhook, attrs: AdmissionAttributes, invocation: MatchedInvocation): Promise<boolean> {
    let result;
    try {
      result = await callWebhook(hook, attrs, invocation, this.#deps.storage, true);
    } catch (err) {
      if (!(err instanceof WebhookCallError)) throw err;
      if (hook.spec.failurePolicy === 'Ignore') return false;
      throw newInternalError(err);
    }
    attrs.warnings.push(...result.warnings);
    if (!result.allowed) throw webhookDenial(hook.name, result.status);
    if (result.patch === undefined) return false;
    return this.#applyPatch(hook, attrs, invocation, result.patch);
  }

  #applyPatch(hook: PreparedWebhook, attrs: AdmissionAttributes, invocation: MatchedInvocation, patch: unknown): boolean {
    let ops;
    try {
      ops = decodeJSONPatch(patch);
    } catch (err) {
      if (hook.spec.failurePolicy === 'Ignore') return false;
      throw newInternalError(new WebhookCallError(hook.name, `received undecodable patch in webhook response: ${(err as Error).message}`));
    }
    if (!ops.length) return false;
    if (!attrs.object || !invocation.object) {
      throw newInternalError(new Error(`admission webhook "${hook.name}" attempted to modify the object, which is not supported for this operation`));
    }
    let patched: KubeObject;
    try {
      patched = applyJSONPatch(invocation.object, ops) as KubeObject;
    } catch (err) {
      throw newInternalError(err);
    }
    if (deepEqual(patched, invocation.object)) return false;
    // As kube-apiserver decodes the patched object, the scheme's defaults (a custom resource's:
    // its schema's) fill what the patch added.
    const { group, version, resource } = invocation.resource;
    applyDefaults(this.#deps.registry().lookup(group, version, resource)?.def ?? invocation.kind, patched);
    replaceInPlace(attrs.object, invocation.fromInvocation(patched));
    return true;
  }
}
