// Test helper for the request path's unit tests: runs a function that must throw a StatusError
// and returns the metav1.Status it carries.
import assert from 'node:assert/strict';
import { StatusError } from '../../../../src/api/errors.js';
import type { Status } from '../../../../src/api/types.js';

export function statusOf(fn: () => unknown): Status {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof StatusError, `expected a StatusError, got ${String(err)}`);
    return err.status;
  }
  assert.fail('expected a StatusError, but nothing was thrown');
}
