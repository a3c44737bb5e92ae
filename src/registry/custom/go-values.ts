// The values a JSONPath evaluation holds: decoded unstructured content (printed as Go prints it,
// src/api/go-format.ts), plus GoFloat for a float literal written in the path itself.
import { goFloat, goSprint as sprintDecoded, goTypeName as decodedTypeName } from '../../api/go-format.js';

/** A float64 that JavaScript would take for a whole number (a `1.0` written in a JSONPath). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** A map of decoded content; a GoFloat is none. */
export const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoFloat);

/** fmt.Sprint of an evaluated value: `<nil>`, `true`, `3`, `1.5`, `1e+06`, `[a b]`, `map[k:v]`. */
export function goSprint(v: unknown): string {
  return v instanceof GoFloat ? goFloat(v.value) : sprintDecoded(v);
}

/** The Go type of an evaluated value, as `%v` of a reflect.Type prints it. */
export function goTypeName(v: unknown): string {
  return v instanceof GoFloat ? 'float64' : decodedTypeName(v);
}
