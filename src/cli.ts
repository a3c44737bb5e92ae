#!/usr/bin/env node
// `node dist/cli.js`: runs the command line bundled into dist/kubefake.cjs (src/command-line.ts
// and all it imports; scripts/bundle-cli.mjs) with V8's code cache. Compiling the 2.4 MB bundle,
// then each function as it first runs, was about a third of start-to-ready (~90 ms of ~400 on 2
// slow CPUs); given the cache of a former run, V8 takes that run's bytecode instead. The cache is
// written once a server is ready (it holds the functions a start compiles), next to the bundle,
// sealed with the bundle's digest (below).
// Kept apart from the bundle, and importing only node: modules, so that it loads at once.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedDataVersionTag } from 'node:v8';
import { Script } from 'node:vm';

const BUNDLE = fileURLToPath(new URL('./kubefake.cjs', import.meta.url));
const CODE_CACHE = `${BUNDLE}.code-cache`;
const SEAL_BYTES = 32;

interface CommandLine {
  /** Whether a server now runs. */
  main(argv: string[]): Promise<boolean>;
}

/**
 * The seal a cache file starts with: the SHA-256 of the bundle's digest and of the cache. V8
 * checks a cache's source only by its length and does not checksum it (a damaged cache crashed
 * the process): the seal holds it to this very bundle, and whole.
 */
function seal(bundleDigest: Buffer, data: Uint8Array): Buffer {
  return createHash('sha256').update(bundleDigest).update(data).digest();
}

/** The cache made from this bundle, if there is one and it is whole. */
function cacheFor(bundleDigest: Buffer): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(CODE_CACHE);
  } catch {
    return undefined;
  }
  const data = file.subarray(SEAL_BYTES);
  return seal(bundleDigest, data).equals(file.subarray(0, SEAL_BYTES)) ? data : undefined;
}

/** Best effort: a read-only install runs without the cache. Written aside, then renamed, as starts may race. */
function saveCache(bundleDigest: Buffer, script: Script): void {
  const aside = `${CODE_CACHE}.${process.pid}`;
  try {
    const data = script.createCachedData();
    writeFileSync(aside, Buffer.concat([seal(bundleDigest, data), data]));
    renameSync(aside, CODE_CACHE);
  } catch {
    rmSync(aside, { force: true });
  }
}

interface LoadedBundle {
  script: Script;
  digest: Buffer;
  /** Whether V8 took the cache: when not, a new one is saved. */
  cached: boolean;
}

/** Compiles the bundle, with its cache when there is one. The bytes read are not kept: V8 holds the source it needs. */
function compileBundle(): LoadedBundle {
  const source = readFileSync(BUNDLE);
  const digest = createHash('sha256').update(source).digest();
  const cachedData = cacheFor(digest);
  // The bundle is ASCII (non-ASCII is escaped when bundling): latin1 reads it as it is, into a one-byte string.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {"use strict";${source.toString('latin1')}\n})`, {
    filename: BUNDLE,
    cachedData,
  });
  return { script, digest, cached: cachedData !== undefined && !script.cachedDataRejected };
}

const bundle = compileBundle();
const commandLine = { exports: {} as CommandLine };
(bundle.script.runInThisContext() as (...args: unknown[]) => void)(commandLine.exports, createRequire(BUNDLE), commandLine, BUNDLE, dirname(BUNDLE));
// The flags a cache is checked against are the ones at start: the server changes some as it runs (young-generation.ts).
const flagsAtStart = cachedDataVersionTag();
const serving = await commandLine.exports.main(process.argv.slice(2));
if (serving && !bundle.cached && cachedDataVersionTag() === flagsAtStart) saveCache(bundle.digest, bundle.script);
