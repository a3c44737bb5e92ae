// `npm run bench`: starts kubefake (the built dist/cli.js, as a child) and two echo baselines (an
// express and a bare node:https server, children too), drives them all with the same client and
// prints one table: creates/s, list latency, watch latency, RSS and start-to-ready time.
// A report, not a test: it exits 0 whatever the figures. `-- --cpu-prof <dir>` profiles the
// kubefake instance the load runs against.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cleanupAll, cleanupOnSignals, makeTempDir } from './children.js';
import { identityFromKubeconfig, keepAliveAgent, target, type TlsIdentity } from './client.js';
import { buildEchoServer, startEchoChild, type EchoChild, type EchoKind } from './echo-child.js';
import { startKubefakeChild, type KubefakeChild } from './kubefake-child.js';
import { createsPhase, listPhase, readyRow, serverOf, watchPhase, type Bench } from './phases.js';
import { peakRssMB } from './proc-stats.js';
import { megabytes, renderTable, type Row } from './report.js';

const MAX_SOCKETS = 16;

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function startEchoes(dir: string, certDir: string): Promise<Record<EchoKind, EchoChild>> {
  const script = buildEchoServer(dir);
  return { express: await startEchoChild(script, 'express', certDir), node: await startEchoChild(script, 'node', certDir) };
}

function benchOf(identity: TlsIdentity, kubefake: KubefakeChild, echo: Record<EchoKind, EchoChild>): Bench {
  const to = (port: number): ReturnType<typeof target> => target(port, keepAliveAgent(identity, MAX_SOCKETS));
  return {
    identity,
    kubefake: serverOf(kubefake, to(kubefake.port)),
    echo: { express: serverOf(echo.express, to(echo.express.port)), node: serverOf(echo.node, to(echo.node.port)) },
  };
}

/** Everything that runs against the warm kubefake; returns its rows. */
async function loadPhases(bench: Bench): Promise<Row[]> {
  log('POST load: express echo, node:https echo, kubefake creates');
  const rows = await createsPhase(bench);
  log('list latency');
  rows.push(...(await listPhase(bench)));
  log('watch latency');
  rows.push(...(await watchPhase(bench)));
  rows.push({ metric: 'peak RSS over the whole run', kubefake: megabytes(peakRssMB(bench.kubefake.pid)) });
  for (const server of [bench.kubefake, bench.echo.express, bench.echo.node]) server.to.agent.destroy();
  return rows;
}

async function run(nodeArgs: string[]): Promise<Row[]> {
  const root = makeTempDir('kubefake-bench-');
  const dataDir = join(root, 'data');
  log('cold start (new data dir: certificates generated)');
  const cold = await startKubefakeChild(dataDir);
  await cold.stop();
  log('warm restart (same data dir)');
  const kubefake = await startKubefakeChild(dataDir, nodeArgs);
  const echo = await startEchoes(root, join(dataDir, 'certs'));
  const rows = [
    readyRow('start to ready, cold (spawn → /readyz 200)', cold, { echo, targeted: true }),
    readyRow('start to ready, warm restart (empty store)', kubefake, { targeted: true }),
  ];
  rows.push(...(await loadPhases(benchOf(identityFromKubeconfig(kubefake.kubeconfigPath), kubefake, echo))));
  await Promise.all([kubefake.stop(), echo.express.stop(), echo.node.stop()]);
  log('warm restart with the pods in the store');
  const full = await startKubefakeChild(dataDir);
  rows.push(readyRow('start to ready, warm restart (10,200 pods stored)', full, { targeted: false }));
  await full.stop();
  return rows;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'cpu-prof': { type: 'string' } } });
  const profDir = values['cpu-prof'];
  const nodeArgs = profDir ? ['--cpu-prof', '--cpu-prof-dir', resolve(profDir)] : [];
  cleanupOnSignals();
  const started = performance.now();
  try {
    const rows = await run(nodeArgs);
    process.stdout.write(`\n${renderTable(rows)}\n\nbench took ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    if (profDir) process.stdout.write(`CPU profile of the loaded kubefake in ${resolve(profDir)}\n`);
  } catch (err) {
    log(`failed: ${(err as Error).stack ?? String(err)}`);
  } finally {
    cleanupAll();
  }
}

await main();
