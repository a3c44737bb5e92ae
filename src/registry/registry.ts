// Every served kind with its store, looked up the ways the HTTP layer and discovery need:
// by group/version/resource, and by group version in discovery order.
import type { ObjectStorage } from '../storage/interfaces.js';
import type { ResourceDefinition } from './resource.js';
import { GenericStore, type StoreContext } from './store.js';
import { ConvertedStorage } from './converted-storage.js';

export interface ServedResource {
  def: ResourceDefinition;
  store: GenericStore;
}

export interface GroupVersion {
  group: string;
  version: string;
}

export class Registry {
  readonly #byPath = new Map<string, ServedResource>();
  readonly #all: ServedResource[] = [];
  readonly storage: ObjectStorage;

  constructor(definitions: readonly ResourceDefinition[], ctx: StoreContext) {
    this.storage = ctx.storage;
    for (const def of definitions) {
      const storage = def.storedAs ? new ConvertedStorage(ctx.storage, def.storedAs) : ctx.storage;
      const served = { def, store: new GenericStore(def, { ...ctx, storage }) };
      this.#byPath.set(pathKey(def.group, def.version, def.plural), served);
      this.#all.push(served);
    }
  }

  lookup(group: string, version: string, plural: string): ServedResource | undefined {
    return this.#byPath.get(pathKey(group, version, plural));
  }

  /** The store of a kind in its (first registered) version: what controllers and bootstrap use. */
  store(group: string, plural: string): GenericStore {
    const served = this.#all.find((r) => r.def.group === group && r.def.plural === plural);
    if (!served) throw new Error(`no resource ${plural}.${group} is registered`);
    return served.store;
  }

  resources(): readonly ServedResource[] {
    return this.#all;
  }

  resourcesOf(group: string, version: string): ServedResource[] {
    return this.#all.filter((r) => r.def.group === group && r.def.version === version);
  }

  hasGroupVersion(group: string, version: string): boolean {
    return this.#all.some((r) => r.def.group === group && r.def.version === version);
  }
}

function pathKey(group: string, version: string, plural: string): string {
  return `${group}/${version}/${plural}`;
}
