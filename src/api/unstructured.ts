// Objects as Go holds them unstructured (map[string]interface{}): encoding/json writes a map's
// keys sorted by their UTF-8 bytes, at every level. Custom resources are served that way.
import { compareGoStrings } from './go-format.js';
import { isPlainObject } from './types.js';

/** A deep copy of `value` with every object's keys in Go's map order; arrays keep theirs. */
export function withSortedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withSortedKeys) as T;
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareGoStrings)) {
    const member = value[key];
    if (member !== undefined) out[key] = withSortedKeys(member);
  }
  return out as T;
}
