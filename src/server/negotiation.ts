// Content negotiation (k8s.io/apiserver/pkg/endpoints/handlers/negotiation): which representation
// a response takes from the Accept header, and which decoder a request body needs.
import { newNotAcceptable } from '../api/errors.js';

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
      return { type: (type ?? '').toLowerCase(), params: parsed };
    })
    .filter((m) => m.type);
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
 * any format.
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
}

/**
 * Picks the first representation the client accepts, in the client's order. Protobuf is never chosen: clients that ask for it
 * also accept JSON. Throws 406 when nothing fits.
 */
export function negotiate(accept: string | undefined, options: NegotiationOptions): Representation {
  for (const m of parseMediaRanges(accept)) {
    const r = representationFor(m, options.watch);
    if (!r) continue;
    // PartialObjectMetadataList for a list, PartialObjectMetadata otherwise (watch events are single objects).
    if (r.as === 'PartialObjectMetadata' && r.list !== (options.list && !options.watch)) continue;
    return r;
  }
  throw newNotAcceptable(ACCEPTED_TYPES);
}

/** Negotiation for responses that only exist as plain objects (discovery, Status, subresources). */
export function negotiateObject(accept: string | undefined): Format {
  for (const m of parseMediaRanges(accept)) {
    const r = representationFor(m, false);
    if (r?.as === 'object') return r.format;
  }
  throw newNotAcceptable(ACCEPTED_TYPES);
}

/** kube-apiserver labels every JSON response, Tables and metadata included, application/json. */
export function contentTypeOf(r: Representation): string {
  return r.format === 'yaml' ? 'application/yaml' : 'application/json';
}
