// The apiserver's decoder turns a JSON null into Go's zero value, which the object then leaves out
// (kubectl sends `creationTimestamp: null`). This copies a decoded body without its null fields.
// Nulls inside arrays are kept: Go would make zero-valued items of them, which no kind relies on.
// A managedFields entry's fieldsV1 is kept as it came, not copied: Go decodes it as raw bytes.
import { isPlainObject, setMember } from '../../api/types.js';

export function withoutNulls(value: unknown): unknown {
  return isPlainObject(value) ? copyMembers(value, topMember) : copyWithoutNulls(value);
}

function copyWithoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyWithoutNulls);
  return isPlainObject(value) ? copyMembers(value, copyWithoutNulls) : value;
}

function copyMembers(value: Record<string, unknown>, copy: (field: unknown, key: string) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== null) setMember(out, key, copy(field, key));
  }
  return out;
}

function topMember(field: unknown, key: string): unknown {
  return key === 'metadata' && isPlainObject(field) ? copyMembers(field, metadataMember) : copyWithoutNulls(field);
}

function metadataMember(field: unknown, key: string): unknown {
  if (key !== 'managedFields' || !Array.isArray(field)) return copyWithoutNulls(field);
  return field.map((entry) => (isPlainObject(entry) ? copyMembers(entry, entryMember) : copyWithoutNulls(entry)));
}

function entryMember(field: unknown, key: string): unknown {
  return key === 'fieldsV1' ? field : copyWithoutNulls(field);
}
