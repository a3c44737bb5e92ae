// The `kubefake` command. `kubefake start` runs the server in the foreground until Ctrl-C;
// `kubefake kubeconfig` issues a client-certificate kubeconfig for any user. Bundled with all
// it imports into dist/kubefake.cjs, which dist/cli.js (src/cli.ts) runs.
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { startKubefake } from './server/kubefake.js';
import { boundYoungGeneration } from './server/young-generation.js';
import { collectWhenIdle, type CollectionReport } from './server/idle-collection.js';
import { AUTH_FLAGS, AUTH_USAGE, authOptionsFromFlags } from './auth/cli-flags.js';
import { userKubeconfig } from './auth/user-kubeconfig.js';
import { writeKubeconfig } from './certs/index.js';

const USAGE = `Usage: kubefake start [options]
       kubefake kubeconfig --user <name> [--group <g>]... [--out <file>] [options]

A Kubernetes API server (v1.32) that real clients cannot tell from the real one.

Options of start:
  --port <n>            HTTPS port to listen on (default 6443; 0 picks a free port)
  --address <ip>        address to listen on (default 127.0.0.1)
  --data-dir <dir>      where objects, certificates and the kubeconfig live (default ./.kubefake)
  --kubeconfig <file>   where to write the admin kubeconfig (default <data-dir>/kubeconfig)
  --cert-dir <dir>      where the CA and certificates live (default <data-dir>/certs)
  --storage <kind>      level (LevelDB in the data dir, the default) or memory
  --sync                fsync every storage batch
  --debug               log one line per request to stderr
  --enable-admission-plugins <a,b>   admission plugins to turn on besides the default ones
  --disable-admission-plugins <a,b>  default admission plugins to turn off
${AUTH_USAGE}  -h, --help            show this help

Options of kubeconfig (a client certificate signed by the cluster CA; user = CN, groups = O):
  --user <name>         the user name (required)
  --group <g>           a group; repeat for more
  --out <file>          write the kubeconfig there (mode 0600) instead of to stdout
  --data-dir, --cert-dir, --kubeconfig   where the server keeps its CA and admin kubeconfig
`;

function fail(message: string): never {
  process.stderr.write(`kubefake: ${message}\n`);
  process.exit(1);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) fail(`--port must be a number from 0 to 65535, got "${value}"`);
  return port;
}

/** Runs an argument parse, turning its error into the usage message. */
function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    fail(`${(err as Error).message}\n\n${USAGE}`);
  }
}

const START_FLAGS = {
  port: { type: 'string', default: '6443' },
  address: { type: 'string', default: '127.0.0.1' },
  'data-dir': { type: 'string', default: './.kubefake' },
  kubeconfig: { type: 'string' },
  'cert-dir': { type: 'string' },
  storage: { type: 'string', default: 'level' },
  sync: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  'enable-admission-plugins': { type: 'string' },
  'disable-admission-plugins': { type: 'string' },
  ...AUTH_FLAGS,
} as const;

/** A comma-separated flag value as names, as kube-apiserver reads its plugin lists. */
function names(value: string | undefined): string[] | undefined {
  return value?.split(',').map((n) => n.trim()).filter(Boolean);
}

async function start(args: string[]): Promise<boolean> {
  const v = parsed(() => parseArgs({ args, options: START_FLAGS, strict: true, allowPositionals: false }).values);
  if (v.help) {
    process.stdout.write(USAGE);
    return false;
  }
  if (v.storage !== 'level' && v.storage !== 'memory') fail(`--storage must be level or memory, got "${v.storage}"`);
  const started = Date.now();
  let server;
  try {
    server = await startKubefake({
      port: parsePort(v.port),
      address: v.address,
      dataDir: v['data-dir'],
      kubeconfig: v.kubeconfig,
      certDir: v['cert-dir'],
      storage: v.storage,
      sync: v.sync,
      debug: v.debug,
      auth: parsed(() => authOptionsFromFlags(v)),
      admission: { enable: names(v['enable-admission-plugins']), disable: names(v['disable-admission-plugins']) },
    });
  } catch (err) {
    fail((err as Error).message);
  }
  // Ctrl-C is handled from before the ready line: a script may stop the server as soon as it reads it.
  stopOnSignals(() => server.close());
  process.stdout.write(
    `kubefake listening on ${server.url} (ready in ${Date.now() - started} ms)\n` +
      `kubeconfig: ${server.kubeconfigPath}\n` +
      `export KUBECONFIG=${server.kubeconfigPath}\n`,
  );
  boundYoungGeneration();
  collectWhenIdle({ onCollected: v.debug ? reportCollection : undefined });
  return true;
}

function reportCollection(r: CollectionReport): void {
  const mb = (bytes: number): string => (bytes / 1048576).toFixed(1);
  process.stderr.write(`idle: ${r.rounds} garbage collection(s) in ${r.ms.toFixed(0)} ms, V8 heap ${mb(r.heapBefore)} -> ${mb(r.heapAfter)} MB\n`);
}

function stopOnSignals(close: () => Promise<void>): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    close().then(
      () => process.exit(0),
      (err: unknown) => fail(`error while stopping: ${(err as Error).message}`),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const KUBECONFIG_FLAGS = {
  user: { type: 'string' },
  group: { type: 'string', multiple: true, default: [] as string[] },
  out: { type: 'string' },
  'data-dir': { type: 'string', default: './.kubefake' },
  'cert-dir': { type: 'string' },
  kubeconfig: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

async function kubeconfig(args: string[]): Promise<void> {
  const v = parsed(() => parseArgs({ args, options: KUBECONFIG_FLAGS, strict: true, allowPositionals: false }).values);
  if (v.help) return void process.stdout.write(USAGE);
  if (!v.user) fail('kubeconfig needs --user <name>');
  const dataDir = resolve(v['data-dir']);
  try {
    const content = await userKubeconfig({
      certDir: resolve(v['cert-dir'] ?? join(dataDir, 'certs')),
      adminKubeconfig: resolve(v.kubeconfig ?? join(dataDir, 'kubeconfig')),
      user: v.user,
      groups: v.group,
    });
    if (v.out) await writeKubeconfig(resolve(v.out), content);
    else process.stdout.write(content);
  } catch (err) {
    fail((err as Error).message);
  }
}

/** Runs the command `argv` names; `start` resolves once the server is ready. Whether a server now runs. */
export async function main(argv: string[]): Promise<boolean> {
  const [command, ...rest] = argv;
  if (command === 'start') return start(rest);
  if (command === 'kubeconfig') await kubeconfig(rest);
  else if (command === undefined || command === '--help' || command === '-h' || command === 'help') process.stdout.write(USAGE);
  else fail(`unknown command "${command}"\n\n${USAGE}`);
  return false;
}
