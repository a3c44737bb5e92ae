// What every verb handler receives, and the encoding of objects and lists into the negotiated
// representation (object, Table, PartialObjectMetadata).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KubeObject } from '../../api/types.js';
import { newInvalid } from '../../api/errors.js';
import { notSupported, tooLong, type FieldError } from '../../api/field-errors.js';
import type { RequestInfo } from '../request-info.js';
import { getUser, type UserInfo } from '../context.js';
import type { ServedResource } from '../../registry/registry.js';
import { contentTypeOf, negotiate, type Representation } from '../negotiation.js';
import { parseIncludeObject, partialObjectMetadata, tableChunks, toTable, type TableOptions } from '../table.js';
import { addWarning, writeChunks, writeFormatted, writeRaw } from '../respond.js';
import type { FieldValidation } from '../../validation/schema/object-schemas.js';
import { encodeList } from '../list-encoding.js';
import type { ServedList } from '../../registry/store.js';
import { cachedJSONOf } from '../../storage/cached-object.js';
import { joinedJSON } from '../../storage/json-bytes.js';

export interface RequestScope {
  req: IncomingMessage;
  res: ServerResponse;
  info: RequestInfo;
  query: URLSearchParams;
  resource: ServedResource;
  now(): Date;
  /** Warnings for the client, sent as `Warning: 299` headers with the response. */
  warnings: string[];
}

/** Sends the warnings gathered so far as Warning headers (before a response's head is written). */
export function flushWarnings(scope: RequestScope): void {
  for (const w of scope.warnings) addWarning(scope.res, w);
  scope.warnings.length = 0;
}

/** Writes one object (get, create, update, patch, delete) in the representation the client asked for. */
export function respondObject(scope: RequestScope, code: number, obj: KubeObject): void {
  flushWarnings(scope);
  const r = negotiate(scope.req.headers.accept, { list: false, watch: false, served: obj });
  if (r.as === 'object' && r.format === 'json') {
    const cached = cachedJSONOf(obj);
    writeRaw(scope.req, scope.res, code, 'application/json', cached ? joinedJSON(cached) : JSON.stringify(obj));
    return;
  }
  writeFormatted(scope.req, scope.res, code, representObject(scope, r, obj), r.format);
}

export function representObject(scope: RequestScope, r: Representation, obj: KubeObject): unknown {
  if (r.as === 'object') return obj;
  if (r.as === 'PartialObjectMetadata') return partialObjectMetadata(obj, r.version);
  return toTable(scope.resource.def, [obj], { resourceVersion: obj.metadata.resourceVersion }, tableOptions(scope, r.version));
}

function tableOptions(scope: RequestScope, version: string): TableOptions {
  return { version, includeObject: parseIncludeObject(scope.query), noHeaders: false, now: scope.now() };
}

export async function respondList(scope: RequestScope, list: ServedList): Promise<void> {
  flushWarnings(scope);
  const r = negotiate(scope.req.headers.accept, { list: true, watch: false, served: list });
  if (r.as === 'object' && r.format === 'json') {
    const { length, chunks } = encodeList(list);
    await writeChunks(scope.req, scope.res, 200, 'application/json', chunks, length);
    return;
  }
  if (r.as === 'Table' && r.format === 'json') {
    await writeChunks(scope.req, scope.res, 200, contentTypeOf(r), tableChunks(scope.resource.def, list.items, list.metadata, tableOptions(scope, r.version)));
    return;
  }
  writeFormatted(scope.req, scope.res, 200, representList(scope, r, list), r.format);
}

/** A list in a representation that is written whole (YAML, PartialObjectMetadataList). */
function representList(scope: RequestScope, r: Representation, list: ServedList): unknown {
  // Read once for this response: not kept among the cache's recently read objects.
  const objects = list.items.map((v) => v.scan());
  // YAML writes members sorted, whatever their order here.
  if (r.as === 'object') return { kind: list.kind, apiVersion: list.apiVersion, metadata: list.metadata, items: objects };
  if (r.as === 'Table') return toTable(scope.resource.def, objects, list.metadata, tableOptions(scope, r.version));
  const items = objects.map((o) => partialObjectMetadata(o, r.version));
  return { kind: 'PartialObjectMetadataList', apiVersion: `meta.k8s.io/${r.version}`, metadata: list.metadata, items };
}

export type OptionsKind = 'CreateOptions' | 'UpdateOptions' | 'PatchOptions';

export interface WriteParams {
  dryRun: boolean;
  user: UserInfo | undefined;
  warnings: string[];
  fieldManager: string | undefined;
  fieldValidation: FieldValidation;
}

const FIELD_VALIDATION = ['Ignore', 'Warn', 'Strict'] as const;

const MAX_FIELD_MANAGER = 128;

/** The default manager name: the User-Agent up to its first `/`, printable characters only. */
function managerFromUserAgent(userAgent: string | undefined): string | undefined {
  const name = (userAgent ?? '').split('/')[0].replace(/[^\x20-\x7e]/g, '').slice(0, MAX_FIELD_MANAGER);
  return name || undefined;
}

/** `?dryRun=` and `?fieldManager=`, validated as CreateOptions/UpdateOptions/PatchOptions are. */
export function parseWriteParams(scope: RequestScope, optionsKind: OptionsKind): WriteParams {
  const errs: FieldError[] = [];
  const dryRun = scope.query.getAll('dryRun');
  if (dryRun.some((v) => v !== 'All')) errs.push(notSupported('dryRun', dryRun, ['All']));
  const fieldManager = scope.query.get('fieldManager');
  if (fieldManager !== null && fieldManager.length > MAX_FIELD_MANAGER) errs.push(tooLong('fieldManager', MAX_FIELD_MANAGER));
  // Without the parameter the server warns about unknown fields (kubectl itself sends Strict).
  const fieldValidation = scope.query.get('fieldValidation') || 'Warn';
  if (!(FIELD_VALIDATION as readonly string[]).includes(fieldValidation)) errs.push(notSupported('fieldValidation', fieldValidation, ['', ...FIELD_VALIDATION]));
  if (errs.length) throw newInvalid({ group: 'meta.k8s.io', kind: optionsKind }, '', errs);
  return {
    dryRun: dryRun.length > 0,
    user: getUser(scope.req),
    warnings: scope.warnings,
    fieldManager: fieldManager || managerFromUserAgent(scope.req.headers['user-agent']),
    fieldValidation: fieldValidation as FieldValidation,
  };
}

/** A request body after the decoder's schema check; its warnings go out as Warning headers. */
export function checkedBody(scope: RequestScope, obj: KubeObject, mode: FieldValidation, duplicates: readonly string[] = []): KubeObject {
  const { object, warnings } = scope.resource.store.checkSchema(obj, mode, duplicates);
  scope.warnings.push(...warnings);
  return object;
}
