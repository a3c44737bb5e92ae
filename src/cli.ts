#!/usr/bin/env node
// `node dist/cli.js`: runs the command line bundled into dist/kubefake.cjs (src/command-line.ts
// and all it imports; scripts/bundle-cli.mjs) with V8's code cache. Compiling the 2.4 MB bundle,
// then each function as it first runs, was about a third of start-to-ready (~90 ms of ~400 on 2
// slow CPUs); given the cache of a former run, V8 takes that run's bytecode instead. The cache is
// written once a server is ready (it holds the functions a start compiles), next to the bundle,
// sealed with the digest of the source compiled (below).
// Kept apart from the bundle, and importing only node: modules, so that it loads at once.
import { createHash } from 'node:crypto';
import { accessSync, constants, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedDataVersionTag } from 'node:v8';
import { Script } from 'node:vm';

const BUNDLE = fileURLToPath(new URL('./kubefake.cjs', import.meta.url));
const CODE_CACHE = `${BUNDLE}.code-cache`;
const SEAL_BYTES = 32;
// The bundle runs as a CommonJS module does, in a function given the module's names; strict, as
// the ES modules it was made from were.
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {"use strict";';
const WRAPPER_TAIL = '\n})';

interface CommandLine {
  /** Whether a server now runs. */
  main(argv: string[]): Promise<boolean>;
}

/**
 * The seal a cache file starts with: the SHA-256 of the source's digest and of the cache. V8
 * checks a cache's source only by its length (given a cache of another source of the same
 * length, it runs the cached code) and does not checksum the cache (a damaged one crashed the
 * process): the seal holds it to this very source, wrapper included, and whole.
 */
function seal(sourceDigest: Buffer, data: Uint8Array): Buffer {
  return createHash('sha256').update(sourceDigest).update(data).digest();
}

/** The cache made from this source, if there is one and it is whole. */
function cacheFor(sourceDigest: Buffer): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(CODE_CACHE);
  } catch {
    return undefined;
  }
  const data = file.subarray(SEAL_BYTES);
  return seal(sourceDigest, data).equals(file.subarray(0, SEAL_BYTES)) ? data : undefined;
}

interface LoadedBundle {
  script: Script;
  /** The SHA-256 of the source compiled. */
  digest: Buffer;
  /** Whether V8 took the cache: when not, a new one is saved. */
  cached: boolean;
  /** V8's version and flags at compile time, which a cache is checked against. */
  versionTag: number;
}

/**
 * Best effort: a start where the cache cannot be written runs without it, and does not make it
 * (~20 ms on the event loop, each start of a read-only install). Written aside, then renamed, as
 * starts may race.
 */
function saveCache(bundle: LoadedBundle): void {
  try {
    accessSync(dirname(CODE_CACHE), constants.W_OK);
  } catch {
    return;
  }
  const aside = `${CODE_CACHE}.${process.pid}`;
  try {
    const data = bundle.script.createCachedData();
    writeFileSync(aside, Buffer.concat([seal(bundle.digest, data), data]));
    renameSync(aside, CODE_CACHE);
  } catch {
    rmSync(aside, { force: true });
  }
}

/** Compiles the bundle, with its cache when there is one. The bytes read are not kept: V8 holds the source it needs. */
function compileBundle(): LoadedBundle {
  const bytes = readFileSync(BUNDLE);
  // The wrapper is ASCII, so this is the digest of the source's Latin-1 bytes.
  const digest = createHash('sha256').update(WRAPPER_HEAD).update(bytes).update(WRAPPER_TAIL).digest();
  const cachedData = cacheFor(digest);
  const versionTag = cachedDataVersionTag();
  // The bundle is ASCII (non-ASCII is escaped when bundling): latin1 reads it as it is, into a one-byte string.
  const script = new Script(`${WRAPPER_HEAD}${bytes.toString('latin1')}${WRAPPER_TAIL}`, { filename: BUNDLE, cachedData });
  return { script, digest, cached: cachedData !== undefined && !script.cachedDataRejected, versionTag };
}

const bundle = compileBundle();
const commandLine = { exports: {} as CommandLine };
(bundle.script.runInThisContext() as (...args: unknown[]) => void)(commandLine.exports, createRequire(BUNDLE), commandLine, BUNDLE, dirname(BUNDLE));
const serving = await commandLine.exports.main(process.argv.slice(2));
// A cache made under other flags than the next start's would be refused: the server changes some as it runs (young-generation.ts).
if (serving && !bundle.cached && cachedDataVersionTag() === bundle.versionTag) saveCache(bundle);
