// What the PersistentVolume and PersistentVolumeClaim printers share (pkg/apis/core/helper).
import type { KubeObject } from '../../api/types.js';

const ACCESS_MODES: [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];
const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** GetAccessModesAsString: the short forms, in a fixed order, each once. */
export function accessModesString(modes: readonly string[] | undefined): string {
  const present = new Set(modes ?? []);
  return ACCESS_MODES.filter(([mode]) => present.has(mode))
    .map(([, short]) => short)
    .join(',');
}

/** The class from the beta annotation when it is there (even empty), else spec.storageClassName. */
export function storageClassOf(obj: KubeObject, storageClassName: string | undefined): string {
  const annotations = obj.metadata.annotations ?? {};
  if (Object.hasOwn(annotations, BETA_STORAGE_CLASS_ANNOTATION)) return annotations[BETA_STORAGE_CLASS_ANNOTATION];
  return storageClassName ?? '';
}

/** The phase, or Terminating once deletion has begun. */
export function volumePhase(obj: KubeObject, phase: string | undefined): string {
  return obj.metadata.deletionTimestamp ? 'Terminating' : (phase ?? '');
}
