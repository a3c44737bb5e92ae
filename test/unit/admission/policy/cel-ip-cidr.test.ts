// Kubernetes' IP and CIDR CEL libraries: Go's netip parsing and printing, the address classes,
// containment (as v1.32.1 has it) and Kubernetes' error texts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileCel } from '../../../../src/admission/policy/cel/environment.js';
import { parseAddr, parsePrefix } from '../../../../src/admission/policy/cel/netip.js';

const run = (source: string): unknown => compileCel(source).evaluate({});
const fails = (source: string, message: string): void => assert.throws(() => run(source), { message });

describe('netip', () => {
  it('prints addresses in canonical form', () => {
    const cases: [string, string][] = [
      ['2001:DB8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
      ['2001:db8::0:0:0:abcd', '2001:db8::abcd'],
      ['0:0:0:0:0:0:0:0', '::'],
      ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
      ['1:2:3:4:5:6:7:0', '1:2:3:4:5:6:7:0'],
      ['::1.2.3.4', '::102:304'],
      ['192.168.0.1', '192.168.0.1'],
    ];
    for (const [input, text] of cases) assert.equal(parseAddr(input).toString(), text, input);
  });

  it("refuses bad addresses with Go's ParseAddr texts", () => {
    const cases: [string, string][] = [
      ['', 'ParseAddr(""): unable to parse IP'],
      ['%eth0', 'ParseAddr("%eth0"): missing IPv6 address'],
      ['1.2.3', 'ParseAddr("1.2.3"): IPv4 address too short'],
      ['1.2.3.4.5', 'ParseAddr("1.2.3.4.5"): IPv4 address too long'],
      ['1.2..4', 'ParseAddr("1.2..4"): IPv4 field must have at least one digit (at ".4")'],
      ['1.2.3.256', 'ParseAddr("1.2.3.256"): IPv4 field has value >255'],
      ['1.2.3.x', 'ParseAddr("1.2.3.x"): unexpected character (at "x")'],
      [':::1', 'ParseAddr(":::1"): each colon-separated field must have at least one digit (at ":1")'],
      ['1::2::3', 'ParseAddr("1::2::3"): multiple :: in address (at ":3")'],
      ['12345::', 'ParseAddr("12345::"): each colon-separated field must have at most 4 hex digits (at "12345::")'],
      ['1:2:3:4:5:6:7', 'ParseAddr("1:2:3:4:5:6:7"): address string too short'],
      ['1:2:3:4:5:6:7:8:9', 'ParseAddr("1:2:3:4:5:6:7:8:9"): trailing garbage after address (at "9")'],
      ['1:2:3:4::5:6:7:8', 'ParseAddr("1:2:3:4::5:6:7:8"): the :: must expand to at least one field of zeros'],
      ['fe80::1%', 'ParseAddr("fe80::1%"): zone must be a non-empty string'],
    ];
    for (const [input, message] of cases) assert.throws(() => parseAddr(input), { message }, input);
  });

  it("refuses bad prefixes with Go's ParsePrefix texts", () => {
    assert.throws(() => parsePrefix('1.2.3.4'), { message: `netip.ParsePrefix("1.2.3.4"): no '/'` });
    assert.throws(() => parsePrefix('1.2.3.4/-1'), { message: 'netip.ParsePrefix("1.2.3.4/-1"): bad bits after slash: "-1"' });
    assert.throws(() => parsePrefix('1.2.3.4/33'), { message: 'netip.ParsePrefix("1.2.3.4/33"): prefix length out of range' });
    assert.throws(() => parsePrefix('fe80::1%eth0/64'), { message: 'netip.ParsePrefix("fe80::1%eth0/64"): IPv6 zones cannot be present in a prefix' });
    assert.equal(parsePrefix('::1/128').toString(), '::1/128');
  });
});

describe('the IP library', () => {
  it('parses addresses with isIP and ip(), refusing zones, mapped addresses and leading zeros', () => {
    assert.equal(run("isIP('127.0.0.1') && isIP('::1')"), true);
    for (const bad of ['127.0.0.256', ':::1', '01.2.3.4', 'fe80::1%eth0', '::ffff:1.2.3.4', '']) assert.equal(run(`isIP('${bad}')`), false, bad);
    fails("ip('127.0.0.256')", 'IP Address "127.0.0.256" parse error during conversion from string: ParseAddr("127.0.0.256"): IPv4 field has value >255');
    fails("ip('fe80::1%eth0')", 'IP address "fe80::1%eth0" with zone value is not allowed');
    fails("ip('::ffff:1.2.3.4')", 'IPv4-mapped IPv6 address "::ffff:1.2.3.4" is not allowed');
  });

  it('tells canonical forms, families and string()', () => {
    assert.equal(run("ip.isCanonical('2001:db8::abcd')"), true);
    assert.equal(run("ip.isCanonical('2001:DB8::ABCD')"), false);
    assert.equal(run("ip.isCanonical('2001:db8::0:0:0:abcd')"), false);
    fails("ip.isCanonical('x')", 'IP Address "x" parse error during conversion from string: ParseAddr("x"): unable to parse IP');
    assert.equal(run("ip('127.0.0.1').family()"), 4n);
    assert.equal(run("ip('::1').family()"), 6n);
    assert.equal(run("string(ip('2001:DB8::0:1'))"), '2001:db8::1');
    assert.equal(run("ip('::1') == ip('0:0::1') && ip('1.2.3.4') != ip('1.2.3.5')"), true);
  });

  it('classifies addresses as Go does', () => {
    const classes: [string, string, boolean][] = [
      ['0.0.0.0', 'isUnspecified', true], ['::', 'isUnspecified', true], ['::1', 'isUnspecified', false],
      ['127.0.0.1', 'isLoopback', true], ['::1', 'isLoopback', true], ['2001:db8::abcd', 'isLoopback', false],
      ['224.0.0.1', 'isLinkLocalMulticast', true], ['224.0.1.1', 'isLinkLocalMulticast', false],
      ['ff02::1', 'isLinkLocalMulticast', true], ['fd00::1', 'isLinkLocalMulticast', false],
      ['169.254.169.254', 'isLinkLocalUnicast', true], ['192.168.0.1', 'isLinkLocalUnicast', false],
      ['fe80::1', 'isLinkLocalUnicast', true], ['fd80::1', 'isLinkLocalUnicast', false],
      ['192.168.0.1', 'isGlobalUnicast', true], ['255.255.255.255', 'isGlobalUnicast', false],
      ['2001:db8::abcd', 'isGlobalUnicast', true], ['ff00::1', 'isGlobalUnicast', false], ['224.0.0.1', 'isGlobalUnicast', false],
    ];
    for (const [addr, fn, want] of classes) assert.equal(run(`ip('${addr}').${fn}()`), want, `${addr} ${fn}`);
  });
});

describe('the CIDR library', () => {
  it('parses CIDRs with isCIDR and cidr(), host bits allowed', () => {
    assert.equal(run("isCIDR('192.168.0.0/16') && isCIDR('::1/128') && isCIDR('192.168.0.1/16')"), true);
    for (const bad of ['192.168.0.0/33', '::1/129', '10.0.0.0', '::ffff:1.2.3.4/120', '10.0.0.0/08']) assert.equal(run(`isCIDR('${bad}')`), false, bad);
    fails(
      "cidr('192.168.0.0/33')",
      'network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix("192.168.0.0/33"): prefix length out of range',
    );
    fails("cidr('::ffff:1.2.3.4/120')", 'network address parse error during conversion from string: IPv4-mapped IPv6 address "::ffff:1.2.3.4/120" is not allowed');
  });

  it('has ip, masked, prefixLength, string() and equality', () => {
    assert.equal(run("cidr('192.168.0.1/24').ip() == ip('192.168.0.1')"), true);
    assert.equal(run("cidr('::1/128').ip().family()"), 6n);
    assert.equal(run("string(cidr('192.168.0.1/24').masked())"), '192.168.0.0/24');
    assert.equal(run("cidr('192.168.0.0/24') == cidr('192.168.0.0/24').masked()"), true);
    assert.equal(run("cidr('192.168.0.1/24') == cidr('192.168.0.1/24').masked()"), false);
    assert.equal(run("cidr('::1/128').prefixLength()"), 128n);
    assert.equal(run("string(cidr('2001:DB8::/32'))"), '2001:db8::/32');
  });

  it('tells containment of addresses and CIDRs', () => {
    assert.equal(run("cidr('192.168.0.0/24').containsIP(ip('192.168.0.1'))"), true);
    assert.equal(run("cidr('192.168.0.0/24').containsIP('192.168.1.1')"), false);
    assert.equal(run("cidr('10.0.0.0/8').containsIP('::1')"), false);
    fails("cidr('10.0.0.0/8').containsIP('x')", 'no such overload');
    assert.equal(run("cidr('192.168.0.0/16').containsCIDR(cidr('192.168.0.0/24'))"), true);
    assert.equal(run("cidr('192.168.1.0/24').containsCIDR('192.168.2.0/24')"), false);
    assert.equal(run("cidr('192.168.0.0/24').containsCIDR('192.168.0.0/16')"), false);
    // v1.32.1 compares the unmasked address: a subnet off the outer network address is not held.
    assert.equal(run("cidr('192.168.0.0/16').containsCIDR('192.168.10.0/24')"), false);
    fails("cidr('10.0.0.0/8').containsCIDR('x')", `network address parse error during conversion from string: network address parse error during conversion from string: netip.ParsePrefix("x"): no '/'`);
  });

  it('type-checks its arguments', () => {
    assert.throws(() => compileCel('isIP(1)'), { message: "compilation failed: ERROR: <input>: found no matching overload for 'isIP(int)'" });
    assert.throws(() => compileCel("cidr('1.0.0.0/8').containsIP(1)"), /compilation failed/);
  });
});
