// The projected volume the ServiceAccount plugin mounts into every container (kube-api-access-*):
// a bound token, the cluster CA from kube-root-ca.crt and the namespace, at the path client
// libraries read them from.
import type { KubeObject } from '../../api/types.js';
import { generateName } from '../../registry/metadata.js';

export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const VOLUME_PREFIX = 'kube-api-access-';
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: an hour and 7 s, so kubelets refresh early. */
const TOKEN_EXPIRATION_SECONDS = 3607;
/** 0644, set explicitly as kube does (the volume is added after defaulting). */
const DEFAULT_MODE = 420;

interface Container {
  volumeMounts?: { name?: string; mountPath?: string; readOnly?: boolean }[];
}

interface PodSpec {
  volumes?: Record<string, unknown>[];
  containers?: Container[];
  initContainers?: Container[];
}

function tokenVolume(name: string): Record<string, unknown> {
  return {
    name,
    projected: {
      sources: [
        { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
      defaultMode: DEFAULT_MODE,
    },
  };
}

/**
 * Mounts the token volume (reusing a kube-api-access-* volume the pod already has) into each init
 * container and container that has nothing mounted at the token path, as mountServiceAccountToken.
 */
export function mountServiceAccountToken(pod: KubeObject): void {
  const spec = ((pod.spec ??= {}) as PodSpec);
  const existing = spec.volumes?.find((v) => typeof v.name === 'string' && v.name.startsWith(VOLUME_PREFIX));
  const volumeName = existing ? String(existing.name) : generateName(VOLUME_PREFIX);
  let needed = false;
  for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    if (container.volumeMounts?.some((m) => m.mountPath === TOKEN_MOUNT_PATH)) continue;
    container.volumeMounts = [...(container.volumeMounts ?? []), { name: volumeName, readOnly: true, mountPath: TOKEN_MOUNT_PATH }];
    needed = true;
  }
  if (needed && !existing) spec.volumes = [...(spec.volumes ?? []), tokenVolume(volumeName)];
}
