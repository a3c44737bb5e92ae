// metav1.ListOptions from a query string, validated as apimachinery's ValidateListOptions does.
import { newBadRequest, newInvalid } from '../api/errors.js';
import { forbidden, notSupported, type FieldError } from '../api/field-errors.js';

export interface ListOptions {
  labelSelector: string;
  fieldSelector: string;
  limit: number;
  continueToken: string;
  resourceVersion: string;
  resourceVersionMatch: '' | 'Exact' | 'NotOlderThan';
  watch: boolean;
  allowWatchBookmarks: boolean;
  sendInitialEvents: boolean | undefined;
  timeoutSeconds: number | undefined;
}

/** runtime.Convert_Slice_string_To_bool: only "false" (any case) and "0" are false; absent is undefined. */
export function parseQueryBool(query: URLSearchParams, name: string): boolean | undefined {
  const v = query.get(name);
  if (v === null) return undefined;
  return !(v.toLowerCase() === 'false' || v === '0');
}

function parseInt64(query: URLSearchParams, name: string): number | undefined {
  const v = query.get(name);
  if (v === null || v === '') return undefined;
  if (!/^-?\d+$/.test(v)) throw newBadRequest(`strconv.ParseInt: parsing "${v}": invalid syntax`);
  return Number(v);
}

export function parseListOptions(query: URLSearchParams, watchFromPath: boolean): ListOptions {
  const options: ListOptions = {
    labelSelector: query.get('labelSelector') ?? '',
    fieldSelector: query.get('fieldSelector') ?? '',
    limit: Math.max(0, parseInt64(query, 'limit') ?? 0),
    continueToken: query.get('continue') ?? '',
    resourceVersion: query.get('resourceVersion') ?? '',
    resourceVersionMatch: (query.get('resourceVersionMatch') ?? '') as ListOptions['resourceVersionMatch'],
    watch: watchFromPath || (parseQueryBool(query, 'watch') ?? false),
    allowWatchBookmarks: parseQueryBool(query, 'allowWatchBookmarks') ?? false,
    sendInitialEvents: parseQueryBool(query, 'sendInitialEvents'),
    timeoutSeconds: parseInt64(query, 'timeoutSeconds'),
  };
  const errs = options.watch ? validateWatchOptions(options) : validateListOptions(options);
  if (errs.length) throw newInvalid({ group: 'meta.k8s.io', kind: 'ListOptions' }, '', errs);
  return options;
}

function validateListOptions(o: ListOptions): FieldError[] {
  const errs: FieldError[] = [];
  const match = o.resourceVersionMatch;
  if (match) {
    if (!o.resourceVersion) errs.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden unless resourceVersion is provided'));
    if (o.continueToken) errs.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
    if (match !== 'Exact' && match !== 'NotOlderThan') errs.push(notSupported('resourceVersionMatch', match, ['Exact', 'NotOlderThan', '']));
    if (match === 'Exact' && o.resourceVersion === '0') errs.push(forbidden('resourceVersionMatch', 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'));
  }
  if (o.sendInitialEvents !== undefined) errs.push(forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list'));
  return errs;
}

function validateWatchOptions(o: ListOptions): FieldError[] {
  const errs: FieldError[] = [];
  const match = o.resourceVersionMatch;
  if (o.sendInitialEvents !== undefined && match !== 'NotOlderThan') {
    errs.push(forbidden('resourceVersionMatch', 'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'));
  }
  if (match) {
    if (o.sendInitialEvents === undefined) errs.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'));
    if (match !== 'NotOlderThan') errs.push(notSupported('resourceVersionMatch', match, ['NotOlderThan']));
    if (o.continueToken) errs.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
  }
  return errs;
}

/** A resourceVersion query value as a revision; "" and "0" mean "any" and give undefined. */
export function parseResourceVersion(rv: string): number | undefined {
  if (rv === '' || rv === '0') return undefined;
  if (!/^\d+$/.test(rv)) throw newBadRequest(`invalid resource version "${rv}"`);
  return Number(rv);
}
