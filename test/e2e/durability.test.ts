// A restart of the real process finds every object, uid and resourceVersion as it was, and new
// writes continue the resourceVersion sequence.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeTempDir, removeDir, startKubefakeProcess } from '../helpers/kubefake-process.js';
import { kubectl, skipWithoutKubectl } from '../helpers/kubectl.js';

const skip = skipWithoutKubectl();

describe('durability across restarts', { skip }, () => {
  const dirs: string[] = [];
  after(async () => {
    for (const d of dirs) await removeDir(d);
  });

  it('keeps objects, uids and resourceVersions, and stops cleanly on SIGINT', async () => {
    const dataDir = await makeTempDir();
    const cacheDir = await makeTempDir('kubefake-kubectl-cache-');
    dirs.push(dataDir, cacheDir);
    const first = await startKubefakeProcess({ dataDir });
    let snapshot: { items: { metadata: { name: string; uid: string; resourceVersion: string } }[] };
    try {
      const run = await kubectl(first.kubeconfig, cacheDir, ['run', 'durable', '--image=nginx', '--labels=keep=yes']);
      assert.equal(run.code, 0, run.stderr);
      const ns = await kubectl(first.kubeconfig, cacheDir, ['create', 'namespace', 'kept']);
      assert.equal(ns.code, 0, ns.stderr);
      const list = await kubectl(first.kubeconfig, cacheDir, ['get', 'pods,namespaces', '-A', '-o', 'json']);
      snapshot = JSON.parse(list.stdout);
    } finally {
      assert.equal(await first.stop(), 0, `first run did not exit cleanly: ${first.stderr()}`);
    }

    const second = await startKubefakeProcess({ dataDir });
    try {
      const list = await kubectl(second.kubeconfig, cacheDir, ['get', 'pods,namespaces', '-A', '-o', 'json']);
      assert.equal(list.code, 0, list.stderr);
      const again = JSON.parse(list.stdout) as typeof snapshot;
      const summary = (l: typeof snapshot): string[] => l.items.map((i) => `${i.metadata.name} ${i.metadata.uid} ${i.metadata.resourceVersion}`).sort();
      assert.deepEqual(summary(again), summary(snapshot));
      assert.ok(summary(again).some((s) => s.startsWith('durable ')));
      assert.ok(summary(again).some((s) => s.startsWith('kept ')));

      const maxBefore = Math.max(...snapshot.items.map((i) => Number(i.metadata.resourceVersion)));
      const label = await kubectl(second.kubeconfig, cacheDir, ['label', 'pod', 'durable', 'after=restart']);
      assert.equal(label.code, 0, label.stderr);
      const pod = await kubectl(second.kubeconfig, cacheDir, ['get', 'pod', 'durable', '-o', 'json']);
      assert.ok(Number(JSON.parse(pod.stdout).metadata.resourceVersion) > maxBefore, 'resourceVersions continue after a restart');
    } finally {
      assert.equal(await second.stop(), 0);
    }
  });

  it('refuses a second server on the same data dir with a clear message', async () => {
    const dataDir = await makeTempDir();
    dirs.push(dataDir);
    const first = await startKubefakeProcess({ dataDir });
    try {
      await assert.rejects(startKubefakeProcess({ dataDir }), /exited with 1 before it was ready: kubefake: .*in use/);
    } finally {
      await first.stop();
    }
  });
});
