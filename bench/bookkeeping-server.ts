// A kubefake server for the managedFields row, run as a child: startKubefake in this process on
// LevelDB, as `kubefake start` serves, with or without the managedFields bookkeeping. Both sides
// of the row run this same entry, so they differ only in that switch.
// Usage: bookkeeping-server.ts <data dir> <port> record|skip
import { startKubefake } from '../src/server/kubefake.js';

const [dataDir, port, mode] = process.argv.slice(2);
if (mode !== 'record' && mode !== 'skip') throw new Error(`usage: bookkeeping-server.ts <data dir> <port> record|skip (got ${mode})`);
const started = performance.now();
const server = await startKubefake({ port: Number(port), address: '127.0.0.1', dataDir, storage: 'level', recordManagedFields: mode === 'record' });
// The lines `kubefake start` prints, which startKubefakeChild waits for.
process.stdout.write(`kubefake (${mode}) listening on ${server.url} (ready in ${Math.round(performance.now() - started)} ms)\nexport KUBECONFIG=${server.kubeconfigPath}\n`);
process.once('SIGINT', () => {
  void server.close().then(() => process.exit(0));
});
