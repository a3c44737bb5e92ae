// Kubernetes' CIDR library (k8s.io/apiserver/pkg/cel/library/cidr.go): cidr(), isCIDR() and a
// `net.CIDR`'s containsIP, containsCIDR, ip, masked and prefixLength. Host bits may be set.
import type { Environment } from '@marcbachmann/cel-js';
import { CelLibraryError } from './library-error.js';
import { IPAddress, parseIP } from './lib-ip.js';
import { goQuote, parsePrefix, Prefix } from './netip.js';

/** The CEL `net.CIDR` type. */
export class CIDR {
  readonly prefix: Prefix;
  constructor(prefix: Prefix) {
    this.prefix = prefix;
  }
}

const PARSE_ERROR = 'network address parse error during conversion from string';

/** parseCIDR: netip.ParsePrefix without IPv4-mapped IPv6 addresses; throws Kubernetes' text. */
function parseCIDR(raw: string): Prefix {
  let prefix: Prefix;
  try {
    prefix = parsePrefix(raw);
  } catch (err) {
    throw new CelLibraryError(`${PARSE_ERROR}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (prefix.addr.is4In6) throw new CelLibraryError(`IPv4-mapped IPv6 address ${goQuote(raw)} is not allowed`);
  return prefix;
}

/** cidr(): the library wraps parseCIDR's error once more. */
function cidr(raw: string): CIDR {
  try {
    return new CIDR(parseCIDR(raw));
  } catch (err) {
    throw new CelLibraryError(`${PARSE_ERROR}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function isCIDR(raw: string): boolean {
  try {
    parseCIDR(raw);
    return true;
  } catch {
    return false;
  }
}

/**
 * containsCIDR as v1.32.1 has it: outer's network must equal inner's address taken unmasked at
 * outer's length (so `10.0.0.0/8` holds `10.0.0.0/16` but not `10.1.0.0/16`; kubernetes#130450
 * masks it from v1.33), and outer may be no longer than inner.
 */
function containsCIDR(outer: CIDR, inner: CIDR): boolean {
  const o = outer.prefix;
  return o.masked().equals(new Prefix(inner.prefix.addr, o.bits)) && o.bits <= inner.prefix.bits;
}

/** containsIP of a string: an unparsable address ends as cel-go's bare `no such overload`. */
function containsIPString(c: CIDR, raw: string): boolean {
  let ip;
  try {
    ip = parseIP(raw);
  } catch {
    throw new CelLibraryError('no such overload');
  }
  return c.prefix.contains(ip);
}

export function registerCIDR(env: Environment): void {
  env
    .registerType('net.CIDR', CIDR)
    .registerOperator('net.CIDR == net.CIDR', (a: CIDR, b: CIDR) => a.prefix.equals(b.prefix))
    .registerFunction('cidr(string): net.CIDR', cidr)
    .registerFunction('isCIDR(string): bool', isCIDR)
    .registerFunction('string(net.CIDR): string', (c: CIDR) => c.prefix.toString())
    .registerFunction('net.CIDR.containsIP(string): bool', containsIPString)
    .registerFunction('net.CIDR.containsIP(net.IP): bool', (c: CIDR, ip: IPAddress) => c.prefix.contains(ip.addr))
    .registerFunction('net.CIDR.containsCIDR(string): bool', (c: CIDR, other: string) => containsCIDR(c, cidr(other)))
    .registerFunction('net.CIDR.containsCIDR(net.CIDR): bool', containsCIDR)
    .registerFunction('net.CIDR.ip(): net.IP', (c: CIDR) => new IPAddress(c.prefix.addr))
    .registerFunction('net.CIDR.masked(): net.CIDR', (c: CIDR) => new CIDR(c.prefix.masked()))
    .registerFunction('net.CIDR.prefixLength(): int', (c: CIDR) => BigInt(c.prefix.bits));
}
