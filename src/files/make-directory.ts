// Filesystem helpers shared by the parts that keep files (storage, certificates, kubeconfigs).
//
// makeDirectory is `mkdir -p`. Node's own recursive mkdir (20, 22 and 24 alike) never returns
// when a directory cannot be made in a parent that exists, as under /proc: mkdir answers ENOENT,
// the parent is there, and Node tries the same mkdir again forever. A data dir, cert dir or
// kubeconfig path there made `kubefake start` hang instead of failing with a message.
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Makes `dir` and any missing parents, each with `mode`; an existing directory is fine. */
export async function makeDirectory(dir: string, mode?: number): Promise<void> {
  try {
    await mkdir(dir, { mode });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // EEXIST: made before, or by another process meanwhile.
    if (code === 'EEXIST' && (await isDirectory(dir))) return;
    const parent = dirname(dir);
    // ENOENT with the parent there (/proc) is final: this is where Node's own mkdir loops.
    if (code !== 'ENOENT' || parent === dir || (await isDirectory(parent))) throw err;
    await makeDirectory(parent, mode);
    await makeDirectory(dir, mode);
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
