// Warning headers: `299 - "text"`, once per text, as kube-apiserver's warning recorder keeps them
// (a write retried after losing a race runs its checks, and warns, again).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { addWarning } from '../../../src/server/respond.js';

describe('addWarning', () => {
  it('adds each text once, in the order first given, quoted as Go quotes it', () => {
    const res = new ServerResponse(new IncomingMessage(new Socket()));
    for (const text of ['unknown field "bogus"', 'second', 'unknown field "bogus"', 'second']) addWarning(res, text);
    assert.deepEqual(res.getHeader('Warning'), ['299 - "unknown field \\"bogus\\""', '299 - "second"']);
  });
});
