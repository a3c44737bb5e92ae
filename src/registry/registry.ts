// Every served kind with its store, looked up the ways the HTTP layer and discovery need:
// by group/version/resource, and by group version in discovery order. Built-in kinds are there
// from the start; kinds declared at run time (a CustomResourceDefinition's versions) come and go,
// and whoever serves something derived from the set (discovery, OpenAPI) listens for changes.
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
  #all: ServedResource[] = [];
  readonly #declared = new Map<string, ServedResource[]>();
  readonly #listeners: (() => void)[] = [];
  readonly #ctx: StoreContext;
  readonly storage: ObjectStorage;

  constructor(definitions: readonly ResourceDefinition[], ctx: StoreContext) {
    this.storage = ctx.storage;
    this.#ctx = ctx;
    for (const def of definitions) this.#add(def);
  }

  /** A store of `def` over the storage, through its version conversion when it has one. */
  #storeOf(def: ResourceDefinition, ctx: StoreContext): GenericStore {
    const storage = def.storedAs ? new ConvertedStorage(ctx.storage, def.storedAs) : ctx.storage;
    return new GenericStore(def, { ...ctx, storage });
  }

  #add(def: ResourceDefinition): ServedResource {
    const served = { def, store: this.#storeOf(def, this.#ctx) };
    this.#byPath.set(pathKey(def.group, def.version, def.plural), served);
    this.#all.push(served);
    return served;
  }

  /**
   * Serves the kinds `owner` (a CustomResourceDefinition's name) declares now, in place of those
   * it declared before; none withdraws them. Listeners hear of it before this returns.
   */
  declare(owner: string, definitions: readonly ResourceDefinition[]): void {
    const previous = this.#declared.get(owner) ?? [];
    if (!previous.length && !definitions.length) return;
    for (const old of previous) this.#byPath.delete(pathKey(old.def.group, old.def.version, old.def.plural));
    this.#all = this.#all.filter((r) => !previous.includes(r));
    // A built-in kind (or another owner's) keeps its path.
    const added = definitions.filter((def) => !this.#byPath.has(pathKey(def.group, def.version, def.plural))).map((def) => this.#add(def));
    if (added.length) this.#declared.set(owner, added);
    else this.#declared.delete(owner);
    this.changed();
    for (const old of previous) old.store.withdraw();
  }

  /**
   * A store of `def` that runs no admission: what kube-apiserver's own controllers write through
   * when they go to the storage directly (a CRD's cleanup deleting its custom resources).
   */
  unadmittedStore(def: ResourceDefinition): GenericStore {
    return this.#storeOf(def, { ...this.#ctx, admission: undefined });
  }

  /** Calls `listener` after each change of the served kinds. */
  onChange(listener: () => void): void {
    this.#listeners.push(listener);
  }

  /** Tells the listeners that what discovery shows of an owner's kinds changed (a CRD began to terminate). */
  changed(): void {
    for (const listener of this.#listeners) listener();
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
