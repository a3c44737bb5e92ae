// Where the kubefake package lies on disk, found from this module upwards: the same answer
// whether the code runs from src/ (tests), from dist/ as compiled, or bundled into dist/cli.js.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function isKubefakeRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'kubefake';
  } catch {
    return false;
  }
}

export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (isKubefakeRoot(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('kubefake: cannot find its package directory (package.json named kubefake)');
    dir = parent;
  }
}
