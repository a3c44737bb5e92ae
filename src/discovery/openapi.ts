// /openapi/v2 and /openapi/v3 as kube-apiserver serves them (k8s.io/kube-openapi handler and
// handler3): a v3 index whose serverRelativeURLs carry each group version's hash, per-GV documents
// that are immutable when fetched by that hash, ETags with If-None-Match → 304, and the v2 spec
// as JSON. The documents are generated into openapi/ by scripts/gen-openapi.ts; only the index
// is read at start-up, each document on its first request. The group versions of custom resources
// are documents made at run time (`declare`), which change the index and its hash.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { newInternalError, newNotAcceptable, type StatusError } from '../api/errors.js';
import { swaggerToProtobuf } from './openapi-v2/to-protobuf.js';
import { mediaRangesInOrder } from '../server/negotiation.js';

export interface OpenAPIServiceOptions {
  /** Group versions the server serves (`v1`, `apps/v1`); the index lists only these. Default: all. */
  servedGroupVersions?: Set<string>;
}

interface IndexEntry {
  file: string;
  hash: string;
}

interface Document {
  bytes: Buffer;
  etag: string;
}

const JSON_TYPES = new Set(['application/json', 'application/*', '*/*']);
const V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
const V3_PROTOBUF = 'application/com.github.proto-openapi.spec.v3.v1.0+protobuf';
const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;
/** What kube-openapi offers at /openapi/v2, in its order; the two protobuf names answer with the second. */
const V2_PROTOBUF_CONTENT_TYPE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';
const V2_OFFERS = [
  ['json', 'application/json'],
  ['protobuf', V2_PROTOBUF],
  ['protobuf', V2_PROTOBUF_CONTENT_TYPE],
] as const;

/** `apis/apps/v1` → `apps/v1`, `api/v1` → `v1`. */
function groupVersionOf(gvPath: string): string {
  return gvPath.replace(/^apis?\//, '');
}

function quotedHash(bytes: Uint8Array): string {
  return `"${hashOf(bytes)}"`;
}

function acceptsJson(req: IncomingMessage): boolean {
  const accept = req.headers.accept;
  if (!accept) return true;
  return accept.split(',').some((clause) => JSON_TYPES.has(clause.split(';')[0].trim().toLowerCase()));
}

/** kube-openapi's choice for /openapi/v2: the Accept clauses in goautoneg's order, each against the offers in order. */
function v2Format(req: IncomingMessage): 'json' | 'protobuf' | undefined {
  for (const m of mediaRangesInOrder(req.headers.accept)) {
    const [type, subtype] = m.type.split('/');
    const offer = V2_OFFERS.find(([, mt]) => {
      const [offerType, offerSubtype] = mt.split('/');
      return (type === offerType || type === '*') && (subtype === offerSubtype || subtype === '*');
    });
    if (offer) return offer[0];
  }
  return undefined;
}

function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  return !!header && header.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
}

