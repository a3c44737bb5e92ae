// A temporary directory per test file, removed when the file's tests end.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `kubefake-${prefix}-`));
  after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
