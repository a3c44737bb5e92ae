// The CEL environment of admission expressions: JSON integers as CEL ints, macros, optional
// types, and Kubernetes' list, regex, quantity, URL and string libraries; compile errors.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CelCompileError, compileCel } from '../../../../src/admission/policy/cel/environment.js';
import { toCel } from '../../../../src/admission/policy/cel/values.js';

const object = toCel({ metadata: { name: 'web', labels: { app: 'web', tier: 'front' } }, spec: { replicas: 3, ratio: 0.5, containers: [{ name: 'a', image: 'nginx:1.25' }, { name: 'b', image: 'busybox' }] } });
const run = (source: string): unknown => compileCel(source).evaluate({ object, oldObject: null, params: null, request: toCel({ operation: 'CREATE' }) });

describe('admission CEL', () => {
  it('reads objects with ints, doubles, has() and the standard macros', () => {
    assert.equal(run('object.spec.replicas + 1 == 4'), true);
    assert.equal(run('string(object.spec.replicas)'), '3');
    assert.equal(run('object.spec.ratio < 1.0'), true);
    assert.equal(run('has(object.spec.replicas) && !has(object.spec.paused)'), true);
    assert.equal(run("object.spec.containers.all(c, c.image.contains(':') || c.name == 'b')"), true);
    assert.deepEqual(run('object.spec.containers.map(c, c.name)'), ['a', 'b']);
    assert.equal(run("object.spec.containers.filter(c, c.name.startsWith('a')).size()"), 1n);
    assert.equal(run("object.metadata.labels.exists(k, k == 'tier')"), true);
    assert.equal(run("object.metadata.labels.exists_one(k, object.metadata.labels[k] == 'web')"), true);
    assert.equal(run('oldObject == null && request.operation == "CREATE"'), true);
  });

  it('has optional types and cel.bind', () => {
    assert.equal(run("object.metadata.?annotations.?owner.orValue('nobody')"), 'nobody');
    assert.equal(run('cel.bind(n, object.spec.replicas, n * n)'), 9n);
  });

  it("has Kubernetes' libraries", () => {
    assert.equal(run('[1, 2, 3].isSorted() && [3, 1].max() == 3 && [3, 1].min() == 1 && [1, 2].sum() == 3'), true);
    assert.equal(run("['a', 'b'].indexOf('b') == 1 && ['a', 'b', 'a'].lastIndexOf('a') == 2"), true);
    assert.equal(run("'abc123def'.find('[0-9]+')"), '123');
    assert.deepEqual(run("'a1b22c333'.findAll('[0-9]+', 2)"), ['1', '22']);
    assert.equal(run("quantity('1Gi').isGreaterThan(quantity('1000Mi')) && quantity('500m').asApproximateFloat() == 0.5"), true);
    assert.equal(run("quantity('2').add(quantity('500m')).compareTo(quantity('2.5')) == 0 && quantity('3k').asInteger() == 3000"), true);
    assert.equal(run("isQuantity('1Gi') && !isQuantity('one')"), true);
    assert.equal(run("url('https://example.com:8443/a/b?x=1').getPort() == '8443' && url('https://example.com/a').getHostname() == 'example.com'"), true);
    assert.deepEqual(run("url('https://e.com/?x=1&x=2').getQuery()"), { x: ['1', '2'] });
    assert.equal(run("isURL('https://e.com') && !isURL('not a url')"), true);
    assert.equal(run("'Hello'.lowerAscii() + 'x'.upperAscii() + 'abc'.charAt(1) + 'a-b-c'.replace('-', '+', 1)"), 'helloXba+b-c');
    assert.deepEqual(run("'a,b'.split(',')"), ['a', 'b']);
    assert.equal(run("' x '.trim() + ['p', 'q'].join('/')"), 'xp/q');
  });

  it('refuses expressions that do not parse or name unknown variables', () => {
    assert.throws(() => compileCel('object.spec.replicas <'), (err: Error) => err instanceof CelCompileError && err.message.startsWith('compilation failed: ERROR: <input>: Syntax error:'));
    assert.throws(() => compileCel('spec.replicas > 1'), (err: Error) => err instanceof CelCompileError && /Unknown variable: spec/.test(err.message));
    assert.throws(() => compileCel('params.x == 1', ['object', 'oldObject', 'request']), CelCompileError);
  });
});
