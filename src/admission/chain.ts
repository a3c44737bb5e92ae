// The admission chain (admission/chain.go): every plugin's admit in order, then every plugin's
// validate in order; the first refusal ends the request.
import type { Admission, AdmissionAttributes, AdmissionPlugin } from './interfaces.js';

export class AdmissionChain implements Admission {
  readonly #plugins: readonly AdmissionPlugin[];

  constructor(plugins: readonly AdmissionPlugin[]) {
    this.#plugins = plugins;
  }

  get names(): string[] {
    return this.#plugins.map((p) => p.name);
  }

  // Most plugins decide synchronously: only a plugin that returns a promise is awaited, so the
  // others cost no microtask each.
  async admit(attrs: AdmissionAttributes): Promise<void> {
    for (const plugin of this.#plugins) {
      if (!plugin.admit || !plugin.handles(attrs.operation)) continue;
      const pending = plugin.admit(attrs);
      if (pending) await pending;
    }
  }

  async validate(attrs: AdmissionAttributes): Promise<void> {
    for (const plugin of this.#plugins) {
      if (!plugin.validate || !plugin.handles(attrs.operation)) continue;
      const pending = plugin.validate(attrs);
      if (pending) await pending;
    }
  }
}
