// loadOrCreatePKI: the cluster's CA, serving and admin certificates and service-account key pair,
// reused from the cert dir when still good, (re)made and written there when not.
import { isIP } from 'node:net';
import { signClientCert } from './client-cert.js';
import { createCA, createServingCert, servingHosts } from './cluster-certs.js';
import { generateKeyPair } from './keys.js';
import { reusableCA, reusableKeyPair, reusableLeaf } from './pki-checks.js';
import { ensureCertDir, readPKIFiles, writePKIFiles } from './pki-files.js';
import type { PKIFile, PKIFileContents } from './pki-files.js';

export interface ClusterPKI {
  caCertPem: string;
  caKeyPem: string;
  servingCertPem: string;
  servingKeyPem: string;
  adminCertPem: string;
  adminKeyPem: string;
  /** ES256 signer for service-account tokens (PKCS#8 PEM). */
  serviceAccountKeyPem?: string;
  serviceAccountPublicKeyPem?: string;
}

export interface PKIOptions {
  /** Extra SANs for the serving certificate (DNS names or IP addresses). */
  hosts: string[];
  /** Cluster IP of the `kubernetes` service, e.g. 10.96.0.1. */
  serviceClusterIP: string;
}

export const ADMIN_USER = 'kubefake-admin';
export const ADMIN_GROUPS: readonly string[] = ['system:masters'];

const DNS_NAME = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/i;

function validateOptions(options: PKIOptions): void {
  if (!isIP(options.serviceClusterIP)) {
    throw new Error(`serviceClusterIP must be an IP address, got ${JSON.stringify(options.serviceClusterIP)}`);
  }
  for (const host of options.hosts) {
    if (!isIP(host) && !DNS_NAME.test(host)) {
      throw new Error(`certificate host ${JSON.stringify(host)} is neither an IP address nor a DNS name`);
    }
  }
}

/**
 * Loads the PKI from `certDir`, replacing whatever is missing, unreadable, expiring within a week or
 * (for the serving certificate) not naming every requested host. A new CA means new leaves too.
 * Only files whose content changed are written.
 */
export async function loadOrCreatePKI(certDir: string, options: PKIOptions): Promise<ClusterPKI> {
  validateOptions(options);
  await ensureCertDir(certDir);
  const files = await readPKIFiles(certDir);
  const now = new Date();
  const oldCA = reusableCA({ certPem: files.caCert, keyPem: files.caKey }, now);
  const ca = oldCA?.pair ?? createCA();
  const hosts = servingHosts(options.serviceClusterIP, options.hosts);
  const serving = reusableLeaf({ certPem: files.servingCert, keyPem: files.servingKey }, oldCA?.cert, now, hosts)
    ?? createServingCert(ca, hosts);
  const admin = reusableLeaf({ certPem: files.adminCert, keyPem: files.adminKey }, oldCA?.cert, now)
    ?? signClientCert(ca, ADMIN_USER, ADMIN_GROUPS);
  const sa = reusableKeyPair(files.serviceAccountKey, files.serviceAccountPublicKey) ?? generateKeyPair();

  const wanted: Required<PKIFileContents> = {
    caCert: ca.certPem,
    caKey: ca.keyPem,
    servingCert: serving.certPem,
    servingKey: serving.keyPem,
    adminCert: admin.certPem,
    adminKey: admin.keyPem,
    serviceAccountKey: sa.privateKeyPem,
    serviceAccountPublicKey: sa.publicKeyPem,
  };
  await writePKIFiles(certDir, changedFiles(files, wanted));
  return {
    caCertPem: ca.certPem,
    caKeyPem: ca.keyPem,
    servingCertPem: serving.certPem,
    servingKeyPem: serving.keyPem,
    adminCertPem: admin.certPem,
    adminKeyPem: admin.keyPem,
    serviceAccountKeyPem: sa.privateKeyPem,
    serviceAccountPublicKeyPem: sa.publicKeyPem,
  };
}

function changedFiles(onDisk: PKIFileContents, wanted: Required<PKIFileContents>): PKIFileContents {
  return Object.fromEntries(
    (Object.entries(wanted) as [PKIFile, string][]).filter(([file, content]) => onDisk[file] !== content),
  );
}
