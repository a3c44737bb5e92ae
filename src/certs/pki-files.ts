// The cert dir on disk: file names, modes (keys 0600, certificates 0644, dir 0700), atomic writes.
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeDirectory } from '../files/make-directory.js';

export const PKI_FILE_NAMES = {
  caCert: 'ca.crt',
  caKey: 'ca.key',
  servingCert: 'apiserver.crt',
  servingKey: 'apiserver.key',
  adminCert: 'admin.crt',
  adminKey: 'admin.key',
  serviceAccountKey: 'sa.key',
  serviceAccountPublicKey: 'sa.pub',
} as const;

export type PKIFile = keyof typeof PKI_FILE_NAMES;
export type PKIFileContents = Partial<Record<PKIFile, string>>;

const SECRET_FILES: ReadonlySet<PKIFile> = new Set(['caKey', 'servingKey', 'adminKey', 'serviceAccountKey']);

function certDirError(dir: string, action: string, err: unknown): Error {
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EROFS' ? 'read-only file system'
    : code === 'ENOTDIR' || code === 'EEXIST' ? 'a path component is not a directory'
    : (err as Error).message;
  return new Error(`cannot ${action} certificate directory ${dir}: ${why}; pass a writable --cert-dir`, { cause: err });
}

/** Creates the dir (mode 0700) if needed. */
export async function ensureCertDir(dir: string): Promise<void> {
  try {
    await makeDirectory(dir, 0o700);
  } catch (err) {
    throw certDirError(dir, 'create', err);
  }
}

/** Every PKI file present in `dir`; absent ones are left out. */
export async function readPKIFiles(dir: string): Promise<PKIFileContents> {
  const entries = await Promise.all(
    (Object.keys(PKI_FILE_NAMES) as PKIFile[]).map(async (file) => {
      try {
        return [file, await readFile(join(dir, PKI_FILE_NAMES[file]), 'utf8')] as const;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw certDirError(dir, 'read', err);
      }
    }),
  );
  return Object.fromEntries(entries.filter((e) => e !== undefined));
}

/** Writes each file through a temporary name and a rename, so a crash never leaves half a key. */
export async function writePKIFiles(dir: string, files: PKIFileContents): Promise<void> {
  const writes = (Object.entries(files) as [PKIFile, string][]).map(async ([file, content]) => {
    const target = join(dir, PKI_FILE_NAMES[file]);
    const temp = `${target}.${process.pid}.tmp`;
    const mode = SECRET_FILES.has(file) ? 0o600 : 0o644;
    await writeFile(temp, content, { mode });
    await chmod(temp, mode); // the umask may have narrowed it
    await rename(temp, target);
  });
  try {
    await Promise.all(writes);
  } catch (err) {
    throw certDirError(dir, 'write to', err);
  }
}
