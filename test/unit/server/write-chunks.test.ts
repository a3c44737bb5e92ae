import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeChunks } from '../../../src/server/respond.js';

const CHUNKS = 64;
const CHUNK_BYTES = 256 * 1024;

/** A server answering every request with CHUNKS chunks through writeChunks; counts the chunks made. */
async function chunkServer(): Promise<{ server: Server; port: number; made: () => number; finished: Promise<void> }> {
  let made = 0;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  function* chunks(): Generator<Buffer> {
    for (let i = 0; i < CHUNKS; i++) {
      made++;
      yield Buffer.alloc(CHUNK_BYTES, 97 + (i % 26));
    }
  }
  const server = createServer((req, res) => {
    writeChunks(req, res, 200, 'application/octet-stream', chunks(), CHUNKS * CHUNK_BYTES).then(finish, finish);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, made: () => made, finished };
}

describe('writeChunks', () => {
  it('writes every chunk, in order, with the Content-Length given', async () => {
    const { server, port, finished } = await chunkServer();
    try {
      const body = await new Promise<Buffer>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path: '/' }, (res) => {
          assert.equal(res.headers['content-length'], String(CHUNKS * CHUNK_BYTES));
          const parts: Buffer[] = [];
          res.on('data', (d: Buffer) => parts.push(d));
          res.on('end', () => resolve(Buffer.concat(parts)));
        }).on('error', reject).end();
      });
      assert.equal(body.length, CHUNKS * CHUNK_BYTES);
      for (let i = 0; i < CHUNKS; i++) assert.equal(body[i * CHUNK_BYTES], 97 + (i % 26), `chunk ${i}`);
      await finished;
    } finally {
      server.close();
    }
  });

  it('makes chunks as the client reads them, and stops making them when the client goes away', async () => {
    const { server, port, made, finished } = await chunkServer();
    try {
      await new Promise<void>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/' }, (res) => {
          res.once('data', () => {
            res.pause();
            // Nothing is read any more: the server waits for the socket instead of making everything.
            setTimeout(() => {
              assert.ok(made() < CHUNKS, `${made()} of ${CHUNKS} chunks made for a client that stopped reading`);
              req.destroy();
              resolve();
            }, 200);
          });
        });
        req.on('error', () => undefined);
        req.on('close', () => undefined);
        req.end();
        setTimeout(() => reject(new Error('no data')), 5000).unref();
      });
      await finished;
      assert.ok(made() < CHUNKS, 'the making stopped when the client went away');
    } finally {
      server.close();
    }
  });
});
