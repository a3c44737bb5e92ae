// ValidateVolumes and ValidateVolumeMounts: unique DNS-label names, exactly one source per
// volume (with the checks of the common sources), and mounts that name a volume.
import { forbidden, invalid, notFound, required, duplicate, type FieldError } from '../../api/field-errors.js';
import { dns1123Label } from './common.js';
import { list, obj, str, type Obj } from './values.js';

/** The volume sources in validateVolumeSource's order. */
const SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume', 'configMap',
  'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected', 'scaleIO',
  'csi', 'ephemeral', 'image',
];
const FILE_MODE = 'must be a number between 0 and 0777 (octal), both inclusive';

/** Fields a source cannot do without, as `source: [field, ...]`. */
const REQUIRED_FIELDS: Record<string, string[]> = {
  hostPath: ['path'],
  secret: ['secretName'],
  configMap: ['name'],
  persistentVolumeClaim: ['claimName'],
  nfs: ['server', 'path'],
  csi: ['driver'],
};

function sourceErrors(name: string, source: Obj, path: string): FieldError[] {
  const errs = (REQUIRED_FIELDS[name] ?? []).filter((f) => !str(source[f])).map((f) => required(`${path}.${f}`, ''));
  const mode = source.defaultMode;
  if (typeof mode === 'number' && (mode < 0 || mode > 0o777)) errs.push(invalid(`${path}.defaultMode`, mode, FILE_MODE));
  return errs;
}

function volumeSource(volume: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const name of SOURCES) {
    const source = obj(volume[name]);
    if (!source) continue;
    if (count > 0) {
      errs.push(forbidden(`${path}.${name}`, 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    errs.push(...sourceErrors(name, source, `${path}.${name}`));
  }
  if (count === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

/** The volume errors, and the names of the valid volumes (what mounts may refer to). */
export function validateVolumes(volumes: unknown, path: string): { errors: FieldError[]; names: Set<string> } {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  list(volumes).forEach((volume, i) => {
    const volumePath = `${path}[${i}]`;
    const name = str(volume.name);
    const errs = volumeSource(volume, volumePath);
    if (!name) errs.push(required(`${volumePath}.name`, ''));
    else errs.push(...dns1123Label(`${volumePath}.name`, name));
    if (names.has(name)) errs.push(duplicate(`${volumePath}.name`, name));
    if (errs.length) errors.push(...errs);
    else names.add(name);
  });
  return { errors, names };
}

export function validateVolumeMounts(mounts: unknown, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPaths = new Set<string>();
  list(mounts).forEach((mount, i) => {
    const mountPath = `${path}[${i}]`;
    const name = str(mount.name);
    const target = str(mount.mountPath);
    if (!name) errs.push(required(`${mountPath}.name`, ''));
    if (!volumes.has(name)) errs.push(notFound(`${mountPath}.name`, name));
    if (!target) errs.push(required(`${mountPath}.mountPath`, ''));
    if (mountPaths.has(target)) errs.push(invalid(`${mountPath}.mountPath`, target, 'must be unique'));
    mountPaths.add(target);
  });
  return errs;
}
