// The comparisons of a JSONPath filter (`[?(@.a<3)]`): client-go's fork of text/template's
// eq/ne/lt/le/gt/ge. Only values of one kind compare (an int64 never equals a float64); maps,
// lists and null are no kind at all.
import { compareGoStrings, isGoInt } from '../../api/go-format.js';
import { GoFloat } from './go-values.js';

type Kind = 'bool' | 'int' | 'float' | 'string';

interface Basic {
  kind: Kind;
  value: string | number | boolean;
}

function basic(v: unknown): Basic {
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'string') return { kind: 'string', value: v };
  if (v instanceof GoFloat) return { kind: 'float', value: v.value };
  if (typeof v === 'number') return { kind: isGoInt(v) ? 'int' : 'float', value: v };
  throw new Error('invalid type for comparison');
}

function equal(left: unknown, right: unknown): boolean {
  const a = basic(left);
  const b = basic(right);
  if (a.kind !== b.kind) throw new Error('incompatible types for comparison');
  return a.value === b.value;
}

function less(left: unknown, right: unknown): boolean {
  const a = basic(left);
  const b = basic(right);
  if (a.kind !== b.kind) throw new Error('incompatible types for comparison');
  if (a.kind === 'bool') throw new Error('invalid type for comparison');
  if (a.kind === 'string') return compareGoStrings(a.value as string, b.value as string) < 0;
  return (a.value as number) < (b.value as number);
}

const lessEqual = (left: unknown, right: unknown): boolean => less(left, right) || equal(left, right);

/** Whether `left <operator> right` holds; throws with Go's text when the values do not compare. */
export function goCompare(operator: string, left: unknown, right: unknown): boolean {
  switch (operator) {
    case '==':
      return equal(left, right);
    case '!=':
      return !equal(left, right);
    case '<':
      return less(left, right);
    case '<=':
      return lessEqual(left, right);
    case '>':
      return !lessEqual(left, right);
    case '>=':
      return !less(left, right);
    default:
      throw new Error(`unrecognized filter operator ${operator}`);
  }
}
