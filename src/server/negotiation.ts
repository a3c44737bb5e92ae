// Content negotiation (k8s.io/apiserver/pkg/endpoints/handlers/negotiation): which representation
// a response takes from the Accept header, and which decoder a request body needs.
import { newNotAcceptable } from '../api/errors.js';

export type Representation =
  | { as: 'object'; format: 'json' | 'yaml' }
  | { as: 'Table'; version: 'v1' | 'v1beta1' }
  | { as: 'PartialObjectMetadata'; version: 'v1' | 'v1beta1'; list: boolean };

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

function representationFor(m: MediaRange, forList: boolean, streaming: boolean): Representation | undefined {
  const json = m.type === 'application/json' || m.type === '*/*' || m.type === 'application/*';
  if (m.params.as) {
    if (m.type !== 'application/json' || m.params.g !== 'meta.k8s.io') return undefined;
    const version = m.params.v === 'v1beta1' ? 'v1beta1' : m.params.v === 'v1' ? 'v1' : undefined;
    if (!version) return undefined;
    if (m.params.as === 'Table') return { as: 'Table', version };
    if (m.params.as === 'PartialObjectMetadata' && (!forList || streaming)) return { as: 'PartialObjectMetadata', version, list: false };
    if (m.params.as === 'PartialObjectMetadataList' && forList && !streaming) return { as: 'PartialObjectMetadata', version, list: true };
    return undefined;
  }
  if (json) return { as: 'object', format: 'json' };
  if (m.type === 'application/yaml' && !streaming) return { as: 'object', format: 'yaml' };
  return undefined;
}

/**
 * Picks the first representation the client accepts, in the client's order. Protobuf is never
 * chosen: clients that ask for it also accept JSON. Throws 406 when nothing fits.
 */
export function negotiate(accept: string | undefined, options: { list: boolean; watch: boolean }): Representation {
  for (const m of parseMediaRanges(accept)) {
    const r = representationFor(m, options.list, options.watch);
    if (r) return r;
  }
  throw newNotAcceptable(ACCEPTED_TYPES);
}

/** Negotiation for responses that only exist as plain objects (discovery, Status, subresources). */
export function negotiateObject(accept: string | undefined): 'json' | 'yaml' {
  for (const m of parseMediaRanges(accept)) {
    if (m.params.as) continue;
    if (m.type === 'application/json' || m.type === '*/*' || m.type === 'application/*') return 'json';
    if (m.type === 'application/yaml') return 'yaml';
  }
  throw newNotAcceptable(['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf']);
}

/** kube-apiserver labels every JSON response, Tables and metadata included, application/json. */
export function contentTypeOf(r: Representation): string {
  return r.as === 'object' && r.format === 'yaml' ? 'application/yaml' : 'application/json';
}
