// Shared by the REST integration tests: one in-process kubefake per test file, a supertest client
// that presents the admin client certificate on every request, a line-by-line watch reader over
// node:https, and the exact metav1.Status bodies kube-apiserver sends.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Response, Test } from 'supertest';
import { startKubefake, type RunningKubefake } from '../../src/server/kubefake.js';

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io';
/** kube-apiserver labels Table responses plain application/json (the serializer's media type). */
export const TABLE_CONTENT_TYPE = 'application/json';

type Verb = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';

/** A supertest client for one server: every request carries the admin certificate. */
export interface Api {
  get(path: string): Test;
  post(path: string): Test;
  put(path: string): Test;
  patch(path: string): Test;
  delete(path: string): Test;
  head(path: string): Test;
  options(path: string): Test;
}

export interface TestCluster {
  server: RunningKubefake;
  api: Api;
  stop(): Promise<void>;
}

function makeApi(server: RunningKubefake): Api {
  const { caCertPem, adminCertPem, adminKeyPem } = server.pki;
  const call = (verb: Verb, path: string): Test => request(server.url)[verb](path).ca(caCertPem).cert(adminCertPem).key(adminKeyPem).timeout(10_000);
  return {
    get: (p) => call('get', p),
    post: (p) => call('post', p),
    put: (p) => call('put', p),
    patch: (p) => call('patch', p),
    delete: (p) => call('delete', p),
    head: (p) => call('head', p),
    options: (p) => call('options', p),
  };
}

export interface ClusterOptions {
  bookmarkIntervalMs?: number;
}

/**
 * One cluster for a test file: started before its tests (then the namespaces created, then
 * `setup` run) and stopped after them. `api` forwards each call to the running cluster's client;
 * `cluster()` is the cluster. Setup goes here, not in a hook of the file's own: node:test does
 * not run a file's root hooks after those registered here.
 */
export function useCluster(namespaces: readonly string[] = [], setup?: () => Promise<void>): { api: Api; cluster: () => TestCluster } {
  let running: TestCluster | undefined;
  const cluster = (): TestCluster => {
    if (!running) throw new Error('the cluster starts in a before hook: use it in tests and later hooks');
    return running;
  };
  before(async () => {
    running = await startCluster();
    for (const namespace of namespaces) await createNamespace(running.api, namespace);
    await setup?.();
  });
  after(() => running?.stop());
  const api: Api = {
    get: (p) => cluster().api.get(p),
    post: (p) => cluster().api.post(p),
    put: (p) => cluster().api.put(p),
    patch: (p) => cluster().api.patch(p),
    delete: (p) => cluster().api.delete(p),
    head: (p) => cluster().api.head(p),
    options: (p) => cluster().api.options(p),
  };
  return { api, cluster };
}

/** Starts kubefake (memory storage, random port) in a fresh temp dir; `stop` closes it and removes the dir. */
export async function startCluster(options: ClusterOptions = {}): Promise<TestCluster> {
  const dir = await mkdtemp(join(tmpdir(), 'kubefake-integration-'));
  try {
    const server = await startKubefake({ port: 0, address: '127.0.0.1', dataDir: dir, storage: 'memory', ...options });
    const stop = async (): Promise<void> => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    };
    return { server, api: makeApi(server), stop };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/** The ConfigMap kube-controller-manager's root-ca-cert-publisher puts in every namespace. */
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

/**
 * Creates a namespace for one test file's objects and, as Kubernetes' e2e framework does, waits
 * for what its controllers put there: the ServiceAccount `default` and the kube-root-ca.crt
 * ConfigMap (so lists of ConfigMaps in it start with that one).
 */
export async function createNamespace(api: Api, name: string): Promise<void> {
  const res = await api.post('/api/v1/namespaces').send({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  assert.equal(res.status, 201, res.text);
  for (const path of [`/api/v1/namespaces/${name}/serviceaccounts/default`, `/api/v1/namespaces/${name}/configmaps/${ROOT_CA_CONFIGMAP}`]) {
    for (let attempt = 0; (await api.get(path)).status !== 200; attempt++) {
      assert.ok(attempt < 100, `${path} did not appear`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

export function configMap(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { k: 'v' }, ...extra };
}

export function pod(name: string, spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...metadata },
    spec: { containers: [{ name: 'main', image: 'nginx' }], ...spec },
  };
}

export function deployment(name: string, replicas = 1): Record<string, unknown> {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: 'nginx' }] } } },
  };
}

