// The apiserver's decoder turns a JSON null into Go's zero value, which the object then leaves out
// (kubectl sends `creationTimestamp: null`). This copies a decoded body without its null fields.
// Nulls inside arrays are kept: Go would make zero-valued items of them, which no kind relies on.
import { isPlainObject, setMember } from '../../api/types.js';

export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== null) setMember(out, key, withoutNulls(field));
  }
  return out;
}
