// A baseline server, run as a child process: it reads a JSON body, JSON.parse, JSON.stringify back
// with 201, over the same TLS settings as kubefake (tlsServerOptions). `express` puts express 5 in
// front, set up like kubefake's app (one catch-all; no x-powered-by, etag or query parser);
// `node` is bare node:https. Transpiled to CommonJS by echo-child.ts and run without tsx, so its
// start-up time is comparable; it imports nothing but node and express.
import { createServer, type ServerOptions } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';

function tlsOptions(certDir: string): ServerOptions {
  const read = (file: string): string => readFileSync(join(certDir, file), 'utf8');
  return {
    key: read('apiserver.key'),
    cert: read('apiserver.crt'),
    ca: read('ca.crt'),
    requestCert: true,
    rejectUnauthorized: false,
    minVersion: 'TLSv1.2',
    ALPNProtocols: ['http/1.1'],
  };
}

function writeJSON(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function bareEcho(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    writeJSON(res, 400, '{"error":"bad json"}');
    return;
  }
  writeJSON(res, 201, JSON.stringify(parsed));
}

function expressEcho(): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', false);
  app.use(express.json({ limit: '256mb' }));
  app.use((req, res) => {
    res.status(201).json(req.body);
  });
  return app;
}

const [kind, certDir, port] = process.argv.slice(2);
const server = createServer(tlsOptions(certDir));
if (kind === 'express') server.on('request', expressEcho());
else server.on('request', (req, res) => void bareEcho(req, res));
server.listen(Number(port), '127.0.0.1');
