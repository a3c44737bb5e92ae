// What the apimachinery types with their own UnmarshalJSON accept, and the error each one gives
// (resource.Quantity: ParseQuantity's ErrFormatWrong and ErrSuffix; intstr.IntOrString: a
// string, else an int32 through encoding/json).
import { parseQuantity } from '../../registry/core/quantity.js';

const FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const SUFFIX_WRONG = "unable to parse quantity's suffix";
/** parseQuantityString's grammar: a number, then suffix characters, then an optional signed integer. */
const QUANTITY_SHAPE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)[eEinumkKMGTP]*[+-]?\d*$/;

/** ParseQuantity's error for a JSON value, or undefined when it is a quantity. */
export function quantityError(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : FORMAT_WRONG;
  if (typeof value !== 'string') return FORMAT_WRONG;
  const text = value.trim();
  if (text === '0') return undefined;
  if (!QUANTITY_SHAPE.test(text)) return FORMAT_WRONG;
  return parseQuantity(text) === undefined ? SUFFIX_WRONG : undefined;
}

export function isInt32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= -2147483648 && value <= 2147483647;
}

function fitsInt(value: number, bits: 32 | 64): boolean {
  return bits === 32 ? isInt32(value) : Number.isSafeInteger(value);
}

/**
 * How encoding/json names a JSON value it cannot store: `string`, `bool`, `array`, `object`,
 * `number`, or `number 1.5` for a number that does not fit the integer it was meant for.
 */
export function jsonValueName(value: unknown, intBits?: 32 | 64): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return intBits && !fitsInt(value, intBits) ? `number ${String(value)}` : 'number';
  return 'object';
}

/** IntOrString.UnmarshalJSON's error for a JSON value, or undefined when it is one. */
export function intOrStringError(value: unknown): string | undefined {
  if (typeof value === 'string' || isInt32(value)) return undefined;
  return `json: cannot unmarshal ${jsonValueName(value, 32)} into Go value of type int32`;
}
