// The OpenAPI v3 documents in the repo's openapi/ folder as a catalog of schemas, for the modules
// that read them at run time (schema validation, defaulting, strategic merge, server-side apply):
// the schema of a kind, and $ref resolution. Documents are read on first use, once each.
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GroupVersionKind } from '../registry/resource.js';

/** An OpenAPI v3 schema object, as far as kubefake reads them. */
export interface Schema {
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  $ref?: string;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  [extension: string]: unknown;
}

interface GroupVersionDocument {
  components: { schemas: Record<string, Schema> };
}

interface IndexEntry {
  file: string;
}

/** `api/v1` for the core group, `apis/<group>/<version>` for the others: the index's keys. */
export function documentPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

export class SchemaCatalog {
  readonly #dir: string;
  readonly #index: Record<string, IndexEntry>;
  readonly #documents = new Map<string, GroupVersionDocument>();

  private constructor(dir: string, index: Record<string, IndexEntry>) {
    this.#dir = dir;
    this.#index = index;
  }

  /** Reads only the index; documents are read when a kind of theirs is first asked for. */
  static async load(openapiDir: string): Promise<SchemaCatalog> {
    const v3 = join(openapiDir, 'v3');
    return new SchemaCatalog(v3, JSON.parse(await readFile(join(v3, 'index.json'), 'utf8')) as Record<string, IndexEntry>);
  }

  #document(group: string, version: string): GroupVersionDocument | undefined {
    const path = documentPath(group, version);
    let doc = this.#documents.get(path);
    if (!doc) {
      const entry = this.#index[path];
      if (!entry) return undefined;
      doc = JSON.parse(readFileSync(join(this.#dir, entry.file), 'utf8')) as GroupVersionDocument;
      this.#documents.set(path, doc);
    }
    return doc;
  }

  /** The named schemas of the kind's group version document (where its $refs point). */
  schemasOf(gvk: GroupVersionKind): Record<string, Schema> | undefined {
    return this.#document(gvk.group, gvk.version)?.components.schemas;
  }

  /** The top-level schema of a kind: the one whose x-kubernetes-group-version-kind names it. */
  kindSchema(gvk: GroupVersionKind): { name: string; schema: Schema } | undefined {
    const schemas = this.schemasOf(gvk);
    if (!schemas) return undefined;
    for (const [name, schema] of Object.entries(schemas)) {
      const kinds = schema['x-kubernetes-group-version-kind'] ?? [];
      if (kinds.some((k) => k.group === gvk.group && k.version === gvk.version && k.kind === gvk.kind)) return { name, schema };
    }
    return undefined;
  }

  /**
   * Follows `$ref` and the `allOf: [{$ref}]` wrapper Kubernetes uses for nested types, keeping
   * the wrapper's own extensions (patch strategy, list type) over the target's.
   */
  resolve(gvk: GroupVersionKind, schema: Schema): Schema {
    const schemas = this.schemasOf(gvk) ?? {};
    let current = schema;
    for (let depth = 0; depth < 16; depth++) {
      const ref = current.$ref ?? (current.allOf?.length === 1 ? current.allOf[0].$ref : undefined);
      if (!ref) return current;
      const target = schemas[ref.replace('#/components/schemas/', '')];
      if (!target) return current;
      const { $ref: _r, allOf: _a, ...own } = current;
      current = { ...target, ...own };
    }
    return current;
  }
}
