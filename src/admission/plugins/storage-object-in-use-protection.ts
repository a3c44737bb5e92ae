// StorageObjectInUseProtection (plugin/pkg/admission/storage/storageobjectinuseprotection): new
// PersistentVolumeClaims and PersistentVolumes get the finalizer their protection controller
// removes once nothing uses them.
import type { AdmissionAttributes, AdmissionPlugin, Operation } from '../interfaces.js';
import type { PluginFactory } from '../plugin-order.js';
import { isResource } from './attributes.js';

const FINALIZERS: Record<string, string> = {
  persistentvolumeclaims: 'kubernetes.io/pvc-protection',
  persistentvolumes: 'kubernetes.io/pv-protection',
};

class StorageObjectInUseProtection implements AdmissionPlugin {
  readonly name = 'StorageObjectInUseProtection';

  handles(operation: Operation): boolean {
    return operation === 'CREATE';
  }

  admit(attrs: AdmissionAttributes): void {
    const finalizer = FINALIZERS[attrs.resource.resource];
    if (!finalizer || !isResource(attrs, attrs.resource.resource) || !attrs.object) return;
    const meta = attrs.object.metadata;
    if (meta.finalizers?.includes(finalizer)) return;
    meta.finalizers = [...(meta.finalizers ?? []), finalizer];
  }
}

export const storageObjectInUseProtection: PluginFactory = {
  name: 'StorageObjectInUseProtection',
  defaultOn: true,
  create: () => new StorageObjectInUseProtection(),
};
