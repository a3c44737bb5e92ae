// CIDR parsing for the kinds that carry network ranges (Node podCIDRs, NetworkPolicy ipBlock):
// validation.IsValidCIDR and the containment test netutils offers.
import { isIP } from 'node:net';
import { invalid, type FieldError } from '../../api/field-errors.js';

export const CIDR_INVALID = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

export interface Cidr {
  family: 4 | 6;
  /** The address as a big-endian bit string of 32 or 128 bits. */
  bits: string;
  prefix: number;
}

function ipv6Bits(address: string): string {
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const parts = v4[1].split('.').map(Number);
    text = `${text.slice(0, -v4[1].length)}${((parts[0] << 8) | parts[1]).toString(16)}:${((parts[2] << 8) | parts[3]).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((g) => Number.parseInt(g, 16).toString(2).padStart(16, '0')).join('');
}

export function parseCidr(value: string): Cidr | undefined {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(value);
  if (!match) return undefined;
  const family = isIP(match[1]);
  const prefix = Number(match[2]);
  if (family === 0 || prefix > (family === 4 ? 32 : 128)) return undefined;
  const bits =
    family === 4
      ? match[1].split('.').map((p) => Number(p).toString(2).padStart(8, '0')).join('')
      : ipv6Bits(match[1]);
  return { family: family === 4 ? 4 : 6, bits, prefix };
}

export function cidrErrors(path: string, value: string): FieldError[] {
  return parseCidr(value) ? [] : [invalid(path, value, CIDR_INVALID)];
}

/** Whether `inner` is a strictly smaller range inside `outer`. */
export function strictSubset(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || outer.prefix >= inner.prefix) return false;
  return outer.bits.slice(0, outer.prefix) === inner.bits.slice(0, outer.prefix);
}
