// `kubefake kubeconfig --user alice --group dev`: a kubeconfig with a client certificate for any
// user, signed by the cluster CA in the cert dir, for the server the admin kubeconfig names.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildKubeconfig, PKI_FILE_NAMES } from '../certs/index.js';
import { signClientCert } from '../certs/client-cert.js';
import { loadYAML } from '../server/yaml.js';

export interface UserKubeconfigOptions {
  certDir: string;
  /** The admin kubeconfig the server wrote; its server URL is reused. */
  adminKubeconfig: string;
  user: string;
  groups: string[];
}

async function readOrExplain(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${what} ${path} (has kubefake been started with this data dir?): ${(err as Error).message}`);
  }
}

export async function userKubeconfig(o: UserKubeconfigOptions): Promise<string> {
  const [caCertPem, caKeyPem, admin] = await Promise.all([
    readOrExplain(join(o.certDir, PKI_FILE_NAMES.caCert), 'the cluster CA certificate'),
    readOrExplain(join(o.certDir, PKI_FILE_NAMES.caKey), 'the cluster CA key'),
    readOrExplain(o.adminKubeconfig, 'the admin kubeconfig'),
  ]);
  const server = (loadYAML().parse(admin) as { clusters?: { cluster?: { server?: string } }[] })?.clusters?.[0]?.cluster?.server;
  if (!server) throw new Error(`the admin kubeconfig ${o.adminKubeconfig} names no server`);
  const { certPem, keyPem } = signClientCert({ certPem: caCertPem, keyPem: caKeyPem }, o.user, o.groups);
  return buildKubeconfig({ server, caPem: caCertPem, clientCertPem: certPem, clientKeyPem: keyPem, contextName: o.user });
}
