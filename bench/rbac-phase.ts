// Issue 3's row: pod creates/s as a user whom RBAC allows through one RoleBinding among 1,000 in
// the namespace, next to the admin (system:masters) in the same run, their rounds interleaved.
import { keepAliveAgent, send, target } from './client.js';
import { combine, postLoad, rate, type LoadResult } from './post-load.js';
import { PODS_PATH, podJSON } from './pod.js';
import { perSecond, type Row } from './report.js';
import { userIdentity } from './user-identity.js';
import type { Bench, Server } from './phases.js';

const BINDINGS = 1_000;
const USER = 'bench-user';
const ROUNDS = 5;
const PER_ROUND = 600;
const CONCURRENCY = 16;
/** The pods this phase leaves in the store. */
export const RBAC_PODS = ROUNDS * PER_ROUND * 2;

const BINDINGS_PATH = '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings';

/** Binding i names user-i, except the last, which names the bench's user. */
function bindingJSON(i: number): string {
  return JSON.stringify({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: `bench-binding-${i}` },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: i === BINDINGS - 1 ? USER : `user-${i}` }],
  });
}

const round = (server: Server, who: string, r: number): Promise<LoadResult> =>
  postLoad(server.to, server.pid, {
    path: PODS_PATH,
    count: PER_ROUND,
    concurrency: CONCURRENCY,
    deadlineMs: 20_000,
    body: (i) => podJSON(`rbac-${who}-${r * PER_ROUND + i}`),
    expectStatus: 201,
  });

async function createBindings(admin: Server): Promise<void> {
  const made = await postLoad(admin.to, admin.pid, { path: BINDINGS_PATH, count: BINDINGS, concurrency: CONCURRENCY, deadlineMs: 30_000, body: bindingJSON, expectStatus: 201 });
  if (made.done !== BINDINGS) throw new Error(`created ${made.done} of ${BINDINGS} RoleBindings: ${made.firstFailure}`);
}

export async function rbacPhase(bench: Bench, dataDir: string): Promise<Row[]> {
  const admin = bench.kubefake;
  const user: Server = { pid: admin.pid, to: target(admin.to.port, keepAliveAgent(userIdentity(dataDir, USER, []), CONCURRENCY)) };
  const denied = await send(user.to, 'POST', PODS_PATH, { body: podJSON('rbac-denied') });
  if (denied.status !== 403) throw new Error(`${USER} was not denied before its binding: ${denied.status}`);
  await createBindings(admin);
  const runs: Record<'admin' | 'user', LoadResult[]> = { admin: [], user: [] };
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate who goes first, so neither always meets a fresher heap.
    const order = r % 2 === 0 ? (['admin', 'user'] as const) : (['user', 'admin'] as const);
    for (const who of order) runs[who].push(await round(who === 'admin' ? admin : user, who, r));
  }
  user.to.agent.destroy();
  const [adminLoad, userLoad] = [combine(runs.admin.slice(1)), combine(runs.user.slice(1))];
  const failed = combine([...runs.admin, ...runs.user]);
  if (failed.failed > 0) process.stderr.write(`bench: ${failed.failed} RBAC-phase creates failed, first: ${failed.firstFailure}\n`);
  const ratio = rate(userLoad) / rate(adminLoad);
  return [
    {
      metric: `POST/s: pod creates as a user allowed by 1 of ${BINDINGS.toLocaleString('en-US')} RoleBindings vs the admin (${ROUNDS - 1}×${PER_ROUND} each, interleaved)`,
      kubefake: `${perSecond(rate(userLoad))} (${Math.round(ratio * 100)}% of the admin's ${perSecond(rate(adminLoad))})`,
      target: "≥ 80% of the admin's rate",
      pass: ratio >= 0.8 && failed.failed === 0,
    },
  ];
}
