// Which admission plugins exist, in kube-apiserver's order (options/plugins.go AllOrderedPlugins,
// for the plugins kubefake has), which are on by default, and building the chain from
// --enable-admission-plugins / --disable-admission-plugins.
import type { Registry } from '../registry/registry.js';
import type { ObjectStorage } from '../storage/interfaces.js';
import type { AdmissionPlugin } from './interfaces.js';
import { AdmissionChain } from './chain.js';

export interface AdmissionDeps {
  storage: ObjectStorage;
  /** The registry, for plugins that read other kinds through their stores (built after the chain). */
  registry(): Registry;
  now(): Date;
}

export interface PluginFactory {
  name: string;
  /** Part of kube-apiserver's default set. */
  defaultOn: boolean;
  create(deps: AdmissionDeps): AdmissionPlugin;
}

export interface AdmissionOptions {
  enable?: readonly string[];
  disable?: readonly string[];
}

/** Builds the chain from the factories (given in kube-apiserver's order) and the flags. */
export function buildAdmission(factories: readonly PluginFactory[], options: AdmissionOptions, deps: AdmissionDeps): AdmissionChain {
  const known = new Set(factories.map((f) => f.name));
  for (const name of [...(options.enable ?? []), ...(options.disable ?? [])]) {
    if (!known.has(name)) throw new Error(`unknown admission plugin "${name}"; known plugins: ${[...known].join(', ')}`);
  }
  const enabled = factories.filter((f) => (f.defaultOn || options.enable?.includes(f.name)) && !options.disable?.includes(f.name));
  return new AdmissionChain(enabled.map((f) => f.create(deps)));
}
