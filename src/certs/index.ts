// certs/: the cluster PKI. A CA, the API server's serving certificate, the admin client certificate
// and the service-account key pair, all ECDSA P-256, kept in the cert dir and reused across starts
// (certificate.ts builds X.509 with node:crypto signatures and der.ts encoding); client certificates
// for other users; kubeconfig files; the HTTPS listener's TLS options.
export { loadOrCreatePKI, ADMIN_USER, ADMIN_GROUPS } from './pki.js';
export type { ClusterPKI, PKIOptions } from './pki.js';
export { issueClientCert } from './client-cert.js';
export { buildKubeconfig, writeKubeconfig } from './kubeconfig.js';
export type { KubeconfigOptions } from './kubeconfig.js';
export { tlsServerOptions } from './tls-options.js';
export { PKI_FILE_NAMES } from './pki-files.js';
