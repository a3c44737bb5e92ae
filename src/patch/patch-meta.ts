// Patch metadata read from a kind's OpenAPI schema: what strategic merge patch and server-side
// apply need to know at each path (patch strategy and merge key, list type and map keys, map type,
// struct field or map entry). Nodes resolve their children lazily and keep them, and the root of
// each kind is cached per catalog, so a lookup on the hot path is a property read.
import type { GroupVersionKind } from '../registry/resource.js';
import type { Schema, SchemaCatalog } from '../openapi/schema-catalog.js';

export type ListType = 'atomic' | 'set' | 'map';

/** The shape of the value at a path, as structured-merge-diff sees it. */
export type NodeKind = 'struct' | 'map' | 'list' | 'scalar' | 'untyped';

export interface PatchMeta {
  readonly kind: NodeKind;
  /** x-kubernetes-patch-strategy split on commas (`merge`, `retainKeys`, `replace`). */
  readonly patchStrategies: readonly string[];
  /** x-kubernetes-patch-merge-key; empty when there is none. */
  readonly mergeKey: string;
  /** Lists: x-kubernetes-list-type, or what SSA deduces for built-in types without one. */
  readonly listType: ListType;
  /** Lists of type map: the keys that identify an item. */
  readonly listMapKeys: readonly string[];
  /** Structs and maps: x-kubernetes-map-type atomic makes the whole value one field. */
  readonly atomic: boolean;
  /** Structs: the required properties (Go serializes them even when empty). */
  readonly required: readonly string[];
  /** The schema's default, which a missing list-map key takes (a port's protocol: TCP). */
  readonly defaultValue?: unknown;
  /** Whether `name` is a declared property (struct field), not a map entry or unknown. */
  hasField(name: string): boolean;
  /** The metadata of a property or map value; untyped when the schema says nothing. */
  field(name: string): PatchMeta;
  /** The metadata of list items. */
  readonly items: PatchMeta;
  /**
   * The root of a kind without a Go type (a custom resource): its zero value is an empty object,
   * not a struct with empty spec and status.
   */
  readonly unstructured?: boolean;
}

type Resolver = (schema: Schema) => Schema;

class SchemaPatchMeta implements PatchMeta {
  readonly kind: NodeKind;
  readonly patchStrategies: readonly string[];
  readonly mergeKey: string;
  readonly listType: ListType;
  readonly listMapKeys: readonly string[];
  readonly atomic: boolean;
  readonly required: readonly string[];
  readonly defaultValue: unknown;
  readonly #schema: Schema;
  readonly #resolve: Resolver;
  readonly #fields = new Map<string, PatchMeta>();
  #items: PatchMeta | undefined;
  #values: PatchMeta | undefined;

  readonly unstructured: boolean;

  constructor(schema: Schema, resolve: Resolver, unstructured = false) {
    const s = resolve(schema);
    this.unstructured = unstructured;
    this.#schema = s;
    this.#resolve = resolve;
    this.kind = kindOf(s);
    this.defaultValue = s.default;
    const strategy = s['x-kubernetes-patch-strategy'];
    this.patchStrategies = strategy ? strategy.split(',') : [];
    this.mergeKey = s['x-kubernetes-patch-merge-key'] ?? '';
    const itemKind = s.items ? kindOf(resolve(s.items)) : 'untyped';
    this.listType = s['x-kubernetes-list-type'] ?? deducedListType(this.patchStrategies, this.mergeKey, itemKind);
    this.listMapKeys = s['x-kubernetes-list-map-keys'] ?? (this.listType === 'map' && this.mergeKey ? [this.mergeKey] : []);
    this.atomic = this.kind === 'list' ? this.listType === 'atomic' : s['x-kubernetes-map-type'] === 'atomic';
    this.required = s.required ?? [];
  }

  hasField(name: string): boolean {
    return this.#schema.properties !== undefined && Object.hasOwn(this.#schema.properties, name);
  }

  field(name: string): PatchMeta {
    let meta = this.#fields.get(name);
    if (meta) return meta;
    const props = this.#schema.properties;
    if (props && Object.hasOwn(props, name)) meta = new SchemaPatchMeta(props[name], this.#resolve);
    else meta = this.#mapValues();
    this.#fields.set(name, meta);
    return meta;
  }

  #mapValues(): PatchMeta {
    if (!this.#values) {
      const extra = this.#schema.additionalProperties;
      this.#values = typeof extra === 'object' ? new SchemaPatchMeta(extra, this.#resolve) : UNTYPED;
    }
    return this.#values;
  }

  get items(): PatchMeta {
    if (!this.#items) this.#items = this.#schema.items ? new SchemaPatchMeta(this.#schema.items, this.#resolve) : UNTYPED;
    return this.#items;
  }
}

function kindOf(s: Schema): NodeKind {
  if (s['x-kubernetes-int-or-string']) return 'scalar';
  if (s.type === 'array') return 'list';
  if (s.type === 'object' || s.properties || s.additionalProperties) {
    if (s.properties) return 'struct';
    if (typeof s.additionalProperties === 'object') return 'map';
    return 'untyped';
  }
  if (s.type === 'string' || s.type === 'integer' || s.type === 'number' || s.type === 'boolean') return 'scalar';
  return 'untyped';
}

/** Built-in lists without x-kubernetes-list-type: merge lists become sets or maps, others atomic. */
function deducedListType(strategies: readonly string[], mergeKey: string, itemKind: NodeKind): ListType {
  if (!strategies.includes('merge')) return 'atomic';
  if (itemKind === 'scalar') return 'set';
  return mergeKey ? 'map' : 'atomic';
}

/** Values with no schema (preserve-unknown-fields, unknown fields): granular maps, atomic lists. */
class UntypedPatchMeta implements PatchMeta {
  readonly kind = 'untyped' as const;
  readonly patchStrategies: readonly string[] = [];
  readonly mergeKey = '';
  readonly listType = 'atomic' as const;
  readonly listMapKeys: readonly string[] = [];
  readonly atomic = false;
  readonly required: readonly string[] = [];
  hasField(): boolean {
    return false;
  }
  field(): PatchMeta {
    return this;
  }
  get items(): PatchMeta {
    return this;
  }
}

export const UNTYPED: PatchMeta = new UntypedPatchMeta();

/** Patch metadata for a custom resource's schema (a CRD version's openAPIV3Schema). */
export function patchMetaFromSchema(schema: Schema): PatchMeta {
  return new SchemaPatchMeta(schema, (s) => s, true);
}

const cache = new WeakMap<SchemaCatalog, Map<string, PatchMeta | undefined>>();

/** The patch metadata of a built-in kind, cached per catalog and GVK; undefined for unknown kinds. */
export function patchMetaFor(catalog: SchemaCatalog, gvk: GroupVersionKind): PatchMeta | undefined {
  let perCatalog = cache.get(catalog);
  if (!perCatalog) cache.set(catalog, (perCatalog = new Map()));
  const key = `${gvk.group}/${gvk.version}/${gvk.kind}`;
  if (perCatalog.has(key)) return perCatalog.get(key);
  const found = catalog.kindSchema(gvk);
  const meta = found ? new SchemaPatchMeta(found.schema, (s) => catalog.resolve(gvk, s)) : undefined;
  perCatalog.set(key, meta);
  return meta;
}
