// The declaration of a kind: everything the generic store, discovery, tables and field selectors
// need to serve it. A built-in kind is one such declaration (src/registry/<group>/<kind>.ts); a
// CustomResourceDefinition will become one at run time.
import type { KubeObject } from '../api/types.js';
import type { FieldError } from '../api/field-errors.js';
import type { PatchMeta } from '../patch/patch-meta.js';
import type { FieldValidation, SchemaCheck } from '../validation/schema/object-schemas.js';

export type Verb = 'create' | 'delete' | 'deletecollection' | 'get' | 'list' | 'patch' | 'update' | 'watch';

/** STD in K8S_REFERENCE.md: the verbs of an ordinary stored resource, in discovery order. */
export const STANDARD_VERBS: readonly Verb[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
/** GPU: the verbs of status and scale subresources. */
export const SUBRESOURCE_VERBS: readonly Verb[] = ['get', 'patch', 'update'];

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface SubresourceDefinition {
  /** `status`, `scale`, `binding`, `log`, `finalize`, `token`, … */
  name: string;
  verbs: readonly Verb[];
  /** The kind the subresource speaks when it is not the parent's (Scale, Binding, TokenRequest). */
  responseKind?: GroupVersionKind;
  /**
   * status: the metadata members a write through it leaves as they were, beside spec (the status
   * strategy's reset fields below metadata: labels of a Deployment, a Pod's ownerReferences).
   */
  keepsMetadata?: readonly string[];
  /** scale of a custom resource: where its replicas and selector are (`.spec.replicas`, …). */
  scalePaths?: ScalePaths;
}

export interface ScalePaths {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string;
}

export type TableColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date';
export type TableCell = string | number | boolean | null;

export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface TableColumn {
  name: string;
  type: TableColumnType;
  format: string;
  description: string;
  priority: number;
}

export interface TablePrinter {
  columns: readonly TableColumn[];
  /** The cells of one row, in column order. `now` is injected so AGE is testable. */
  row(obj: KubeObject, now: Date): TableCell[];
  /** Row conditions (a finished pod's `Completed`), when the kind has any. */
  conditions?(obj: KubeObject): TableRowCondition[] | undefined;
}

/**
 * How `?fieldSelector=` works for a kind: which labels its field-label conversion accepts (with
 * the rejection text Kubernetes gives) and the values of its selectable field set.
 */
export interface FieldSelection {
  /** Rewrites or rejects a label. Returns the label to match, or throws a BadRequest StatusError. */
  convertLabel(label: string): string;
  /** The object's selectable fields; a label that is absent matches as "". */
  fields(obj: KubeObject): Record<string, string>;
}

/**
 * A kind's rules, as k8s.io/apiserver's RESTCreateStrategy/RESTUpdateStrategy. The generic store
 * owns what all kinds share (uid, timestamps, resourceVersion, generation, finalizers, dryRun).
 */
export interface Strategy {
  /** Normalizes a new object: server-owned fields such as status. May mutate. */
  prepareForCreate?(obj: KubeObject): void;
  /** Normalizes an update of the main resource; `old` is read-only. May mutate `obj`. */
  prepareForUpdate?(obj: KubeObject, old: KubeObject): void;
  /** Returns the problems of a new object. Must not mutate. */
  validate?(obj: KubeObject): FieldError[];
  /**
   * AllowUnconditionalUpdate: false when an update must name the resourceVersion it replaces
   * (CRDs and custom resources); unconditional updates are allowed unless said.
   */
  allowUnconditionalUpdate?: boolean;
  /** Returns the problems of an update (immutable fields and the like). Must not mutate. */
  validateUpdate?(obj: KubeObject, old: KubeObject): FieldError[];
  /** Returns the problems of a write through /status (custom resources validate their schema). */
  validateStatusUpdate?(obj: KubeObject, old: KubeObject): FieldError[];
  /** Short `path: message` warnings sent back as Warning headers. */
  warnings?(obj: KubeObject, old?: KubeObject): string[];
  /**
   * Present when the kind keeps metadata.generation: 1 on create, +1 on an update for which this
   * returns true. Absent: the server never sets it.
   */
  generationChanged?(obj: KubeObject, old: KubeObject): boolean;
  /**
   * Assigns what must be unique across the kind (a Service's cluster IPs and node ports), given
   * the other stored objects of the kind and, on update, the old object. May throw Invalid.
   * The store runs it serialized with the kind's other writes, so two writes never pick alike.
   */
  allocate?(obj: KubeObject, others: readonly KubeObject[], old?: KubeObject): void;
  /** What DELETE without a propagationPolicy does to dependents; Background unless said. */
  defaultGCPolicy?: 'Orphan' | 'Background';
  /**
   * Graceful deletion (pods): the grace period in seconds for this delete, 0 to delete at once.
   * Absent: no graceful deletion for the kind.
   */
  gracePeriod?(obj: KubeObject, requested: number | undefined): number;
  /**
   * Kinds whose DELETE is their own (namespaces): returns the object the DELETE leaves behind
   * (marked for deletion), `obj` itself when nothing changes, or undefined when it goes now.
   * May throw a StatusError to refuse. Replaces grace periods and finalizer handling.
   */
  prepareForDelete?(obj: KubeObject, now: Date): KubeObject | undefined;
}

export interface StoredAs {
  group: string;
  plural: string;
  /** The served object in the stored version. Must not mutate. */
  toStorage(obj: KubeObject): KubeObject;
  /** The stored object in the served version. Must not mutate. */
  fromStorage(obj: KubeObject): KubeObject;
}

/**
 * What a kind declared at run time (a CustomResourceDefinition's version) brings in place of the
 * OpenAPI documents and the Go types: its decoder pass, defaults and merge semantics. Such kinds
 * have no strategic merge patch.
 */
export interface DeclaredSchema {
  /**
   * The decoder: drops nulls the schema does not allow, prunes unknown fields (Strict refuses them
   * and the `duplicates`, paths of keys the raw body repeated).
   */
  decode(obj: KubeObject, mode: FieldValidation, duplicates: readonly string[]): SchemaCheck;
  /** The schema's defaults, filled into a decoded object in place. */
  applyDefaults(obj: KubeObject): void;
  patchMeta: PatchMeta;
}

export interface ResourceDefinition {
  group: string;
  version: string;
  kind: string;
  /** Lower-case plural: the URL segment and the RBAC resource name. */
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: readonly string[];
  categories?: readonly string[];
  verbs?: readonly Verb[];
  /**
   * The verbs discovery lists now, when they can differ from those served: a terminating CRD's
   * kinds list no create, update or patch (updates are still served, creates refused).
   */
  discoveryVerbs?(): readonly Verb[];
  subresources?: readonly SubresourceDefinition[];
  /** Legacy discovery's storageVersionHash (K8S_REFERENCE.md §1.2). */
  storageVersionHash?: string;
  strategy: Strategy;
  fieldSelection?: FieldSelection;
  table?: TablePrinter;
  /**
   * How metadata.name is validated: a DNS-1123 subdomain (most kinds), a DNS-1123 label
   * (namespaces), a DNS-1035 label (services), or a path segment (RBAC, ...). Subdomain unless said.
   */
  nameValidation?: 'subdomain' | 'label' | 'dns1035-label' | 'path-segment';
  /**
   * For a kind served in more than one group version over one stored object (events.k8s.io
   * Event over core Event): the resource it is stored as and the conversion both ways.
   */
  storedAs?: StoredAs;
  /** The storage keys' prefix when not `/registry/<resource>/`: `/registry/<group>/<resource>/` for CRDs and custom resources. */
  storagePrefix?: string;
  /** The kind of list responses; `<kind>List` unless said. */
  listKind?: string;
  /**
   * A DELETE that removes the object answers with it (the generic store's ReturnDeletedObject);
   * otherwise with a Success Status naming it. Only some kinds set it (pods, serviceaccounts, …).
   */
  returnsDeletedObject?: boolean;
  /** Sent as a Warning with every request to this version (a CRD's deprecated version). */
  deprecationWarning?: string;
  /** Kinds declared at run time (custom resources): their schema, in place of the built-in ones. */
  declaredSchema?: DeclaredSchema;
}

export function apiVersionOf(def: { group: string; version: string }): string {
  return def.group ? `${def.group}/${def.version}` : def.version;
}

export function hasSubresource(def: ResourceDefinition, name: string): boolean {
  return def.subresources?.some((s) => s.name === name) ?? false;
}

const SPEC: readonly string[] = ['spec'];
const STATUS: readonly string[] = ['status'];

/**
 * The top-level fields a write through `subresource` (undefined: the main resource) does not own,
 * the strategy's reset fields: spec on /status, status on the main resource (and /scale) of a kind
 * that has /status.
 */
export function resetFields(def: ResourceDefinition, subresource: string | undefined): readonly string[] | undefined {
  if (subresource === 'status') return SPEC;
  return hasSubresource(def, 'status') ? STATUS : undefined;
}


/** The metadata members a write through `subresource` leaves as they were (SubresourceDefinition.keepsMetadata). */
export function resetMetadata(def: ResourceDefinition, subresource: string | undefined): readonly string[] {
  return (subresource && def.subresources?.find((s) => s.name === subresource)?.keepsMetadata) || [];
}

/** Declares a kind, filling in the defaults every built-in kind shares. */
export function defineResource(def: ResourceDefinition): ResourceDefinition {
  return { verbs: STANDARD_VERBS, ...def };
}
