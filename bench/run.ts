// `npm run bench`: starts kubefake (the built dist/cli.js, as a child) and two echo baselines (an
// express and a bare node:https server, children too), drives them all with the same client and
// prints one table: creates/s, list latency, watch latency, RSS and start-to-ready time.
// A report, not a test: it exits 0 whatever the figures. `-- --cpu-prof <dir>` profiles the
// kubefake instance the load runs against.
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cleanupAll, cleanupOnSignals, makeTempDir } from './children.js';
import { identityFromKubeconfig, keepAliveAgent, target, type TlsIdentity } from './client.js';
import { buildEchoServer, startEchoChild, type EchoChild, type EchoKind } from './echo-child.js';
import { startKubefakeChild, type KubefakeChild } from './kubefake-child.js';
import { createsPhase, listPhase, POD_COUNT, restingRssPhase, serverOf, WATCH_CREATES, WATCH_WARMUP_CREATES, watchPhase, type Bench } from './phases.js';
import { readyRow, STARTS, timeKubefakeStarts, timeEchoStarts } from './startups.js';
import { peakRssMB } from './proc-stats.js';
import { megabytes, renderTable, type Row } from './report.js';
import { RBAC_PODS, rbacPhase } from './rbac-phase.js';
import { applyPhase } from './apply-phase.js';
import { WEBHOOK_PODS, webhookPhase } from './webhook-phase.js';
import { validationShareRows } from './validation-share.js';
import { managedFieldsCostRows } from './managed-fields-cost.js';
import { managedFieldsHttpRows } from './managed-fields-http.js';

const MAX_SOCKETS = 16;

/** What the figures depend on: other processes on the machine skew them. */
function machine(loadAtStart: number): string {
  return `node ${process.version}, ${cpus().length} CPUs, load average ${loadAtStart.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end`;
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function benchOf(identity: TlsIdentity, kubefake: KubefakeChild, echo: Record<EchoKind, EchoChild>): Bench {
  const to = (port: number): ReturnType<typeof target> => target(port, keepAliveAgent(identity, MAX_SOCKETS));
  return {
    kubeconfigPath: kubefake.kubeconfigPath,
    kubefake: serverOf(kubefake, to(kubefake.port)),
    echo: { express: serverOf(echo.express, to(echo.express.port)), node: serverOf(echo.node, to(echo.node.port)) },
  };
}

/** Everything that runs against the warm kubefake; returns its rows. */
async function loadPhases(bench: Bench, dataDir: string): Promise<Row[]> {
  log('POST load: express echo, node:https echo, kubefake creates');
  const rows = await createsPhase(bench);
  log('list latency');
  rows.push(...(await listPhase(bench)));
  log('RSS at rest');
  rows.push(...(await restingRssPhase(bench)));
  log('watch latency');
  rows.push(...(await watchPhase(bench)));
  log('RBAC: 1,000 RoleBindings, pod creates as their user vs the admin');
  rows.push(...(await rbacPhase(bench, dataDir)));
  log('admission: pod creates through a no-op validating webhook vs none');
  rows.push(...(await webhookPhase(bench)));
  log('server-side apply of a 20-container Deployment');
  rows.push(...(await applyPhase(bench)));
  rows.push({ metric: 'peak RSS over the whole run', kubefake: megabytes(peakRssMB(bench.kubefake.pid)) });
  for (const server of [bench.kubefake, bench.echo.express, bench.echo.node]) server.to.agent.destroy();
  return rows;
}

/** Cold starts (each in a new data dir, so certificates are generated) and warm restarts. */
async function startupRows(root: string, dataDir: string, script: string): Promise<Row[]> {
  log(`${STARTS} cold starts (new data dir: certificates generated) and ${STARTS} starts of each echo`);
  const cold = await timeKubefakeStarts([dataDir, ...Array.from({ length: STARTS - 1 }, (_, i) => join(root, `cold-${i}`))]);
  const certDir = join(dataDir, 'certs');
  const echo = { express: await timeEchoStarts(script, 'express', certDir), node: await timeEchoStarts(script, 'node', certDir) };
  log(`${STARTS} warm restarts (same data dir)`);
  const warm = await timeKubefakeStarts(Array.from({ length: STARTS }, () => dataDir));
  return [
    readyRow('start to ready, cold (spawn → /readyz 200)', cold, { echo, targeted: true }),
    readyRow('start to ready, warm restart (empty store)', warm, { targeted: true }),
  ];
}

async function run(nodeArgs: string[]): Promise<Row[]> {
  const root = makeTempDir('kubefake-bench-');
  const dataDir = join(root, 'data');
  const script = buildEchoServer(root);
  const rows = await startupRows(root, dataDir, script);
  const kubefake = await startKubefakeChild(dataDir, nodeArgs);
  const certDir = join(dataDir, 'certs');
  const echo = { express: await startEchoChild(script, 'express', certDir), node: await startEchoChild(script, 'node', certDir) };
  rows.push(...(await loadPhases(benchOf(identityFromKubeconfig(kubefake.kubeconfigPath), kubefake, echo), dataDir)));
  await Promise.all([kubefake.stop(), echo.express.stop(), echo.node.stop()]);
  log('warm restart with the pods in the store');
  rows.push(readyRow(`start to ready, warm restart (${(POD_COUNT + WATCH_WARMUP_CREATES + WATCH_CREATES + RBAC_PODS + WEBHOOK_PODS).toLocaleString('en-US')} pods stored)`, await timeKubefakeStarts([dataDir]), { targeted: false }));
  log('in process: the share of a pod create spent decoding, defaulting and validating');
  rows.push(...(await validationShareRows()));
  log('Deployment updates over HTTPS with and without managedFields (two more servers)');
  rows.push(...(await managedFieldsHttpRows()));
  log('in process: Deployment updates with and without managedFields');
  rows.push(...(await managedFieldsCostRows()));
  return rows;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'cpu-prof': { type: 'string' } } });
  const profDir = values['cpu-prof'];
  const nodeArgs = profDir ? ['--cpu-prof', '--cpu-prof-dir', resolve(profDir)] : [];
  cleanupOnSignals();
  const started = performance.now();
  const loadAtStart = loadavg()[0];
  try {
    const rows = await run(nodeArgs);
    const took = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`\n${renderTable(rows)}\n\n${machine(loadAtStart)}; the bench took ${took} s\n`);
    if (profDir) process.stdout.write(`CPU profile of the loaded kubefake in ${resolve(profDir)}\n`);
  } catch (err) {
    log(`failed: ${(err as Error).stack ?? String(err)}`);
  } finally {
    cleanupAll();
  }
}

await main();
