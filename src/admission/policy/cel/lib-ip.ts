// Kubernetes' IP library (k8s.io/apiserver/pkg/cel/library/ip.go): ip(), isIP(), ip.isCanonical()
// and the family and address classes of a `net.IP`; zones and IPv4-mapped IPv6 addresses are refused.
import type { Environment } from '@marcbachmann/cel-js';
import { CelLibraryError } from './library-error.js';
import { registerNamespace } from './namespaces.js';
import { goQuote, parseAddr, type Addr } from './netip.js';

/** The CEL `net.IP` type. */
export class IPAddress {
  readonly addr: Addr;
  constructor(addr: Addr) {
    this.addr = addr;
  }
}

/** parseIPAddr: netip.ParseAddr without zones or IPv4-mapped IPv6 addresses; throws Kubernetes' text. */
export function parseIP(raw: string): Addr {
  let addr: Addr;
  try {
    addr = parseAddr(raw);
  } catch (err) {
    throw new CelLibraryError(`IP Address ${goQuote(raw)} parse error during conversion from string: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (addr.zone) throw new CelLibraryError(`IP address ${goQuote(raw)} with zone value is not allowed`);
  if (addr.is4In6) throw new CelLibraryError(`IPv4-mapped IPv6 address ${goQuote(raw)} is not allowed`);
  return addr;
}

function isIP(raw: string): boolean {
  try {
    parseIP(raw);
    return true;
  } catch {
    return false;
  }
}

const first = (a: Addr): number => a.bytes[0] ?? 0;
const isLoopback = (a: Addr): boolean => (a.is4 ? first(a) === 127 : a.bytes.every((b, i) => b === (i === 15 ? 1 : 0)));
const isUnspecified = (a: Addr): boolean => a.bytes.every((b) => b === 0);
const isMulticast = (a: Addr): boolean => (a.is4 ? (first(a) & 0xf0) === 0xe0 : first(a) === 0xff);
const isLinkLocalMulticast = (a: Addr): boolean => (a.is4 ? first(a) === 224 && a.bytes[1] === 0 && a.bytes[2] === 0 : a.group(0) === 0xff02);
const isLinkLocalUnicast = (a: Addr): boolean => (a.is4 ? first(a) === 169 && a.bytes[1] === 254 : (a.group(0) & 0xffc0) === 0xfe80);

/** Go's Addr.IsGlobalUnicast: private IPv4 and ULA IPv6 addresses count as global. */
function isGlobalUnicast(a: Addr): boolean {
  if (a.is4 && (isUnspecified(a) || a.bytes.every((b) => b === 255))) return false;
  return !isUnspecified(a) && !isLoopback(a) && !isMulticast(a) && !isLinkLocalUnicast(a);
}

export function registerIP(env: Environment): void {
  const on = (test: (a: Addr) => boolean) => (ip: IPAddress) => test(ip.addr);
  const namespace = registerNamespace(env, 'ip');
  env
    .registerType('net.IP', IPAddress)
    .registerOperator('net.IP == net.IP', (a: IPAddress, b: IPAddress) => a.addr.equals(b.addr))
    .registerFunction('ip(string): net.IP', (s: string) => new IPAddress(parseIP(s)))
    .registerFunction('isIP(string): bool', isIP)
    .registerFunction(`${namespace}.isCanonical(string): bool`, (_ns: unknown, s: string) => parseIP(s).toString() === s)
    .registerFunction('string(net.IP): string', (ip: IPAddress) => ip.addr.toString())
    .registerFunction('net.IP.family(): int', (ip: IPAddress) => (ip.addr.is4 ? 4n : 6n))
    .registerFunction('net.IP.isUnspecified(): bool', on(isUnspecified))
    .registerFunction('net.IP.isLoopback(): bool', on(isLoopback))
    .registerFunction('net.IP.isLinkLocalMulticast(): bool', on(isLinkLocalMulticast))
    .registerFunction('net.IP.isLinkLocalUnicast(): bool', on(isLinkLocalUnicast))
    .registerFunction('net.IP.isGlobalUnicast(): bool', on(isGlobalUnicast));
}
