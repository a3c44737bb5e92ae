// Whether a pod names any Secret (podutil.VisitPodSecretNames): secret and projected volumes,
// env and envFrom of every container, image pull secrets.
import type { KubeObject } from '../../api/types.js';

type Fields = Record<string, unknown>;

const list = (value: unknown): Fields[] => (Array.isArray(value) ? (value as Fields[]) : []);
const field = (obj: unknown, name: string): Fields | undefined => (obj && typeof obj === 'object' ? ((obj as Fields)[name] as Fields | undefined) : undefined);

function containerReferencesSecrets(container: Fields): boolean {
  if (list(container.envFrom).some((e) => field(e, 'secretRef'))) return true;
  return list(container.env).some((e) => field(field(e, 'valueFrom'), 'secretKeyRef'));
}

function volumeReferencesSecrets(volume: Fields): boolean {
  if (field(volume, 'secret')) return true;
  if (list(field(volume, 'projected')?.sources).some((s) => field(s, 'secret'))) return true;
  // Volume plugins that take a secretRef for their credentials.
  return ['azureFile', 'cephfs', 'cinder', 'flexVolume', 'rbd', 'iscsi', 'scaleIO', 'storageos', 'csi'].some((type) => {
    const source = field(volume, type);
    return source !== undefined && (field(source, 'secretRef') !== undefined || field(source, 'nodePublishSecretRef') !== undefined || 'secretName' in source);
  });
}

export function referencesSecrets(pod: KubeObject): boolean {
  const spec = (pod.spec ?? {}) as Fields;
  if (list(spec.imagePullSecrets).length) return true;
  const containers = [...list(spec.initContainers), ...list(spec.containers), ...list(spec.ephemeralContainers)];
  return containers.some(containerReferencesSecrets) || list(spec.volumes).some(volumeReferencesSecrets);
}
