// makeDirectory as `mkdir -p`, and where Node's recursive mkdir never returns.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDirectory } from '../../../src/files/make-directory.js';

let root: string;

describe('makeDirectory', () => {
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'kubefake-mkdir-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('makes missing parents, each with the mode, and takes an existing directory', async () => {
    const dir = join(root, 'a', 'b', 'c');
    await makeDirectory(dir, 0o700);
    for (const d of [join(root, 'a'), join(root, 'a', 'b'), dir]) assert.equal(statSync(d).mode & 0o777, 0o700 & ~process.umask());
    await makeDirectory(dir, 0o700);
    await makeDirectory(root);
  });

  it('fails, as mkdir does, where a file is in the way', async () => {
    const file = join(root, 'file');
    writeFileSync(file, '');
    await assert.rejects(makeDirectory(file), { code: 'EEXIST' });
    await assert.rejects(makeDirectory(join(file, 'below')), { code: 'ENOTDIR' });
  });

  it('fails where no directory can be made in a parent that exists (Node recursive mkdir loops there)', { skip: !existsSync('/proc/self') && 'needs Linux /proc' }, async () => {
    await assert.rejects(makeDirectory('/proc/kubefake-test/data'), { code: 'ENOENT' });
    await assert.rejects(makeDirectory('/proc/kubefake-test'), { code: 'ENOENT' });
  });
});
