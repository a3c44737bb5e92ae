// A real HTTPS admission webhook for tests: its own CA (passed as caBundle), a serving
// certificate for 127.0.0.1 and the given DNS names, a random port on 127.0.0.1, and a handler
// that turns each AdmissionReview request into a response (the uid is filled in).
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createCA, createServingCert } from '../../../../src/certs/cluster-certs.js';

export interface ReviewRequest {
  uid: string;
  operation: string;
  name: string;
  namespace?: string;
  dryRun: boolean;
  kind: { group: string; version: string; kind: string };
  object: Record<string, any> | null;
  oldObject: Record<string, any> | null;
  [key: string]: unknown;
}

export type ReviewHandler = (request: ReviewRequest, path: string) => Record<string, unknown> | Promise<Record<string, unknown>>;

export interface WebhookServer {
  port: number;
  /** base64 PEM of the server's CA, for clientConfig.caBundle. */
  caBundle: string;
  url(path: string): string;
  /** Every review received, in order. */
  readonly reviews: ReviewRequest[];
  /** New TLS connections accepted (keep-alive reuse shows as fewer connections than reviews). */
  readonly connections: number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A JSONPatch answer, base64-encoded as AdmissionResponse.patch. */
export function patchResponse(ops: unknown[]): Record<string, unknown> {
  return { allowed: true, patchType: 'JSONPatch', patch: Buffer.from(JSON.stringify(ops)).toString('base64') };
}

export async function startWebhookServer(handler: ReviewHandler, dnsNames: readonly string[] = []): Promise<WebhookServer> {
  const ca = createCA();
  const serving = createServingCert(ca, ['127.0.0.1', ...dnsNames]);
  const reviews: ReviewRequest[] = [];
  let connections = 0;
  const server: Server = createServer({ cert: serving.certPem, key: serving.keyPem }, (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const review = JSON.parse(await readBody(req)) as { apiVersion: string; request: ReviewRequest };
      reviews.push(review.request);
      const response = await handler(review.request, req.url ?? '');
      if (res.destroyed) return;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ apiVersion: review.apiVersion, kind: 'AdmissionReview', response: { uid: review.request.uid, ...response } }));
    })();
  });
  server.on('secureConnection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    caBundle: Buffer.from(ca.certPem).toString('base64'),
    url: (path) => `https://127.0.0.1:${port}${path}`,
    reviews,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
