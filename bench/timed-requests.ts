// Sequential timed requests (full body read), for list latency and its echo baselines.
import { send, type RequestOptions, type Target } from './client.js';
import { median, minimum } from './stats.js';

export interface Timing {
  minMs: number;
  medianMs: number;
  bytes: number;
  /** The last response body, e.g. a list to read its resourceVersion from. */
  body: Buffer;
}

export async function timeRequests(to: Target, runs: number, method: string, path: string, options: RequestOptions, expectStatus: number): Promise<Timing> {
  const samples: number[] = [];
  let body: Buffer = Buffer.alloc(0);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const res = await send(to, method, path, options);
    samples.push(performance.now() - start);
    if (res.status !== expectStatus) throw new Error(`${method} ${path}: ${res.status} ${res.body.toString('utf8').slice(0, 300)}`);
    body = res.body;
  }
  return { minMs: minimum(samples), medianMs: median(samples), bytes: body.length, body };
}
