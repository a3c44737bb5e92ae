// Bundles the compiled command line (dist/command-line.js) and everything it imports into
// dist/kubefake.cjs, which dist/cli.js (src/cli.ts) runs with V8's code cache: one file loads
// several times faster than ~300 ES modules (start-to-ready), and the command line stays
// `node dist/cli.js start`. Native and lazily loaded packages stay outside the bundle. Then one
// start of the new bundle writes its code cache, so that the first start after a build is quick too.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { build } from 'esbuild';

const BUNDLE = 'dist/kubefake.cjs';
const CODE_CACHE = `${BUNDLE}.code-cache`;

await build({
  entryPoints: ['dist/command-line.js'],
  outfile: BUNDLE,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['classic-level'],
  // CommonJS has no import.meta: the module's URL is made from its file name.
  define: { 'import.meta.url': '__kubefakeModuleUrl' },
  banner: { js: "const __kubefakeModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

// V8 keeps a script's source text for as long as the script lives, one byte per character when
// every character is Latin-1 and two otherwise: one arrow in a comment made the 2.4 MB bundle a
// 4.9 MB string. Every non-ASCII character is written as a \uXXXX escape, which means the same
// character in a string, a regular expression, an identifier and a comment alike.
const bundle = readFileSync(BUNDLE, 'utf8');
writeFileSync(BUNDLE, bundle.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

// The old cache, and any a start killed while writing it left aside (<cache>.<pid>).
for (const name of readdirSync('dist')) if (name.startsWith('kubefake.cjs.code-cache')) rmSync(join('dist', name), { force: true });
const dataDir = mkdtempSync(join(tmpdir(), 'kubefake-build-'));
const server = spawn(process.execPath, ['dist/cli.js', 'start', '--port', '0', '--address', '127.0.0.1', '--data-dir', dataDir], { stdio: 'ignore' });
// A server killed by a signal has no exit code, only a signal code.
const running = () => server.exitCode === null && server.signalCode === null;
try {
  for (let waited = 0; !existsSync(CODE_CACHE) && waited < 20_000 && running(); waited += 50) await sleep(50);
  if (!existsSync(CODE_CACHE)) console.warn(`bundle-cli: no ${CODE_CACHE} was written; kubefake will write it on its first start`);
} finally {
  server.kill();
  // A server that does not stop on SIGTERM must not hold the build forever.
  const deadline = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await new Promise((done) => (running() ? server.once('exit', done) : done()));
  clearTimeout(deadline);
  rmSync(dataDir, { recursive: true, force: true });
}
