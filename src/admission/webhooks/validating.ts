// ValidatingAdmissionWebhook (admission/plugin/webhook/validating): every matching webhook is
// called in parallel; the first denial or failure in webhook order ends the request, and a
// failed call under failurePolicy Ignore is skipped.
import { newInternalError } from '../../api/errors.js';
import type { AdmissionAttributes, AdmissionPlugin } from '../interfaces.js';
import type { AdmissionDeps } from '../plugin-order.js';
import { callWebhook } from './call.js';
import { WebhookCallError, webhookDenial } from './errors.js';
import { prepareWebhooks, shouldCall, type PreparedWebhook } from './hook.js';
import { isExemptConfiguration } from './predicates.js';
import { WatchedObjects } from './watched-objects.js';

export class ValidatingWebhooks implements AdmissionPlugin {
  readonly name = 'ValidatingAdmissionWebhook';
  readonly #deps: AdmissionDeps;
  readonly #configs: WatchedObjects<PreparedWebhook[]>;

  constructor(deps: AdmissionDeps) {
    this.#deps = deps;
    this.#configs = new WatchedObjects(deps.storage, '/registry/validatingwebhookconfigurations/', prepareWebhooks);
  }

  handles(operation: string): boolean {
    return operation !== 'CONNECT';
  }

  /** Synchronous when no webhook is configured (the chain then awaits nothing). */
  validate(attrs: AdmissionAttributes): Promise<void> | void {
    if (isExemptConfiguration(attrs)) return;
    const hooks = this.#configs.items().flat();
    if (hooks.length) return this.#validate(hooks, attrs);
  }

  async #validate(hooks: readonly PreparedWebhook[], attrs: AdmissionAttributes): Promise<void> {
    // Decide every webhook first: a refusal here must not leave calls running unobserved.
    const matched = hooks.flatMap((hook) => {
      const invocation = shouldCall(hook, attrs, this.#deps);
      return invocation ? [{ hook, invocation }] : [];
    });
    const outcomes = await Promise.allSettled(matched.map(({ hook, invocation }) => this.#call(hook, attrs, invocation)));
    for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
  }

  async #call(hook: PreparedWebhook, attrs: AdmissionAttributes, invocation: Parameters<typeof callWebhook>[2]): Promise<void> {
    try {
      const result = await callWebhook(hook, attrs, invocation, this.#deps.storage, false);
      attrs.warnings.push(...result.warnings);
      if (!result.allowed) throw webhookDenial(hook.name, result.status);
    } catch (err) {
      if (!(err instanceof WebhookCallError)) throw err;
      if (hook.spec.failurePolicy === 'Ignore') return;
      throw newInternalError(err);
    }
  }
}
