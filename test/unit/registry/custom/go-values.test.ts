// How Go prints decoded JSON values (fmt's %v, encoding/json) and parses RFC 3339 timestamps:
// the text of string cells and selectable field values, and the input of date cells.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { goJSON } from '../../../../src/api/go-format.js';
import { GoFloat, goSprint } from '../../../../src/registry/custom/go-values.js';
import { GO_ZERO_TIME, parseRFC3339 } from '../../../../src/registry/custom/go-time.js';

describe('goSprint (fmt.Sprint)', () => {
  it('prints scalars as Go does', () => {
    assert.equal(goSprint('text'), 'text');
    assert.equal(goSprint(true), 'true');
    assert.equal(goSprint(42), '42');
    assert.equal(goSprint(-7), '-7');
    assert.equal(goSprint(null), '<nil>');
    assert.equal(goSprint(2 ** 53), '9007199254740992');
  });

  it('prints float64 with %v: shortest digits, an exponent from 1e+06 and below 1e-04', () => {
    assert.equal(goSprint(1.5), '1.5');
    assert.equal(goSprint(0.0001), '0.0001');
    assert.equal(goSprint(0.00001), '1e-05');
    assert.equal(goSprint(123456.5), '123456.5');
    assert.equal(goSprint(1234567.5), '1.2345675e+06');
    assert.equal(goSprint(new GoFloat(1e6)), '1e+06');
    assert.equal(goSprint(new GoFloat(2)), '2');
    assert.equal(goSprint(1e21), '1e+21');
  });

  it('prints lists and maps, map keys sorted', () => {
    assert.equal(goSprint([1, 'a', [true]]), '[1 a [true]]');
    assert.equal(goSprint({ b: 1, a: { c: 'x' } }), 'map[a:map[c:x] b:1]');
  });
});

describe('goJSON (json.Marshal)', () => {
  it('sorts keys, writes no spaces and escapes HTML characters', () => {
    assert.equal(goJSON({ name: 'web', image: 'nginx', ports: [80, 443] }), '{"image":"nginx","name":"web","ports":[80,443]}');
    assert.equal(goJSON({ expr: 'a<b && c>d' }), '{"expr":"a\\u003cb \\u0026\\u0026 c\\u003ed"}');
    assert.equal(goJSON(['\u2028', null, 1.5, false]), '["\\u2028",null,1.5,false]');
  });
});

describe('parseRFC3339 (time.Parse with time.RFC3339)', () => {
  const at = (s: string) => new Date(s).getTime();

  it('reads UTC, offsets and fractions', () => {
    assert.equal(parseRFC3339('2024-05-06T07:08:09Z'), at('2024-05-06T07:08:09Z'));
    assert.equal(parseRFC3339('2024-05-06T09:08:09+02:00'), at('2024-05-06T07:08:09Z'));
    assert.equal(parseRFC3339('2024-05-06T07:08:09.250Z'), at('2024-05-06T07:08:09.250Z'));
    assert.equal(parseRFC3339('2024-05-06T07:08:09,5Z'), at('2024-05-06T07:08:09.500Z'));
    assert.equal(parseRFC3339('2024-05-06T7:08:09Z'), at('2024-05-06T07:08:09Z'));
  });

  it('knows the zero time', () => {
    assert.equal(parseRFC3339('0001-01-01T00:00:00Z'), GO_ZERO_TIME);
  });

  it('refuses what Go refuses', () => {
    for (const bad of ['2024-05-06', '2024-05-06 07:08:09Z', '2024-05-06T07:08:09', '2024-02-30T00:00:00Z', '2024-13-01T00:00:00Z', '2024-05-06T24:00:00Z', '2024-05-06T07:08:60Z', '2024-05-06t07:08:09z', 'yesterday']) {
      assert.equal(parseRFC3339(bad), undefined, bad);
    }
    assert.notEqual(parseRFC3339('2024-02-29T00:00:00Z'), undefined);
  });
});
