// Issue 5's row: pod creates/s in a namespace one no-op validating webhook (a child process, its
// own CA) watches, next to a namespace no webhook selects, same client, rounds interleaved. The
// webhook's connection count shows whether kubefake keeps its connections to it alive.
import { setTimeout as sleep } from 'node:timers/promises';
import { send } from './client.js';
import { combine, postLoad, rate, type LoadResult } from './post-load.js';
import { podJSON } from './pod.js';
import { perSecond, type Row } from './report.js';
import { startWebhookChild, type WebhookChild } from './webhook-child.js';
import type { Bench, Server } from './phases.js';

const ROUNDS = 5;
const PER_ROUND = 500;
const CONCURRENCY = 16;
/** The pods this phase leaves in the store. */
export const WEBHOOK_PODS = ROUNDS * PER_ROUND * 2;

const HOOKED = 'bench-webhook';
const PLAIN = 'bench-no-webhook';
const CONFIG = 'bench-noop';
const CONFIGS_PATH = '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations';
const ACTIVE_TIMEOUT_MS = 5_000;

const podsPath = (namespace: string): string => `/api/v1/namespaces/${namespace}/pods`;

function configJSON(hook: WebhookChild): string {
  return JSON.stringify({
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: { name: CONFIG },
    webhooks: [
      {
        name: `${CONFIG}.bench.kubefake.io`,
        clientConfig: { url: hook.url('/validate'), caBundle: hook.caBundle },
        rules: [{ operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] }],
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': HOOKED } },
        failurePolicy: 'Fail',
        sideEffects: 'None',
        admissionReviewVersions: ['v1'],
      },
    ],
  });
}

async function create(server: Server, path: string, body: string): Promise<void> {
  const res = await send(server.to, 'POST', path, { body });
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${res.body.toString('utf8').slice(0, 200)}`);
}

/** Dry-run creates (the webhook sees them, the store keeps nothing) until the webhook is called. */
async function waitUntilActive(server: Server, hook: WebhookChild): Promise<void> {
  const deadline = performance.now() + ACTIVE_TIMEOUT_MS;
  for (let i = 0; (await hook.stats()).reviews === 0; i++) {
    if (performance.now() > deadline) throw new Error(`the webhook was not called within ${ACTIVE_TIMEOUT_MS} ms of its registration`);
    await create(server, `${podsPath(HOOKED)}?dryRun=All`, podJSON(`webhook-probe-${i}`));
    await sleep(20);
  }
}

const round = (server: Server, namespace: string, r: number): Promise<LoadResult> =>
  postLoad(server.to, server.pid, {
    path: podsPath(namespace),
    count: PER_ROUND,
    concurrency: CONCURRENCY,
    deadlineMs: 20_000,
    body: (i) => podJSON(`webhook-${r * PER_ROUND + i}`),
    expectStatus: 201,
  });

type Side = 'hooked' | 'plain';

/** The first round of each side warms up and is left out; the webhook's stats are taken around the rest. */
async function interleaved(server: Server, hook: WebhookChild): Promise<{ runs: Record<Side, LoadResult[]>; connections: number; reviews: number }> {
  const runs: Record<Side, LoadResult[]> = { hooked: [], plain: [] };
  let before = await hook.stats();
  for (let r = 0; r < ROUNDS; r++) {
    if (r === 1) before = await hook.stats();
    // Alternate who goes first, so neither always meets a fresher heap.
    const order: Side[] = r % 2 === 0 ? ['hooked', 'plain'] : ['plain', 'hooked'];
    for (const side of order) runs[side].push(await round(server, side === 'hooked' ? HOOKED : PLAIN, r));
  }
  const after = await hook.stats();
  // The stats requests share one kept-alive connection, opened before the measured rounds.
  return { runs, connections: after.connections - before.connections, reviews: after.reviews - before.reviews };
}

export async function webhookPhase(bench: Bench): Promise<Row[]> {
  const server = bench.kubefake;
  const hook = await startWebhookChild();
  try {
    for (const name of [HOOKED, PLAIN]) await create(server, '/api/v1/namespaces', JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }));
    await create(server, CONFIGS_PATH, configJSON(hook));
    await waitUntilActive(server, hook);
    const { runs, connections, reviews } = await interleaved(server, hook);
    const deleted = await send(server.to, 'DELETE', `${CONFIGS_PATH}/${CONFIG}`);
    if (deleted.status !== 200) throw new Error(`DELETE ${CONFIG}: ${deleted.status}`);
    return [row(runs, connections, reviews)];
  } finally {
    await hook.stop();
  }
}

function row(runs: Record<Side, LoadResult[]>, connections: number, reviews: number): Row {
  const [hooked, plain] = [combine(runs.hooked.slice(1)), combine(runs.plain.slice(1))];
  const all = combine([...runs.hooked, ...runs.plain]);
  if (all.failed > 0) process.stderr.write(`bench: ${all.failed} webhook-phase creates failed, first: ${all.firstFailure}\n`);
  const ratio = rate(hooked) / rate(plain);
  return {
    metric: `POST/s: pod creates through 1 no-op validating webhook vs none (${ROUNDS - 1}×${PER_ROUND} each, interleaved)`,
    kubefake: `${perSecond(rate(hooked))} (${Math.round(ratio * 100)}% of ${perSecond(rate(plain))} without; ${reviews.toLocaleString('en-US')} reviews, ${connections} new webhook connections while measured)`,
    target: '≥ 50% of the rate without',
    pass: ratio >= 0.5 && all.failed === 0 && reviews === hooked.done,
  };
}
