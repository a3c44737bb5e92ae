// tokens/: ServiceAccount tokens as kube-apiserver issues them (pkg/serviceaccount/claims.go):
// ES256 JWTs signed with the cluster's service-account key, with the `kubernetes.io` private
// claim naming the namespace, the ServiceAccount and the object the token is bound to.
import { createHash, createPublicKey } from 'node:crypto';

/** The issuer and default API audience kubeadm and kind clusters use. */
export const DEFAULT_SERVICE_ACCOUNT_ISSUER = 'https://kubernetes.default.svc.cluster.local';
export const SERVICE_ACCOUNT_USER_PREFIX = 'system:serviceaccount:';

export interface ObjectRef {
  name: string;
  uid: string;
}

export interface KubernetesClaim {
  namespace: string;
  serviceaccount: ObjectRef;
  pod?: ObjectRef;
  secret?: ObjectRef;
  node?: ObjectRef;
}

export interface ServiceAccountKeys {
  privateKeyPem: string;
  publicKeyPem: string;
}

/** The key id Kubernetes puts in `kid`: unpadded base64url of SHA-256 over the public key's DER. */
export function keyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64url');
}

export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SERVICE_ACCOUNT_USER_PREFIX}${namespace}:${name}`;
}

/** `system:serviceaccount:<ns>:<name>` split, or undefined for other user names. */
export function parseServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SERVICE_ACCOUNT_USER_PREFIX)) return undefined;
  const parts = username.slice(SERVICE_ACCOUNT_USER_PREFIX.length).split(':');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { namespace: parts[0], name: parts[1] };
}

export function serviceAccountGroups(namespace: string): string[] {
  return ['system:serviceaccounts', `system:serviceaccounts:${namespace}`];
}
