#!/usr/bin/env node
// The `kubefake` command. `kubefake start` runs the server in the foreground until Ctrl-C.
import { parseArgs } from 'node:util';
import { startKubefake } from './server/kubefake.js';

const USAGE = `Usage: kubefake start [options]

A Kubernetes API server (v1.32) that real clients cannot tell from the real one.

Options:
  --port <n>            HTTPS port to listen on (default 6443; 0 picks a free port)
  --address <ip>        address to listen on (default 127.0.0.1)
  --data-dir <dir>      where objects, certificates and the kubeconfig live (default ./.kubefake)
  --kubeconfig <file>   where to write the admin kubeconfig (default <data-dir>/kubeconfig)
  --cert-dir <dir>      where the CA and certificates live (default <data-dir>/certs)
  --storage <kind>      level (LevelDB in the data dir, the default) or memory
  --sync                fsync every storage batch
  --debug               log one line per request to stderr
  -h, --help            show this help
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

async function start(args: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        port: { type: 'string', default: '6443' },
        address: { type: 'string', default: '127.0.0.1' },
        'data-dir': { type: 'string', default: './.kubefake' },
        kubeconfig: { type: 'string' },
        'cert-dir': { type: 'string' },
        storage: { type: 'string', default: 'level' },
        sync: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    fail(`${(err as Error).message}\n\n${USAGE}`);
  }
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(USAGE);
    return;
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
    });
  } catch (err) {
    fail((err as Error).message);
  }
  process.stdout.write(
    `kubefake listening on ${server.url} (ready in ${Date.now() - started} ms)\n` +
      `kubeconfig: ${server.kubeconfigPath}\n` +
      `export KUBECONFIG=${server.kubeconfigPath}\n`,
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (err: unknown) => fail(`error while stopping: ${(err as Error).message}`),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'start') await start(rest);
else if (command === undefined || command === '--help' || command === '-h' || command === 'help') process.stdout.write(USAGE);
else fail(`unknown command "${command}"\n\n${USAGE}`);
