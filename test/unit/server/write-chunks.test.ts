import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { writeChunks } from '../../../src/server/respond.js';

const CHUNKS = 64;
const CHUNK_BYTES = 256 * 1024;

/** A server answering every request with CHUNKS chunks through writeChunks; counts the chunks made. */
async function chunkServer(): Promise<{ server: Server; port: number; made: () => number; settled: () => number; finished: Promise<void> }> {
  let made = 0;
  let settled = 0;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  // One buffer for every chunk, as list encoding does: a chunk is valid until the next is asked for.
  function* chunks(): Generator<Buffer> {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    for (let i = 0; i < CHUNKS; i++) {
      made++;
      yield buffer.fill(97 + (i % 26));
    }
  }
  const server = createServer((req, res) => {
    const done = (): void => {
      settled++;
      finish();
    };
    writeChunks(req, res, 200, 'application/octet-stream', chunks(), CHUNKS * CHUNK_BYTES).then(done, done);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, made: () => made, settled: () => settled, finished };
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

  it('writes intact bodies for requests pipelined on one connection, read slowly', async () => {
    const { server, port } = await chunkServer();
    try {
      const socket = connect(port, '127.0.0.1');
      socket.write('GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      socket.pause();
      const received: Buffer[] = [];
      const reader = setInterval(() => {
        const data = socket.read(64 * 1024) ?? socket.read();
        if (data) received.push(data);
      }, 1);
      await new Promise((resolve) => socket.once('close', resolve));
      clearInterval(reader);
      const all = Buffer.concat(received);
      let at = 0;
      for (const path of ['/a', '/b']) {
        const headEnd = all.indexOf('\r\n\r\n', at);
        assert.ok(headEnd > 0, `response to ${path}`);
        at = headEnd + 4;
        const body = all.subarray(at, at + CHUNKS * CHUNK_BYTES);
        at += CHUNKS * CHUNK_BYTES;
        assert.equal(body.length, CHUNKS * CHUNK_BYTES, path);
        for (let i = 0; i < CHUNKS; i++) {
          const chunk = body.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES);
          assert.ok(chunk.every((b) => b === 97 + (i % 26)), `${path}: chunk ${i} intact`);
        }
      }
    } finally {
      server.close();
    }
  });

  it('stops making a queued pipelined response whose client goes away', async () => {
    const { server, port, settled } = await chunkServer();
    try {
      const socket = connect(port, '127.0.0.1');
      socket.write('GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n');
      socket.pause();
      await new Promise((resolve) => setTimeout(resolve, 200));
      socket.destroy();
      for (let i = 0; i < 100 && settled() < 2; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(settled(), 2, 'both responses stopped making chunks');
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
