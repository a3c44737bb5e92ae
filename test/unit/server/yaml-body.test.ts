import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseYAML } from '../../../src/server/body.js';
import { loadYAML } from '../../../src/server/yaml.js';
import { StatusError } from '../../../src/api/errors.js';

/** What the YAML parser alone makes of a text. */
async function byYAMLParser(text: string): Promise<unknown> {
  return loadYAML().parseAllDocuments(text)[0].toJSON();
}

describe('YAML request bodies', () => {
  it('reads a JSON body as the YAML parser does: escapes, numbers, nulls, nesting, whitespace', async () => {
    const text = '\n\t{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"w\\u00e9b","labels":{"a":"b\\/c"}},\n "spec":{"replicas":3,"x":1.5e2,"y":-0.25,"z":null,"t":true,"list":[1,"2",{"k":[]}]}}';
    assert.deepEqual(await parseYAML(Buffer.from(text)), await byYAMLParser(text));
  });

  it('keeps a __proto__ key of a JSON body as a member', async () => {
    const value = (await parseYAML(Buffer.from('{"data":{"__proto__":"x"}}'))) as { data: Record<string, unknown> };
    assert.ok(Object.hasOwn(value.data, '__proto__'));
    assert.equal(Object.getPrototypeOf(value.data), Object.prototype);
  });

  it('refuses a JSON body that repeats a key, as the YAML parser does', async () => {
    await assert.rejects(parseYAML(Buffer.from('{"metadata":{"name":"a","name":"b"}}')), (err: unknown) => {
      assert.ok(err instanceof StatusError);
      assert.equal(err.code, 400);
      assert.match(err.status.message, /^error converting YAML to JSON: yaml: /);
      return true;
    });
  });

  it('reads YAML that is not JSON', async () => {
    assert.deepEqual(await parseYAML(Buffer.from('apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "1"\n  b: text\n')), {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      data: { a: '1', b: 'text' },
    });
  });
});
