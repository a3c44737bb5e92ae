// cel-go ext.Strings version 2 as Kubernetes 1.32 enables it: string.format's verbs and error
// texts, strings.quote, and no version 3 reverse().
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileCel } from '../../../../src/admission/policy/cel/environment.js';
import { toCel } from '../../../../src/admission/policy/cel/values.js';

const run = (source: string, object: unknown = null): unknown => compileCel(source).evaluate({ object: toCel(object) });

describe('string.format', () => {
  it('formats with every verb', () => {
    assert.equal(run("'%s/%d'.format([object.name, object.n])", { name: 'a', n: 3 }), 'a/3');
    assert.equal(run("'%.2f|%f|%e'.format([1234567.891, 2.5, 1234.5678])"), '1,234,567.89|2.500|1.234568e+03');
    assert.equal(run("'%x %X %o %b %b %x'.format([255, 'hi', 8, 5, true, -255])"), 'ff 6869 10 101 1 -ff');
    assert.equal(run("'100%% %s %s'.format([true, null])"), '100% true null');
    assert.equal(run("'%s %s'.format([1.5, 1e21])"), '1.5 1e+21');
  });

  it('prints lists and maps as CEL literals, map keys sorted', () => {
    assert.equal(run("'%s'.format([[1, 'a', 1.5, b'x', null]])"), '[1, "a", 1.500, b"x", null]');
    assert.equal(run("'%s'.format([{'b': 1, 'a': [true]}])"), '{"a":[true], "b":1}');
    assert.equal(run("'%s'.format([[duration('90s')]])"), '[duration("90s")]');
  });

  it("fails with cel-go's texts", () => {
    assert.throws(() => run("'%d'.format([1.5])"), { message: 'error during formatting: decimal clause can only be used on integers, was given double' });
    assert.throws(() => run("'%f'.format([1])"), { message: 'error during formatting: fixed-point clause can only be used on doubles, was given int' });
    assert.throws(() => run("'%d %d'.format([1])"), { message: 'index 1 out of range' });
    assert.throws(() => run("'%q'.format([1])"), { message: 'could not parse formatting clause: unrecognized formatting clause "q"' });
    assert.throws(() => run("'%'.format([1])"), { message: 'unexpected end of string' });
    assert.throws(() => run("'%.'.format([1])"), /could not find end of precision specifier/);
  });
});

describe('strings.quote and reverse', () => {
  it('quotes with escapes', () => {
    assert.equal(run("strings.quote('a\"b\\\\c\\nd')"), '"a\\"b\\\\c\\nd"');
    assert.equal(run("strings.quote('héllo')"), '"héllo"');
  });

  it('has no reverse(), which is ext.Strings version 3', () => {
    assert.throws(() => compileCel("'abc'.reverse()"), /found no matching overload/);
  });
});
