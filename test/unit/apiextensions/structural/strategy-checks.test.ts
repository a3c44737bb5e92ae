import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorString } from '../../../../src/api/field-errors.js';
import { finalizerWarnings, validateScale } from '../../../../src/apiextensions/structural/index.js';

const PATHS = { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.selector' };
const scale = (obj: unknown, isStatus = false): string[] => validateScale(obj, PATHS, isStatus).map(fieldErrorString);

test('scale replicas: non-negative int32 integers, wrong types as accessor errors', () => {
  assert.deepEqual(scale({ spec: { replicas: 3 }, status: { replicas: 2, selector: 'a=b' } }), []);
  assert.deepEqual(scale({}), []);
  assert.deepEqual(scale({ spec: { replicas: -1 } }), ['.spec.replicas: Invalid value: -1: should be a non-negative integer']);
  assert.deepEqual(scale({ spec: { replicas: 2147483648 } }), ['.spec.replicas: Invalid value: 2147483648: should be less than or equal to 2147483647']);
  assert.deepEqual(scale({ spec: { replicas: 'a' } }), ['.spec.replicas: Invalid value: 0: .spec.replicas accessor error: a is of the type string, expected int64']);
  assert.deepEqual(scale({ spec: { replicas: 1.5 } }), ['.spec.replicas: Invalid value: 0: .spec.replicas accessor error: 1.5 is of the type float64, expected int64']);
  assert.deepEqual(scale({ spec: 'x' }), ['.spec.replicas: Invalid value: 0: .spec.replicas accessor error: x is of the type string, expected map[string]interface{}']);
  assert.deepEqual(scale({ status: { replicas: -2, selector: 5 } }), [
    '.status.replicas: Invalid value: -2: should be a non-negative integer',
    '.status.selector: Invalid value: "": .status.selector accessor error: 5 is of the type int64, expected string',
  ]);
});

test('a /status write checks only the status replicas and the selector', () => {
  assert.deepEqual(scale({ spec: { replicas: -1 }, status: { replicas: -1 } }, true), ['.status.replicas: Invalid value: -1: should be a non-negative integer']);
});

test('finalizer warnings: the added ones, unqualified or not domain-qualified; standard ones pass', () => {
  const obj = (...finalizers: string[]): unknown => ({ metadata: { finalizers } });
  assert.deepEqual(finalizerWarnings(obj('example.com/f', 'plainfinalizer', 'orphan', 'kubernetes')), [
    'metadata.finalizers: "plainfinalizer": prefer a domain-qualified finalizer name to avoid accidental conflicts with other finalizer writers',
  ]);
  assert.deepEqual(finalizerWarnings(obj('plain', 'b'), obj('plain')), [
    'metadata.finalizers: "b": prefer a domain-qualified finalizer name to avoid accidental conflicts with other finalizer writers',
  ]);
  const [first] = finalizerWarnings(obj('bad name'));
  assert.match(first, /^metadata\.finalizers: "bad name": name part must consist of alphanumeric characters/);
  assert.deepEqual(finalizerWarnings({ metadata: {} }), []);
});
