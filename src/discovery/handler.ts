// Serves discovery, /version and the health endpoints: every non-resource path a client reads
// before it touches a resource.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseMediaRanges } from '../server/negotiation.js';
import { writeJSON, writeRaw } from '../server/respond.js';
import type { DiscoveryDocuments } from './documents.js';
import { KUBERNETES_VERSION } from './version.js';

export interface HealthSource {
  ready(): boolean;
}

/** The aggregated discovery version the client asked for first, if any. */
function aggregatedVersion(accept: string | undefined): string | undefined {
  for (const m of parseMediaRanges(accept)) {
    if (m.params.as === 'APIGroupDiscoveryList' && m.params.g === 'apidiscovery.k8s.io' && (m.params.v === 'v2' || m.params.v === 'v2beta1')) return m.params.v;
    if (m.type === 'application/json' && !m.params.as) return undefined;
  }
  return undefined;
}

function writeDiscovery(req: IncomingMessage, res: ServerResponse, legacy: string, aggregated: Map<string, string>): void {
  const v = aggregatedVersion(req.headers.accept);
  if (v) writeRaw(req, res, 200, `application/json;g=apidiscovery.k8s.io;v=${v};as=APIGroupDiscoveryList`, aggregated.get(v)!);
  else writeRaw(req, res, 200, 'application/json', legacy);
}

const HEALTH_PATHS = new Set(['/healthz', '/livez', '/readyz']);

/** Handles the path if it is discovery, version or health; returns false otherwise. */
export function serveNonResource(req: IncomingMessage, res: ServerResponse, path: string, docs: DiscoveryDocuments, health: HealthSource): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (p === '/version') {
    writeJSON(req, res, 200, KUBERNETES_VERSION);
    return true;
  }
  if (HEALTH_PATHS.has(p) || p.startsWith('/healthz/') || p.startsWith('/livez/') || p.startsWith('/readyz/')) {
    const ok = !p.startsWith('/readyz') || health.ready();
    writeRaw(req, res, ok ? 200 : 500, 'text/plain; charset=utf-8', ok ? 'ok' : '[-]storage not ready\nreadyz check failed\n');
    return true;
  }
  if (p === '/api') {
    writeDiscovery(req, res, docs.apiVersions, docs.aggregatedApi);
    return true;
  }
  if (p === '/apis') {
    writeDiscovery(req, res, docs.apiGroupList, docs.aggregatedApis);
    return true;
  }
  const gv = p.startsWith('/api/') ? p.slice('/api/'.length) : p.startsWith('/apis/') ? p.slice('/apis/'.length) : undefined;
  if (gv === undefined) return false;
  let list: string | undefined;
  if (p.startsWith('/api/')) list = gv === 'v1' ? docs.resourceLists.get('v1') : undefined;
  else list = gv.includes('/') ? docs.resourceLists.get(gv) : docs.apiGroup.get(gv);
  if (!list) return false;
  writeRaw(req, res, 200, 'application/json', list);
  return true;
}
