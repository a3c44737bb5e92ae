// A custom resource's metadata decoded as Go decodes JSON into metav1.ObjectMeta
// (sigs.k8s.io/json UnmarshalStrict): a value of the wrong JSON type is the first error
// (`json: cannot unmarshal string into Go struct field ObjectMeta.labels of type
// map[string]string`), a time that is not RFC 3339 fails as time.Parse does, and fields ObjectMeta
// does not have are unknown (`ownerReferences[0].foo`). Null is accepted anywhere; a null map value
// or list item becomes the zero value Go decodes it to and ObjectMeta encodes back (`labels: {a:
// null}` is the label a="", as the round trip through metav1.ObjectMeta makes it).
import { isPlainObject, setMember } from '../../api/types.js';

type GoType =
  | { kind: 'string' | 'int64' | 'bool' | 'time' | 'raw'; go: string }
  | { kind: 'map'; go: string; value: GoType }
  | { kind: 'slice'; go: string; item: GoType }
  | { kind: 'struct'; go: string; name: string; fields: Record<string, GoType>; encoded?: readonly string[] };

const STRING: GoType = { kind: 'string', go: 'string' };
const UID: GoType = { kind: 'string', go: 'types.UID' };
const INT64: GoType = { kind: 'int64', go: 'int64' };
const BOOL: GoType = { kind: 'bool', go: 'bool' };
const TIME: GoType = { kind: 'time', go: 'v1.Time' };
const STRING_MAP: GoType = { kind: 'map', go: 'map[string]string', value: STRING };

const OWNER_REFERENCE: GoType = {
  kind: 'struct',
  go: 'v1.OwnerReference',
  name: 'OwnerReference',
  fields: { apiVersion: STRING, kind: STRING, name: STRING, uid: UID, controller: BOOL, blockOwnerDeletion: BOOL },
  // The fields without omitempty: a zero OwnerReference still encodes them.
  encoded: ['apiVersion', 'kind', 'name', 'uid'],
};

const MANAGED_FIELDS_ENTRY: GoType = {
  kind: 'struct',
  go: 'v1.ManagedFieldsEntry',
  name: 'ManagedFieldsEntry',
  fields: {
    manager: STRING,
    operation: { kind: 'string', go: 'v1.ManagedFieldsOperationType' },
    apiVersion: STRING,
    time: TIME,
    fieldsType: STRING,
    fieldsV1: { kind: 'raw', go: 'v1.FieldsV1' },
    subresource: STRING,
  },
};

export const OBJECT_META: GoType = {
  kind: 'struct',
  go: 'v1.ObjectMeta',
  name: 'ObjectMeta',
  fields: {
    name: STRING,
    generateName: STRING,
    namespace: STRING,
    selfLink: STRING,
    uid: UID,
    resourceVersion: STRING,
    generation: INT64,
    creationTimestamp: TIME,
    deletionTimestamp: TIME,
    deletionGracePeriodSeconds: INT64,
    labels: STRING_MAP,
    annotations: STRING_MAP,
    ownerReferences: { kind: 'slice', go: '[]v1.OwnerReference', item: OWNER_REFERENCE },
    finalizers: { kind: 'slice', go: '[]string', item: STRING },
    managedFields: { kind: 'slice', go: '[]v1.ManagedFieldsEntry', item: MANAGED_FIELDS_ENTRY },
  },
};

/** Where the decoder is: the innermost struct and the struct fields on the way to it (Go's errorContext). */
interface Context {
  struct?: string;
  fields: string[];
}

export class DecodeError extends Error {}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (isPlainObject(v)) return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

function typeError(value: string, t: GoType, ctx: Context): DecodeError {
  const where = ctx.struct ? `Go struct field ${ctx.struct}.${ctx.fields.join('.')}` : 'Go value';
  return new DecodeError(`json: cannot unmarshal ${value} into ${where} of type ${t.go}`);
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const LAYOUT = '2006-01-02T15:04:05Z07:00';

/** metav1.Time's UnmarshalJSON: a string parsed as RFC 3339. */
function checkTime(v: unknown): void {
  if (typeof v !== 'string') throw new DecodeError(`json: cannot unmarshal ${jsonKind(v)} into Go value of type string`);
  const m = RFC3339.exec(v);
  if (!m) throw new DecodeError(`parsing time ${JSON.stringify(v)} as ${JSON.stringify(LAYOUT)}: cannot parse ${JSON.stringify(v)} as "2006"`);
  const ranges: [string, number, number][] = [['month', 1, 12], ['day', 1, 31], ['hour', 0, 23], ['minute', 0, 59], ['second', 0, 59]];
  ranges.forEach(([unit, min, max], i) => {
    const n = Number(m[i + 2]);
    if (n < min || n > max) throw new DecodeError(`parsing time ${JSON.stringify(v)}: ${unit} out of range`);
  });
}

function checkScalar(v: unknown, t: GoType, ctx: Context): void {
  if (t.kind === 'raw') return;
  if (t.kind === 'time') return checkTime(v);
  if (t.kind === 'string' && typeof v !== 'string') throw typeError(jsonKind(v), t, ctx);
  if (t.kind === 'bool' && typeof v !== 'boolean') throw typeError(jsonKind(v), t, ctx);
  if (t.kind === 'int64') {
    if (typeof v !== 'number') throw typeError(jsonKind(v), t, ctx);
    if (!Number.isSafeInteger(v)) throw typeError(`number ${v}`, t, ctx);
  }
}

/** What Go's zero value of `t` encodes to: "" for strings, a struct's non-omitempty fields, else null. */
function zeroOf(t: GoType): unknown {
  if (t.kind === 'string') return '';
  if (t.kind === 'int64') return 0;
  if (t.kind === 'bool') return false;
  if (t.kind === 'struct') return Object.fromEntries((t.encoded ?? []).map((f) => [f, zeroOf(t.fields[f])]));
  return null;
}

/**
 * Checks `v` against `t`, null members and items made zero values in place; throws the first DecodeError, appends the paths of unknown struct fields
 * (`path` is where `v` is, in sigs.k8s.io/json's field path form) to `unknown`.
 */
export function decodeAs(v: unknown, t: GoType, ctx: Context, path: string, unknown: string[]): void {
  if (v === null) return;
  if (t.kind === 'map' || t.kind === 'struct') {
    if (!isPlainObject(v)) throw typeError(jsonKind(v), t, ctx);
    for (const [k, item] of Object.entries(v)) {
      const at = path ? `${path}.${k}` : k;
      if (t.kind === 'map' && item === null) setMember(v, k, zeroOf(t.value));
      else if (t.kind === 'map') decodeAs(item, t.value, ctx, at, unknown);
      else if (Object.hasOwn(t.fields, k)) decodeAs(item, t.fields[k], { struct: t.name, fields: [...ctx.fields, k] }, at, unknown);
      else unknown.push(at);
    }
  } else if (t.kind === 'slice') {
    if (!Array.isArray(v)) throw typeError(jsonKind(v), t, ctx);
    v.forEach((item, i) => {
      if (item === null) v[i] = zeroOf(t.item);
      else decodeAs(item, t.item, ctx, `${path}[${i}]`, unknown);
    });
  } else {
    checkScalar(v, t, ctx);
  }
}