/** The metav1.Status a failed request gets, in Go's key order. */
export function failureStatus(code: number, reason: string, message: string, details?: Record<string, unknown>): Record<string, unknown> {
  const status: Record<string, unknown> = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message };
  if (reason) status.reason = reason;
  if (details) status.details = details;
  status.code = code;
  return status;
}

/** Asserts the response is exactly this Status: code, Content-Type and body bytes (so key order too). */
export function assertStatus(res: Response, code: number, reason: string, message: string, details?: Record<string, unknown>): void {
  const expected = JSON.stringify(failureStatus(code, reason, message, details));
  assert.equal(res.status, code, `HTTP ${res.status}: ${res.text}`);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  assert.equal(res.text, expected);
}

/** Asserts the server still answers a resource read after a bad request. */
export async function assertServerAlive(api: Api): Promise<void> {
  const res = await api.get('/api/v1/namespaces/default');
  assert.equal(res.status, 200, res.text);
}

/** Asserts nothing is stored under a collection path: the list has no items but the root CA ConfigMap. */
export async function assertEmptyList(api: Api, path: string): Promise<void> {
  const res = await api.get(path);
  assert.equal(res.status, 200, res.text);
  const items = (res.body as { items: { metadata: { name: string } }[] }).items;
  assert.deepEqual(items.filter((i) => i.metadata.name !== ROOT_CA_CONFIGMAP), []);
}

/** A small name unique within the run. */
let counter = 0;
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

export interface WatchEvent {
  type: string;
  object: Record<string, unknown> & { metadata?: Record<string, unknown> };
}

/** An open watch: events arrive line by line; `next` waits for one with a bound. */
export interface WatchStream {
  status: number;
  headers: IncomingHttpHeaders;
  /** Every raw line received so far. */
  lines: string[];
  next(timeoutMs?: number): Promise<WatchEvent>;
  /** Waits for the server to end the response; rejects after the timeout. */
  ended(timeoutMs?: number): Promise<void>;
  /** Resolves true when nothing arrives within the window. */
  quiet(windowMs: number): Promise<boolean>;
  close(): void;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Opens a watch with node:https (supertest buffers whole bodies, a watch never ends by itself). */
export function openWatch(server: RunningKubefake, path: string, headers: Record<string, string> = {}): Promise<WatchStream> {
  const url = new URL(path, server.url);
  const { caCertPem, adminCertPem, adminKeyPem } = server.pki;
  return withTimeout(
    new Promise<WatchStream>((resolve, reject) => {
      const req = httpsRequest(url, { ca: caCertPem, cert: adminCertPem, key: adminKeyPem, headers: { Accept: 'application/json', ...headers } }, (res) => {
        resolve(watchStream(res, () => req.destroy()));
      });
      req.on('error', reject);
      req.end();
    }),
    5000,
    `the response headers of ${path}`,
  );
}

function watchStream(res: import('node:http').IncomingMessage, destroy: () => void): WatchStream {
  const queue: WatchEvent[] = [];
  const waiters: Array<(e: WatchEvent) => void> = [];
  const lines: string[] = [];
  let buffered = '';
  let finished = false;
  const endWaiters: Array<() => void> = [];
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (!line) continue;
      lines.push(line);
      const event = JSON.parse(line) as WatchEvent;
      const waiter = waiters.shift();
      if (waiter) waiter(event);
      else queue.push(event);
    }
  });
  const finish = (): void => {
    finished = true;
    for (const w of endWaiters.splice(0)) w();
  };
  res.on('end', finish);
  res.on('close', finish);
  res.on('error', finish);
  return {
    status: res.statusCode ?? 0,
    headers: res.headers,
    lines,
    next(timeoutMs = 3000) {
      const ready = queue.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise<WatchEvent>((resolve, reject) => {
        const waiter = (e: WatchEvent): void => {
          clearTimeout(timer);
          resolve(e);
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for a watch event (lines so far: ${lines.length})`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    ended(timeoutMs = 3000) {
      if (finished) return Promise.resolve();
      return withTimeout(new Promise<void>((r) => endWaiters.push(r)), timeoutMs, 'the end of the watch');
    },
    async quiet(windowMs) {
      if (queue.length) return false;
      const before = lines.length;
      await new Promise((r) => setTimeout(r, windowMs));
      return lines.length === before;
    },
    close: destroy,
  };
}
