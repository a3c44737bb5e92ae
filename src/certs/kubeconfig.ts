// Kubeconfig files with every credential embedded (CA, client certificate and key as base64 data).
import { X509Certificate } from 'node:crypto';
import { chmod, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { makeDirectory } from '../files/make-directory.js';

export interface KubeconfigOptions {
  /** e.g. https://127.0.0.1:6443 */
  server: string;
  caPem: string;
  clientCertPem: string;
  clientKeyPem: string;
  /** Defaults to `kubefake`. */
  clusterName?: string;
  /** Defaults to the client certificate's CN. */
  userName?: string;
  /** Defaults to the cluster name. */
  contextName?: string;
  namespace?: string;
}

const base64 = (pem: string): string => Buffer.from(pem, 'utf8').toString('base64');

function commonName(certPem: string): string {
  const line = new X509Certificate(certPem).subject.split('\n').find((l) => l.startsWith('CN='));
  if (!line) throw new Error('the client certificate has no CN to name the kubeconfig user after');
  return line.slice('CN='.length);
}

/** A YAML scalar: bare when plain YAML reads it back as the same string, else double-quoted. */
function scalar(value: string): string {
  return /^[A-Za-z0-9][\w./+=:@-]*$/.test(value) && !value.endsWith(':') ? value : JSON.stringify(value);
}

/**
 * The kubeconfig YAML, laid out as `kubectl config view --raw` prints it. Written by hand (the
 * layout is fixed) so that start-up does not load a YAML library.
 */
export function buildKubeconfig(o: KubeconfigOptions): string {
  const cluster = scalar(o.clusterName ?? 'kubefake');
  const user = scalar(o.userName ?? commonName(o.clientCertPem));
  const context = scalar(o.contextName ?? o.clusterName ?? 'kubefake');
  return [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    `    certificate-authority-data: ${base64(o.caPem)}`,
    `    server: ${scalar(o.server)}`,
    `  name: ${cluster}`,
    'contexts:',
    '- context:',
    `    cluster: ${cluster}`,
    ...(o.namespace ? [`    namespace: ${scalar(o.namespace)}`] : []),
    `    user: ${user}`,
    `  name: ${context}`,
    `current-context: ${context}`,
    'kind: Config',
    'preferences: {}',
    'users:',
    `- name: ${user}`,
    '  user:',
    `    client-certificate-data: ${base64(o.clientCertPem)}`,
    `    client-key-data: ${base64(o.clientKeyPem)}`,
    '',
  ].join('\n');
}

/** Writes the kubeconfig with mode 0600 (it holds a private key), creating parent directories. Failures name the path. */
export async function writeKubeconfig(path: string, content: string): Promise<void> {
  try {
    await makeDirectory(dirname(path), 0o700);
    await writeFile(path, content, { mode: 0o600 });
    await chmod(path, 0o600); // an existing file keeps its old mode through writeFile
  } catch (err) {
    throw new Error(`cannot write the kubeconfig ${path}: ${(err as Error).message}`);
  }
}