function writeStatus(res: ServerResponse, err: StatusError): void {
  res.writeHead(err.code, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  res.end(JSON.stringify(err.status));
}

function hashOf(bytes: Uint8Array): string {
  return createHash('sha512').update(bytes).digest('hex').toUpperCase();
}

export class OpenAPIService {
  readonly #dir: string;
  readonly #index: Map<string, IndexEntry>;
  #root: Document;
  readonly #loadedAt = new Date().toUTCString();
  readonly #documents = new Map<string, Promise<Document>>();
  /** Run-time documents by group version path, with their hash. */
  #declared = new Map<string, { hash: string; doc: Document }>();
  #pendingDeclared: (() => ReadonlyMap<string, object>) | undefined;
  #v2Protobuf: Promise<Document> | undefined;

  constructor(dir: string, index: Record<string, IndexEntry>, options: OpenAPIServiceOptions = {}) {
    const served = options.servedGroupVersions;
    this.#dir = dir;
    this.#index = new Map(Object.entries(index).filter(([gvPath]) => !served || served.has(groupVersionOf(gvPath))));
    this.#root = this.#buildRoot();
  }

  #buildRoot(): Document {
    const hashes = new Map<string, string>([...this.#index].map(([gvPath, e]) => [gvPath, e.hash]));
    for (const [gvPath, d] of this.#declared) if (!hashes.has(gvPath)) hashes.set(gvPath, d.hash);
    const entries = [...hashes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const paths = Object.fromEntries(entries.map(([gvPath, hash]) => [gvPath, { serverRelativeURL: `/openapi/v3/${gvPath}?hash=${hash}` }]));
    const bytes = Buffer.from(JSON.stringify({ paths }));
    return { bytes, etag: quotedHash(bytes) };
  }

  /**
   * Serves the run-time documents `build` gives (by group version path, `apis/<group>/<version>`)
   * from now on; it runs when a document or the index is next asked for.
   */
  declare(build: () => ReadonlyMap<string, object>): void {
    this.#pendingDeclared = build;
  }

  #buildDeclared(): void {
    const build = this.#pendingDeclared;
    if (!build) return;
    this.#pendingDeclared = undefined;
    this.#declared = new Map(
      [...build()].map(([gvPath, doc]) => {
        const bytes = Buffer.from(JSON.stringify(doc));
        const hash = hashOf(bytes);
        return [gvPath, { hash, doc: { bytes, etag: `"${hash}"` } }];
      }),
    );
    this.#root = this.#buildRoot();
  }

  /** Reads `<dir>/v3/index.json` only; documents are read when first asked for. */
  static async load(dir: string, options: OpenAPIServiceOptions = {}): Promise<OpenAPIService> {
    const index = JSON.parse(await readFile(join(dir, 'v3', 'index.json'), 'utf8')) as Record<string, IndexEntry>;
    return new OpenAPIService(dir, index, options);
  }

  /** Serves `path` if it is an OpenAPI path; returns false (writing nothing) otherwise. */
  handle(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): boolean {
    if (path !== '/openapi/v2' && path !== '/openapi/v3' && !path.startsWith('/openapi/v3/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (path === '/openapi/v2') {
      this.#serveV2(req, res);
      return true;
    }
    // The declared (custom resource) documents are v3 only.
    this.#buildDeclared();
    if (path === '/openapi/v3') {
      this.#send(req, res, this.#root, { 'Cache-Control': 'no-cache, private' });
      return true;
    }
    this.#serveGroupVersion(req, res, path.slice('/openapi/v3/'.length), query.get('hash'));
    return true;
  }

  /** JSON or gnostic protobuf by Accept; the protobuf is made once, and keeps the JSON's ETag as kube-openapi's does. */
  #serveV2(req: IncomingMessage, res: ServerResponse): void {
    const format = v2Format(req);
    if (!format) return writeStatus(res, newNotAcceptable(['application/json', V2_PROTOBUF]));
    const json = this.#document('v2', join('v2', 'swagger.json'), undefined);
    const doc = format === 'protobuf' ? this.#v2ProtobufOf(json) : json;
    const contentType = format === 'protobuf' ? V2_PROTOBUF_CONTENT_TYPE : 'application/json';
    doc.then(
      (d) => this.#send(req, res, d, { 'Cache-Control': 'no-cache, private', Vary: 'Accept' }, contentType),
      (err: unknown) => writeStatus(res, newInternalError(err)),
    );
  }

  #v2ProtobufOf(json: Promise<Document>): Promise<Document> {
    if (!this.#v2Protobuf) {
      this.#v2Protobuf = json.then((d) => ({ bytes: Buffer.from(swaggerToProtobuf(d.bytes)), etag: d.etag }));
      this.#v2Protobuf.catch(() => (this.#v2Protobuf = undefined));
    }
    return this.#v2Protobuf;
  }

  #serveGroupVersion(req: IncomingMessage, res: ServerResponse, gvPath: string, hash: string | null): void {
    const entry = this.#index.get(gvPath);
    const declared = entry ? undefined : this.#declared.get(gvPath);
    if (!entry && !declared) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      res.end('404 page not found\n');
      return;
    }
    if (!acceptsJson(req)) return writeStatus(res, newNotAcceptable(['application/json', V3_PROTOBUF]));
    const current = entry?.hash ?? declared!.hash;
    if (hash && hash !== current) {
      res.writeHead(301, { Location: `/openapi/v3/${gvPath}?hash=${current}`, Vary: 'Accept' });
      res.end();
      return;
    }
    const caching: Record<string, string> = hash
      ? { 'Cache-Control': 'public, immutable', Expires: new Date(Date.now() + ONE_YEAR_MS).toUTCString() }
      : { 'Cache-Control': 'no-cache, private' };
    if (declared) return this.#send(req, res, declared.doc, { ...caching, Vary: 'Accept' });
    this.#document(gvPath, join('v3', entry!.file), `"${current}"`).then(
      (doc) => this.#send(req, res, doc, { ...caching, Vary: 'Accept' }),
      (err: unknown) => writeStatus(res, newInternalError(err)),
    );
  }

  /** A document's bytes, read once; `etag` is its precomputed quoted hash, or computed here. */
  #document(key: string, file: string, etag: string | undefined): Promise<Document> {
    let doc = this.#documents.get(key);
    if (!doc) {
      doc = readFile(join(this.#dir, file)).then((bytes) => ({ bytes, etag: etag ?? quotedHash(bytes) }));
      doc.catch(() => this.#documents.delete(key));
      this.#documents.set(key, doc);
    }
    return doc;
  }

  #send(req: IncomingMessage, res: ServerResponse, doc: Document, headers: Record<string, string>, contentType = 'application/json'): void {
    const common = { ...headers, ETag: doc.etag, 'Last-Modified': this.#loadedAt };
    if (notModified(req, doc.etag)) {
      res.writeHead(304, common);
      res.end();
      return;
    }
    res.writeHead(200, { ...common, 'Content-Type': contentType, 'Content-Length': String(doc.bytes.length) });
    res.end(req.method === 'HEAD' ? undefined : doc.bytes);
  }
}
