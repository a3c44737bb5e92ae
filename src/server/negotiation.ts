// Content negotiation (k8s.io/apiserver/pkg/endpoints/handlers/negotiation): which representation
// a response takes from the Accept header, and which decoder a request body needs.
import { newNotAcceptable, newNotAcceptableError, type StatusError } from '../api/errors.js';

type Format = 'json' | 'yaml';
type MetaVersion = 'v1' | 'v1beta1';

export type Representation =
  | { as: 'object'; format: Format }
  | { as: 'Table'; version: MetaVersion; format: Format }
  | { as: 'PartialObjectMetadata'; version: MetaVersion; list: boolean; format: Format };

interface MediaRange {
  type: string;
  params: Record<string, string>;
}

/** goautoneg keeps a clause only when its media range is `type/subtype` (or `*`). */
const MEDIA_RANGE = /^[^/]+\/[^/]+$/;

export function parseMediaRanges(accept: string | undefined): MediaRange[] {
  if (!accept) return [{ type: '*/*', params: {} }];
  return accept
    .split(',')
    .map((clause) => {
      const [type, ...params] = clause.split(';').map((p) => p.trim());
      const parsed: Record<string, string> = {};
      for (const p of params) {
        const eq = p.indexOf('=');
        if (eq > 0) parsed[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim().replace(/^"|"$/g, '');
      }
      // goautoneg reads a bare `*` as `*/*`.
      return { type: type === '*' ? '*/*' : (type ?? '').toLowerCase(), params: parsed };
    })
    .filter((m) => MEDIA_RANGE.test(m.type));
}

/** A clause's q, as goautoneg reads it: a float32, 1 when absent, 0 when unreadable. */
function quality(m: MediaRange): number {
  if (m.params.q === undefined) return 1;
  const q = Number(m.params.q);
  return Number.isNaN(q) ? 0 : Math.fround(q);
}

/** goautoneg's acceptSlice.Less: higher q first, else a concrete type or subtype before a wildcard. */
function preferred(a: MediaRange, b: MediaRange): boolean {
  if (quality(a) > quality(b)) return true;
  const [aType, aSub] = a.type.split('/');
  const [bType, bSub] = b.type.split('/');
  if (aType !== '*' && bType === '*') return true;
  return aSub !== '*' && bSub === '*';
}

/**
 * The clauses in the order kube-apiserver tries them: goautoneg.ParseAccept sorts them with
 * sort.Sort, which is an insertion sort for the dozen clauses or fewer any client sends (Go's
 * pdqsort). Less is not a strict order (a wildcard of higher q and a concrete type of lower q each
 * come "first"), so the exact algorithm decides, and it is reproduced here.
 */
function inPreferenceOrder(ranges: MediaRange[]): MediaRange[] {
  const sorted = [...ranges];
  for (let i = 1; i < sorted.length; i++) {
    for (let j = i; j > 0 && preferred(sorted[j], sorted[j - 1]); j--) [sorted[j], sorted[j - 1]] = [sorted[j - 1], sorted[j]];
  }
  return sorted;
}

/** An Accept header's clauses in the order kube-apiserver (goautoneg) tries them. */
export function mediaRangesInOrder(accept: string | undefined): MediaRange[] {
  return inPreferenceOrder(parseMediaRanges(accept));
}

const ACCEPTED_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];

/** The serializer a clause matches, in the order kube offers them (json, yaml, protobuf). */
function formatOf(type: string): Format | undefined {
  if (type === 'application/json' || type === '*/*' || type === 'application/*') return 'json';
  if (type === 'application/yaml') return 'yaml';
  return undefined;
}

function metaVersionOf(params: Record<string, string>): MetaVersion | undefined {
  if (params.g !== 'meta.k8s.io') return undefined;
  return params.v === 'v1' || params.v === 'v1beta1' ? params.v : undefined;
}

/**
 * RequestScope.AllowsMediaTypeTransform (handlers/rest.go): any of as/g/v asks for a conversion,
 * allowed only to meta.k8s.io v1 or v1beta1; a Table in JSON or YAML, PartialObjectMetadata(List) in
 * any format. Whether the object is a list is not looked at here (see negotiate).
 */
function representationFor(m: MediaRange, streaming: boolean): Representation | undefined {
  const format = formatOf(m.type);
  // The YAML serializer has no stream serializer: no watch in YAML.
  if (!format || (streaming && format === 'yaml')) return undefined;
  const { as } = m.params;
  if (as === undefined && m.params.g === undefined && m.params.v === undefined) return { as: 'object', format };
  const version = metaVersionOf(m.params);
  if (!version) return undefined;
  if (as === 'Table') return { as: 'Table', version, format };
  if (as === 'PartialObjectMetadata') return { as: 'PartialObjectMetadata', version, list: false, format };
  if (as === 'PartialObjectMetadataList') return { as: 'PartialObjectMetadata', version, list: true, format };
  return undefined;
}

export interface NegotiationOptions {
  /** The response is a list (list, deletecollection). */
  list: boolean;
  /** The response is a watch stream. */
  watch: boolean;
  /** What the response carries, to name kube's Go type for it in a 406 (`*core.ConfigMapList`). */
  served?: { apiVersion?: string; kind?: string };
}

/**
 * Picks the first representation the client accepts, in goautoneg's order (q, then concrete types
 * before wildcards, then the client's order). Protobuf is never chosen: clients that ask for it
 * also accept JSON. Throws 406 when nothing fits, or when the chosen PartialObjectMetadata(List)
 * does not fit a list or single object.
 */
export function negotiate(accept: string | undefined, options: NegotiationOptions): Representation {
  for (const m of mediaRangesInOrder(accept)) {
    const r = representationFor(m, options.watch);
    if (!r) continue;
    // A watch sends single objects, whatever the request path looks like.
    if (options.watch && r.as === 'PartialObjectMetadata' && r.list) continue;
    if (!options.watch && r.as === 'PartialObjectMetadata' && r.list !== options.list) throw partialMetadataMismatch(r.list, options.served);
    return r;
  }
  throw newNotAcceptable(ACCEPTED_TYPES);
}

/**
 * handlers/response.go asPartialObjectMetadata / asPartialObjectMetadataList: the conversion was
 * negotiated, then fails on the object with this errNotAcceptable.
 */
function partialMetadataMismatch(wantedList: boolean, served: NegotiationOptions['served']): StatusError {
  const type = served?.kind ? ` (${goTypeOf(served.apiVersion ?? '', served.kind)})` : '';
  const message = wantedList
    ? `you requested PartialObjectMetadataList, but the requested object is not a list${type}`
    : `you requested PartialObjectMetadata, but the requested object is a list${type}`;
  return newNotAcceptableError(message);
}

/**
 * Go's %T of what a built-in's storage returns: the internal type, in a package named after the
 * group's first label (core for the legacy group and for events.k8s.io, whose Event is core's).
 */
function goTypeOf(apiVersion: string, kind: string): string {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const pkg = group === '' || group === 'events.k8s.io' ? 'core' : group.split('.')[0];
  return `*${pkg}.${kind}`;
}

/** Negotiation for responses that only exist as plain objects (discovery, Status, subresources). */
export function negotiateObject(accept: string | undefined): Format {
  for (const m of mediaRangesInOrder(accept)) {
    const r = representationFor(m, false);
    if (r?.as === 'object') return r.format;
  }
  throw newNotAcceptable(ACCEPTED_TYPES);
}

/** kube-apiserver labels every JSON response, Tables and metadata included, application/json. */
export function contentTypeOf(r: Representation): string {
  return r.format === 'yaml' ? 'application/yaml' : 'application/json';
}
