// The gnostic openapi_v2.Document bytes kube-openapi's ToProtoBinary makes of a Swagger JSON:
// field numbers, omitted zero values, oneof choices, and Any values as YAML text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { swaggerToProtobuf } from '../../../src/discovery/openapi-v2/to-protobuf.js';
import { all, extensions, named, one, readFields, text, type ProtoField } from './proto-fields.js';

const HEAD = '"swagger":"2.0","info":{"title":"T","version":"v"}';
const doc = (body: string): ProtoField[] => readFields(swaggerToProtobuf(`{${HEAD},${body}}`));
const msg = (b: ProtoField['value']): ProtoField[] => readFields(b as Uint8Array);
const numbers = (fields: ProtoField[]): number[] => fields.map((f) => f.n);

describe('swaggerToProtobuf', () => {
  it('writes the smallest document field by field', () => {
    const bytes = swaggerToProtobuf(`{${HEAD},"paths":{}}`);
    assert.equal(Buffer.from(bytes).toString('hex'), '0a03322e30' + '1206' + '0a0154' + '120176' + '4200');
  });

  it('reads keys in document order, not sorted', () => {
    const fields = doc('"paths":{},"definitions":{"b":{},"a":{},"10":{},"2":{}}');
    assert.deepEqual(named(msg(one(fields, 9)), 1).map(([name]) => name), ['b', 'a', '10', '2']);
  });

  it('chooses the parameter oneofs as gnostic does', () => {
    const fields = doc(`"paths":{"/x":{
      "parameters":[{"$ref":"#/parameters/p"},{"in":"query","name":"watch","type":"boolean","uniqueItems":true}],
      "get":{"responses":{"200":{"description":"OK"}},"parameters":[
        {"in":"body","name":"body","required":true,"schema":{"$ref":"#/definitions/X"}},
        {"in":"path","name":"name","required":true,"type":"string"},
        {"in":"header","name":"h","type":"string"},
        {"in":"formData","name":"f","type":"file"}]}}}`);
    const [[path, item]] = named(msg(one(fields, 8)), 2);
    assert.equal(path, '/x');
    const [ref, query] = all(msg(item), 9).map(msg);
    assert.equal(text(one(msg(one(ref, 2)), 1)), '#/parameters/p');
    const q = msg(one(msg(one(msg(one(query, 1)), 2)), 3));
    assert.deepEqual(q.map((f) => [f.n, f.value instanceof Uint8Array ? text(f.value) : f.value]), [[2, 'query'], [4, 'watch'], [6, 'boolean'], [20, 1n]]);
    const op = msg(one(msg(item), 2));
    const [body, pathParam, header, form] = all(op, 8).map((p) => msg(one(msg(p), 1)));
    const b = msg(one(body, 1));
    assert.deepEqual(numbers(b), [2, 3, 4, 5]);
    assert.equal(text(one(msg(one(b, 5)), 1)), '#/definitions/X');
    assert.deepEqual(numbers(pathParam), [2]);
    assert.deepEqual(numbers(msg(one(msg(one(pathParam, 2)), 4))), [1, 2, 4, 5]);
    assert.deepEqual(numbers(header), [2]);
    assert.equal(msg(one(header, 2))[0].n, 1);
    assert.equal(msg(one(form, 2))[0].n, 2);
  });

  it('writes responses by code, and a file schema only for type: file', () => {
    const fields = doc(`"paths":{"/x":{"get":{"responses":{
      "200":{"description":"OK","schema":{"type":"string"}},"201":{"description":"F","schema":{"type":"file"}},
      "401":{"description":"Unauthorized"},"default":{"$ref":"#/responses/r"},"x-a":1}}}}`);
    const op = msg(one(msg(named(msg(one(fields, 8)), 2)[0][1]), 2));
    const responses = msg(one(op, 9));
    assert.deepEqual(named(responses, 1).map(([code]) => code), ['200', '201', '401', 'default']);
    const [ok, file, unauth, ref] = named(responses, 1).map(([, v]) => msg(v));
    const okSchema = msg(one(msg(one(msg(one(ok, 1)), 2)), 1));
    assert.deepEqual(all(msg(one(okSchema, 22)), 1).map(text), ['string']);
    assert.equal(msg(one(msg(one(msg(one(file, 1)), 2)), 2)).length, 1);
    assert.deepEqual(numbers(msg(one(unauth, 1))), [1]);
    assert.equal(text(one(msg(one(ref, 2)), 1)), '#/responses/r');
    assert.deepEqual(extensions(responses, 2), { 'x-a': '1\n' });
  });

  it('writes schema fields in number order, leaves zero values out, keeps a false oneof', () => {
    const fields = doc(`"paths":{},"definitions":{"X":{
      "type":"object","required":["a"],"x-kubernetes-group-version-kind":[{"group":"","kind":"Pod","version":"v1"}],
      "properties":{
        "a":{"type":"integer","format":"int32","minimum":0,"maximum":10,"maxLength":5,"x-kubernetes-list-map-keys":["type"]},
        "m":{"type":"object","additionalProperties":false},
        "n":{"additionalProperties":{"type":"string"}},
        "l":{"type":"array","items":{"$ref":"#/definitions/Y"}},
        "e":{"type":"string","enum":["A","B"],"default":"A","description":""}}}}`);
    const [[name, x]] = named(msg(one(fields, 9)), 1);
    assert.equal(name, 'X');
    const schema = msg(x);
    assert.deepEqual(numbers(schema), [19, 22, 25, 31]);
    assert.deepEqual(extensions(schema, 31), { 'x-kubernetes-group-version-kind': '- group: ""\n  kind: Pod\n  version: v1\n' });
    const props = Object.fromEntries(named(msg(one(schema, 25)), 1).map(([k, v]) => [k, msg(v)]));
    assert.deepEqual(numbers(props.a), [2, 7, 11, 22, 31]);
    assert.equal(one(props.a, 7), 10);
    assert.equal(one(props.a, 11), 5n);
    assert.deepEqual(extensions(props.a, 31), { 'x-kubernetes-list-map-keys': '- type\n' });
    assert.equal(Buffer.from(one(props.m, 21) as Uint8Array).toString('hex'), '1000');
    assert.deepEqual(all(msg(one(msg(one(props.n, 21)), 1)), 22).map((t) => text(one(msg(t), 1))), ['string']);
    assert.equal(text(one(msg(one(msg(one(props.l, 23)), 1)), 1)), '#/definitions/Y');
    assert.deepEqual(numbers(props.e), [5, 20, 20, 22]);
    assert.deepEqual([one(props.e, 5), ...all(props.e, 20)].map((a) => text(one(msg(a), 2))), ['A\n', 'A\n', 'B\n']);
  });

  it('writes security definitions and requirements', () => {
    const fields = doc(`"paths":{},"security":[{"BearerToken":[]}],
      "securityDefinitions":{"BearerToken":{"description":"Bearer","in":"header","name":"authorization","type":"apiKey"}}`);
    const requirement = one(fields, 12) as Uint8Array;
    assert.equal(Buffer.from(requirement).toString('hex'), '0a0f' + '0a0b' + Buffer.from('BearerToken').toString('hex') + '1200');
    const [[, item]] = named(msg(one(fields, 13)), 1);
    const apiKey = msg(one(msg(item), 2));
    assert.deepEqual(apiKey.map((f) => text(f.value)), ['apiKey', 'authorization', 'header', 'Bearer']);
  });

  it('refuses what gnostic refuses', () => {
    assert.throws(() => swaggerToProtobuf('{"swagger":"2.0","paths":{}}'), /missing required info/);
    assert.throws(() => swaggerToProtobuf(`{${HEAD},"paths":{"/x":{"get":{"responses":{},"parameters":[{"in":"cookie","name":"c","type":"string"}]}}}}`), /invalid ParametersItem/);
    assert.throws(() => swaggerToProtobuf(`{${HEAD},"paths":{},"definitions":{"X":{"maxLength":1.5}}}`), /unexpected value for maxLength/);
    assert.throws(() => swaggerToProtobuf('{"swagger":'), SyntaxError);
  });
});
