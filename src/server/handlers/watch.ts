// Watch (handlers/watch.go and the cacher's watch semantics in DESIGN.md): one JSON event per
// line over a chunked response; initial state, replay from a resourceVersion, selector
// transitions as ADDED/DELETED, bookmarks, timeoutSeconds, and 410 as an ERROR event.
import type { KubeObject } from '../../api/types.js';
import { StatusError, toStatusError } from '../../api/errors.js';
import { parseListOptions, parseResourceVersion, type ListOptions } from '../../registry/list-options.js';
import type { StoredEvent, StoredObject } from '../../storage/interfaces.js';
import type { ObjectMatcher } from '../../registry/matcher.js';
import { apiVersionOf } from '../../registry/resource.js';
import { contentTypeOf, negotiate, type Representation } from '../negotiation.js';
import { objectJSONOf } from '../list-encoding.js';
import { partialObjectMetadata, parseIncludeObject, toTable } from '../table.js';
import type { RequestScope } from './scope.js';

/** A watcher whose client reads slower than this many buffered bytes is cut off, as kube does. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
const INITIAL_EVENTS_END = 'k8s.io/initial-events-end';

export interface WatchSettings {
  bookmarkIntervalMs: number;
}

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

class WatchStream {
  #first = true;
  constructor(
    private readonly scope: RequestScope,
    private readonly representation: Representation,
  ) {}

  /** An event of a stored object, in the negotiated representation. */
  send(type: Exclude<EventType, 'BOOKMARK' | 'ERROR'>, version: StoredObject): void {
    const r = this.representation;
    if (r.as === 'object') this.#write(objectEvent(type, version));
    else this.#write(eventChunk(`{"type":"${type}","object":${this.#encode(r, version.object)}}\n`));
  }

  /** A BOOKMARK or ERROR event. */
  sendNotice(type: 'BOOKMARK' | 'ERROR', obj: KubeObject | StatusError['status']): void {
    this.#write(eventChunk(`{"type":"${type}","object":${JSON.stringify(obj)}}\n`));
  }

  #write(event: EventChunk): void {
    const { res } = this.scope;
    const socket = res.socket;
    if (res.destroyed || res.writableEnded || !socket || socket.destroyed) return;
    // Whatever the response still holds itself (headers behind a pipelined response) goes first.
    if (res.writableLength > socket.writableLength) res.write(event.line);
    else socket.write(event.chunk);
    if (res.writableLength > MAX_BUFFERED_BYTES) res.destroy();
  }

  #encode(r: Exclude<Representation, { as: 'object' }>, obj: KubeObject): string {
    if (r.as === 'PartialObjectMetadata') return JSON.stringify(partialObjectMetadata(obj, r.version));
    const table = toTable(this.scope.resource.def, [obj], { resourceVersion: obj.metadata.resourceVersion }, {
      version: r.version,
      includeObject: parseIncludeObject(this.scope.query),
      noHeaders: !this.#first,
      now: this.scope.now(),
    });
    this.#first = false;
    return JSON.stringify(table);
  }

  bookmark(revision: number, initialEventsEnd = false): void {
    const def = this.scope.resource.def;
    const metadata: KubeObject['metadata'] = { resourceVersion: String(revision) };
    if (initialEventsEnd) metadata.annotations = { [INITIAL_EVENTS_END]: 'true' };
    const r = this.representation;
    const object = r.as === 'PartialObjectMetadata' ? { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${r.version}`, metadata } : { kind: def.kind, apiVersion: apiVersionOf(def), metadata };
    this.sendNotice('BOOKMARK', object);
  }
}

/**
 * One event line as an HTTP/1.1 chunk, and the line itself (a view of the chunk). Watch events go
 * to the socket as whole chunks instead of through res.write, which frames each write as four
 * socket writes: with a hundred watchers, that framing was most of what an event cost.
 * res.end() still writes the last, empty chunk.
 */
interface EventChunk {
  line: Buffer;
  chunk: Buffer;
}

const CRLF = Buffer.from('\r\n');

function eventChunk(...parts: (string | Uint8Array)[]): EventChunk {
  const bytes = parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p));
  const length = bytes.reduce((n, b) => n + b.length, 0);
  const head = Buffer.from(`${length.toString(16)}\r\n`);
  const chunk = Buffer.concat([head, ...bytes, CRLF]);
  return { line: chunk.subarray(head.length, head.length + length), chunk };
}

/**
 * The last stored change's event, per version and type: a change reaches every watcher in one
 * synchronous pass, so one entry lets all of them share one chunk without keeping every event's.
 */
let lastEvent: { version: StoredObject; type: string; event: EventChunk } | undefined;

function objectEvent(type: string, version: StoredObject): EventChunk {
  if (lastEvent?.version !== version || lastEvent.type !== type) {
    lastEvent = { version, type, event: eventChunk(`{"type":"${type}","object":`, ...objectJSONOf(version), '}\n') };
  }
  return lastEvent.event;
}

/** The event a watcher with this predicate sees for a stored change, if any. */
function filtered(e: StoredEvent, matches: ObjectMatcher): [Exclude<EventType, 'BOOKMARK' | 'ERROR'>, StoredObject] | undefined {
  const now = matches(e.current);
  if (e.type === 'ADDED') return now ? ['ADDED', e.current] : undefined;
  if (e.type === 'DELETED') return now ? ['DELETED', e.current] : undefined;
  const before = e.previous ? matches(e.previous) : false;
  if (now && before) return ['MODIFIED', e.current];
  if (now) return ['ADDED', e.current];
  if (before) return ['DELETED', e.current];
  return undefined;
}

/** MinRequestTimeout of kube-apiserver: a watch without timeoutSeconds ends after 30–60 minutes. */
const MIN_REQUEST_TIMEOUT_SECONDS = 1800;

function watchTimeoutSeconds(options: ListOptions): number {
  if (options.timeoutSeconds !== undefined && options.timeoutSeconds > 0) return options.timeoutSeconds;
  return Math.floor(MIN_REQUEST_TIMEOUT_SECONDS * (1 + Math.random()));
}

function wantsInitialEvents(options: ListOptions, revision: number | undefined): boolean {
  if (options.sendInitialEvents !== undefined) return options.sendInitialEvents;
  return revision === undefined;
}

export async function handleWatch(scope: RequestScope, settings: WatchSettings): Promise<void> {
  const { req, res, info, resource } = scope;
  const options = parseListOptions(scope.query, info.legacyWatch);
  const representation = negotiate(req.headers.accept, { list: true, watch: true });
  const matches = resource.store.matcher(options, info.legacyWatch ? info.name : undefined);
  const requested = parseResourceVersion(options.resourceVersion);
  if (options.sendInitialEvents || requested === undefined) await resource.store.waitFresh(requested);

  res.statusCode = 200;
  res.setHeader('Content-Type', contentTypeOf(representation));
  res.setHeader('Cache-Control', 'no-cache, private');
  res.setHeader('Transfer-Encoding', 'chunked');
  res.flushHeaders();
  const stream = new WatchStream(scope, representation);
  const storage = resource.store.storage;
  const prefix = resource.store.prefix(info.namespace);

  let from = requested ?? storage.revision;
  if (wantsInitialEvents(options, requested)) {
    const snapshot = storage.versions(prefix);
    for (const version of snapshot.items) if (matches(version)) stream.send('ADDED', version);
    from = snapshot.revision;
    if (options.sendInitialEvents && options.allowWatchBookmarks) stream.bookmark(from, true);
  }

  let watcher;
  try {
    watcher = storage.watch(prefix, from, (e) => {
      const out = filtered(e, matches);
      if (out) stream.send(out[0], out[1]);
    });
  } catch (err) {
    stream.sendNotice('ERROR', toStatusError(err).status);
    res.end();
    return;
  }
  const timers: NodeJS.Timeout[] = [];
  if (options.allowWatchBookmarks) timers.push(setInterval(() => stream.bookmark(storage.revision), settings.bookmarkIntervalMs));
  timers.push(setTimeout(() => res.end(), watchTimeoutSeconds(options) * 1000));
  const forget = resource.store.onWithdrawn(() => res.end());
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      forget();
      watcher.stop();
      for (const t of timers) clearTimeout(t);
      resolve();
    };
    res.once('close', stop);
    res.once('finish', stop);
  });
}
