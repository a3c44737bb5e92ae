// A no-op validating admission webhook, run as a child process by webhook-child.ts: POST (any
// path) answers an AdmissionReview v1 with allowed: true for the request's uid; GET /stats tells
// how many reviews it answered over how many TLS connections (keep-alive shows as far fewer).
// Arguments: the serving certificate file, its key file, the port.
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';

interface Review {
  apiVersion?: string;
  request?: { uid?: string };
}

let reviews = 0;
let connections = 0;

function writeJSON(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'GET' && req.url === '/stats') {
    writeJSON(res, 200, JSON.stringify({ reviews, connections }));
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  let review: Review;
  try {
    review = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Review;
  } catch {
    writeJSON(res, 400, '{"error":"bad json"}');
    return;
  }
  reviews++;
  const response = { uid: review.request?.uid ?? '', allowed: true };
  writeJSON(res, 200, JSON.stringify({ apiVersion: review.apiVersion ?? 'admission.k8s.io/v1', kind: 'AdmissionReview', response }));
}

const [certFile, keyFile, port] = process.argv.slice(2);
const server = createServer({ cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') }, (req, res) => void answer(req, res));
// Idle connections stay open across the bench's rounds, so each new one is a real reconnect.
server.keepAliveTimeout = 60_000;
server.on('secureConnection', () => connections++);
server.listen(Number(port), '127.0.0.1');
process.once('SIGINT', () => {
  server.close();
  server.closeAllConnections();
});
