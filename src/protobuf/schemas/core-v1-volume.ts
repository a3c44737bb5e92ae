// k8s.io/api/core/v1 Volume and every volume source a pod can declare (VolumeSource is inline).
// Field numbers and types per generated.proto (as compiled into kubectl v1.32.4); JSON names,
// omitempty, pointers and inline embeddings per the Go structs' json tags (k8s.io/api v0.32).
import type { SchemaTable } from '../schema-types.js';

export const CORE_V1_VOLUME: SchemaTable = {
  'core.v1.Volume': {
    fields: {
      1: { name: 'name', type: 'string', keepZero: true },
      2: { name: 'volumeSource', type: 'message:core.v1.VolumeSource', inline: true },
    },
  },
  'core.v1.VolumeSource': {
    fields: {
      1: { name: 'hostPath', type: 'message:core.v1.HostPathVolumeSource', pointer: true },
      2: { name: 'emptyDir', type: 'message:core.v1.EmptyDirVolumeSource', pointer: true },
      3: { name: 'gcePersistentDisk', type: 'message:core.v1.GCEPersistentDiskVolumeSource', pointer: true },
      4: { name: 'awsElasticBlockStore', type: 'message:core.v1.AWSElasticBlockStoreVolumeSource', pointer: true },
      5: { name: 'gitRepo', type: 'message:core.v1.GitRepoVolumeSource', pointer: true },
      6: { name: 'secret', type: 'message:core.v1.SecretVolumeSource', pointer: true },
      7: { name: 'nfs', type: 'message:core.v1.NFSVolumeSource', pointer: true },
      8: { name: 'iscsi', type: 'message:core.v1.ISCSIVolumeSource', pointer: true },
      9: { name: 'glusterfs', type: 'message:core.v1.GlusterfsVolumeSource', pointer: true },
      10: { name: 'persistentVolumeClaim', type: 'message:core.v1.PersistentVolumeClaimVolumeSource', pointer: true },
      11: { name: 'rbd', type: 'message:core.v1.RBDVolumeSource', pointer: true },
      12: { name: 'flexVolume', type: 'message:core.v1.FlexVolumeSource', pointer: true },
      13: { name: 'cinder', type: 'message:core.v1.CinderVolumeSource', pointer: true },
      14: { name: 'cephfs', type: 'message:core.v1.CephFSVolumeSource', pointer: true },
      15: { name: 'flocker', type: 'message:core.v1.FlockerVolumeSource', pointer: true },
      16: { name: 'downwardAPI', type: 'message:core.v1.DownwardAPIVolumeSource', pointer: true },
      17: { name: 'fc', type: 'message:core.v1.FCVolumeSource', pointer: true },
      18: { name: 'azureFile', type: 'message:core.v1.AzureFileVolumeSource', pointer: true },
      19: { name: 'configMap', type: 'message:core.v1.ConfigMapVolumeSource', pointer: true },
      20: { name: 'vsphereVolume', type: 'message:core.v1.VsphereVirtualDiskVolumeSource', pointer: true },
      21: { name: 'quobyte', type: 'message:core.v1.QuobyteVolumeSource', pointer: true },
      22: { name: 'azureDisk', type: 'message:core.v1.AzureDiskVolumeSource', pointer: true },
      23: { name: 'photonPersistentDisk', type: 'message:core.v1.PhotonPersistentDiskVolumeSource', pointer: true },
      24: { name: 'portworxVolume', type: 'message:core.v1.PortworxVolumeSource', pointer: true },
      25: { name: 'scaleIO', type: 'message:core.v1.ScaleIOVolumeSource', pointer: true },
      26: { name: 'projected', type: 'message:core.v1.ProjectedVolumeSource', pointer: true },
      27: { name: 'storageos', type: 'message:core.v1.StorageOSVolumeSource', pointer: true },
      28: { name: 'csi', type: 'message:core.v1.CSIVolumeSource', pointer: true },
      29: { name: 'ephemeral', type: 'message:core.v1.EphemeralVolumeSource', pointer: true },
      30: { name: 'image', type: 'message:core.v1.ImageVolumeSource', pointer: true },
    },
  },
  'core.v1.TypedLocalObjectReference': {
    fields: {
      1: { name: 'apiGroup', type: 'string', pointer: true },
      2: { name: 'kind', type: 'string', keepZero: true },
      3: { name: 'name', type: 'string', keepZero: true },
    },
  },
  'core.v1.HostPathVolumeSource': {
    fields: {
      1: { name: 'path', type: 'string', keepZero: true },
      2: { name: 'type', type: 'string', pointer: true },
    },
  },
  'core.v1.EmptyDirVolumeSource': {
    fields: {
      1: { name: 'medium', type: 'string' },
      2: { name: 'sizeLimit', type: 'quantity', pointer: true },
    },
  },
  'core.v1.GCEPersistentDiskVolumeSource': {
    fields: {
      1: { name: 'pdName', type: 'string', keepZero: true },
      2: { name: 'fsType', type: 'string' },
      3: { name: 'partition', type: 'int32' },
      4: { name: 'readOnly', type: 'bool' },
    },
  },
  'core.v1.AWSElasticBlockStoreVolumeSource': {
    fields: {
      1: { name: 'volumeID', type: 'string', keepZero: true },
      2: { name: 'fsType', type: 'string' },
      3: { name: 'partition', type: 'int32' },
      4: { name: 'readOnly', type: 'bool' },
    },
  },
  'core.v1.GitRepoVolumeSource': {
    fields: {
      1: { name: 'repository', type: 'string', keepZero: true },
      2: { name: 'revision', type: 'string' },
      3: { name: 'directory', type: 'string' },
    },
  },
  'core.v1.SecretVolumeSource': {
    fields: {
      1: { name: 'secretName', type: 'string' },
      2: { name: 'items', type: 'message:core.v1.KeyToPath', repeated: true },
      3: { name: 'defaultMode', type: 'int32', pointer: true },
      4: { name: 'optional', type: 'bool', pointer: true },
    },
  },
  'core.v1.NFSVolumeSource': {
    fields: {
      1: { name: 'server', type: 'string', keepZero: true },
      2: { name: 'path', type: 'string', keepZero: true },
      3: { name: 'readOnly', type: 'bool' },
    },
  },
  'core.v1.ISCSIVolumeSource': {
    fields: {
      1: { name: 'targetPortal', type: 'string', keepZero: true },
      2: { name: 'iqn', type: 'string', keepZero: true },
      3: { name: 'lun', type: 'int32', keepZero: true },
      4: { name: 'iscsiInterface', type: 'string' },
      5: { name: 'fsType', type: 'string' },
      6: { name: 'readOnly', type: 'bool' },
      7: { name: 'portals', type: 'string', repeated: true },
      8: { name: 'chapAuthDiscovery', type: 'bool' },
      10: { name: 'secretRef', type: 'message:core.v1.LocalObjectReference', pointer: true },
      11: { name: 'chapAuthSession', type: 'bool' },
      12: { name: 'initiatorName', type: 'string', pointer: true },
    },
  },
  'core.v1.GlusterfsVolumeSource': {
    fields: {
      1: { name: 'endpoints', type: 'string', keepZero: true },
      2: { name: 'path', type: 'string', keepZero: true },
      3: { name: 'readOnly', type: 'bool' },
    },
  },
  'core.v1.PersistentVolumeClaimVolumeSource': {
    fields: {
      1: { name: 'claimName', type: 'string', keepZero: true },
      2: { name: 'readOnly', type: 'bool' },
    },
  },
  'core.v1.RBDVolumeSource': {
    fields: {
      1: { name: 'monitors', type: 'string', repeated: true },
      2: { name: 'image', type: 'string', keepZero: true },
      3: { name: 'fsType', type: 'string' },
      4: { name: 'pool', type: 'string' },
      5: { name: 'user', type: 'string' },
      6: { name: 'keyring', type: 'string' },
      7: { name: 'secretRef', type: 'message:core.v1.LocalObjectReference', pointer: true },
      8: { name: 'readOnly', type: 'bool' },
    },
  },
  'core.v1.FlexVolumeSource': {
    fields: {
      1: { name: 'driver', type: 'string', keepZero: true },
      2: { name: 'fsType', type: 'string' },
      3: { name: 'secretRef', type: 'message:core.v1.LocalObjectReference', pointer: true },
      4: { name: 'readOnly', type: 'bool' },
      5: { name: 'options', type: 'map<string,string>' },
    },
  },
  'core.v1.CinderVolumeSource': {
    fields: {
      1: { name: 'volumeID', type: 'string', keepZero: true },
      2: { name: 'fsType', type: 'string' },
      3: { name: 'readOnly', type: 'bool' },
      4: { name: 'secretRef', type: 'message:core.v1.LocalObjectReference', pointer: true },
    },
  },
  'core.v1.CephFSVolumeSource': {
    fields: {
      1: { name: 'monitors', type: 'string', repeated: true },
      2: { name: 'path', type: 'string' },
      3: { name: 'user', type: 'string' },
      4: { name: 'secretFile', type: 'string' },
      5: { name: 'secretRef', type: 'message:core.v1.LocalObjectReference', pointer: true },
      6: { name: 'readOnly', type: 'bool' },
    },
  },
  'core.v1.FlockerVolumeSource': {
    fields: {
      1: { name: 'datasetName', type: 'string' },
      2: { name: 'datasetUUID', type: 'string' },
    },
  },
  'core.v1.DownwardAPIVolumeSource': {
    fields: {
      1: { name: 'items', type: 'message:core.v1.DownwardAPIVolumeFile', repeated: true },
      2: { name: 'defaultMode', type: 'int32', pointer: true },
    },
  },
  'core.v1.FCVolumeSource': {
    fields: {
      1: { name: 'targetWWNs', type: 'string', repeated: true },
      2: { name: 'lun', type: 'int32', pointer: true },
      3: { name: 'fsType', type: 'string' },
      4: { name: 'readOnly', type: 'bool' },
      5: { name: 'wwids', type: 'string', repeated: true },
    },
  },
  'core.v1.AzureFileVolumeSource': {
    fields: {
      1: { name: 'secretName', type: 'string', keepZero: true },
      2: { name: 'shareName', type: 'string', keepZero: true },
      3: { name: 'readOnly', type: 'bool' },
    },
  },
  'core.v1.ConfigMapVolumeSource': {
    fields: {
      1: { name: 'localObjectReference', type: 'message:core.v1.LocalObjectReference', inline: true },
      2: { name: 'items', type: 'message:core.v1.KeyToPath', repeated: true },
      3: { name: 'defaultMode', type: 'int32', pointer: true },
      4: { name: 'optional', type: 'bool', pointer: true },
    },
  },
  'core.v1.VsphereVirtualDiskVolumeSource': {
    fields: {
      1: { name: 'volumePath', type: 'string', keepZero: true },
      2: { name: 'fsType', type: 'string' },
      3: { name: 'storagePolicyName', type: 'string' },
      4: { name: 'storagePolicyID', type: 'string' },
    },
  },
  'core.v1.QuobyteVolumeSource': {
    fields: {
      1: { name: 'registry', type: 'string', keepZero: true },
      2: { name: 'volume', type: 'string', keepZero: true },
      3: { name: 'readOnly', type: 'bool' },
      4: { name: 'user', type: 'string' },
      5: { name: 'group', type: 'string' },
      6: { name: 'tenant', type: 'string' },
    },
  },
  'core.v1.AzureDiskVolumeSource': {
    fields: {
      1: { name: 'diskName', type: 'string', keepZero: true },
      2: { name: 'diskURI', type: 'string', keepZero: true },
      3: { name: 'cachingMode', type: 'string', pointer: true },
      4: { name: 'fsType', type: 'string', pointer: true },
      5: { name: 'readOnly', type: 'bool', pointer: true },
      6: { name: 'kind', type: 'string', pointer: true },
    },
  },
  'core.v1.PhotonPersistentDiskVolumeSource': {
    fields: {
      1: { name: 'pdID', type: 'string', keepZero: true },
      2: { name: 'fsType', type: 'string' },
    },
  },
  'core.v1.ProjectedVolumeSource': {
    fields: {
      1: { name: 'sources', type: 'message:core.v1.VolumeProjection', repeated: true },
      2: { name: 'defaultMode', type: 'int32', pointer: true },
    },
  },
  'core.v1.PortworxVolumeSource': {
    fields: {
      1: { name: 'volumeID', type: 'string', keepZero: true },
      2: { name: 'fsType', type: 'string' },
      3: { name: 'readOnly', type: 'bool' },
    },
  },
  'core.v1.ScaleIOVolumeSource': {
    fields: {
      1: { name: 'gateway', type: 'string', keepZero: true },
      2: { name: 'system', type: 'string', keepZero: true },
      3: { name: 'secretRef', type: 'message:core.v1.LocalObjectReference', pointer: true },
      4: { name: 'sslEnabled', type: 'bool' },
      5: { name: 'protectionDomain', type: 'string' },
      6: { name: 'storagePool', type: 'string' },
      7: { name: 'storageMode', type: 'string' },
      8: { name: 'volumeName', type: 'string' },
      9: { name: 'fsType', type: 'string' },
      10: { name: 'readOnly', type: 'bool' },
    },
  },
  'core.v1.StorageOSVolumeSource': {
    fields: {
      1: { name: 'volumeName', type: 'string' },
      2: { name: 'volumeNamespace', type: 'string' },
      3: { name: 'fsType', type: 'string' },
      4: { name: 'readOnly', type: 'bool' },
      5: { name: 'secretRef', type: 'message:core.v1.LocalObjectReference', pointer: true },
    },
  },
  'core.v1.CSIVolumeSource': {
    fields: {
      1: { name: 'driver', type: 'string', keepZero: true },
      2: { name: 'readOnly', type: 'bool', pointer: true },
      3: { name: 'fsType', type: 'string', pointer: true },
      4: { name: 'volumeAttributes', type: 'map<string,string>' },
      5: { name: 'nodePublishSecretRef', type: 'message:core.v1.LocalObjectReference', pointer: true },
    },
  },
  'core.v1.EphemeralVolumeSource': {
    fields: {
      1: { name: 'volumeClaimTemplate', type: 'message:core.v1.PersistentVolumeClaimTemplate', pointer: true },
    },
  },
  'core.v1.ImageVolumeSource': {
    fields: {
      1: { name: 'reference', type: 'string' },
      2: { name: 'pullPolicy', type: 'string' },
    },
  },
  'core.v1.KeyToPath': {
    fields: {
      1: { name: 'key', type: 'string', keepZero: true },
      2: { name: 'path', type: 'string', keepZero: true },
      3: { name: 'mode', type: 'int32', pointer: true },
    },
  },
  'core.v1.DownwardAPIVolumeFile': {
    fields: {
      1: { name: 'path', type: 'string', keepZero: true },
      2: { name: 'fieldRef', type: 'message:core.v1.ObjectFieldSelector', pointer: true },
      3: { name: 'resourceFieldRef', type: 'message:core.v1.ResourceFieldSelector', pointer: true },
      4: { name: 'mode', type: 'int32', pointer: true },
    },
  },
  'core.v1.VolumeProjection': {
    fields: {
      1: { name: 'secret', type: 'message:core.v1.SecretProjection', pointer: true },
      2: { name: 'downwardAPI', type: 'message:core.v1.DownwardAPIProjection', pointer: true },
      3: { name: 'configMap', type: 'message:core.v1.ConfigMapProjection', pointer: true },
      4: { name: 'serviceAccountToken', type: 'message:core.v1.ServiceAccountTokenProjection', pointer: true },
      5: { name: 'clusterTrustBundle', type: 'message:core.v1.ClusterTrustBundleProjection', pointer: true },
    },
  },
  'core.v1.PersistentVolumeClaimTemplate': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'spec', type: 'message:core.v1.PersistentVolumeClaimSpec' },
    },
  },
  'core.v1.SecretProjection': {
    fields: {
      1: { name: 'localObjectReference', type: 'message:core.v1.LocalObjectReference', inline: true },
      2: { name: 'items', type: 'message:core.v1.KeyToPath', repeated: true },
      4: { name: 'optional', type: 'bool', pointer: true },
    },
  },
  'core.v1.DownwardAPIProjection': {
    fields: {
      1: { name: 'items', type: 'message:core.v1.DownwardAPIVolumeFile', repeated: true },
    },
  },
  'core.v1.ConfigMapProjection': {
    fields: {
      1: { name: 'localObjectReference', type: 'message:core.v1.LocalObjectReference', inline: true },
      2: { name: 'items', type: 'message:core.v1.KeyToPath', repeated: true },
      4: { name: 'optional', type: 'bool', pointer: true },
    },
  },
  'core.v1.ServiceAccountTokenProjection': {
    fields: {
      1: { name: 'audience', type: 'string' },
      2: { name: 'expirationSeconds', type: 'int64', pointer: true },
      3: { name: 'path', type: 'string', keepZero: true },
    },
  },
  'core.v1.ClusterTrustBundleProjection': {
    fields: {
      1: { name: 'name', type: 'string', pointer: true },
      2: { name: 'signerName', type: 'string', pointer: true },
      3: { name: 'labelSelector', type: 'message:meta.v1.LabelSelector', pointer: true },
      4: { name: 'path', type: 'string', keepZero: true },
      5: { name: 'optional', type: 'bool', pointer: true },
    },
  },
  'core.v1.PersistentVolumeClaimSpec': {
    fields: {
      1: { name: 'accessModes', type: 'string', repeated: true },
      2: { name: 'resources', type: 'message:core.v1.VolumeResourceRequirements' },
      3: { name: 'volumeName', type: 'string' },
      4: { name: 'selector', type: 'message:meta.v1.LabelSelector', pointer: true },
      5: { name: 'storageClassName', type: 'string', pointer: true },
      6: { name: 'volumeMode', type: 'string', pointer: true },
      7: { name: 'dataSource', type: 'message:core.v1.TypedLocalObjectReference', pointer: true },
      8: { name: 'dataSourceRef', type: 'message:core.v1.TypedObjectReference', pointer: true },
      9: { name: 'volumeAttributesClassName', type: 'string', pointer: true },
    },
  },
  'core.v1.VolumeResourceRequirements': {
    fields: {
      1: { name: 'limits', type: 'map<string,quantity>' },
      2: { name: 'requests', type: 'map<string,quantity>' },
    },
  },
  'core.v1.TypedObjectReference': {
    fields: {
      1: { name: 'apiGroup', type: 'string', pointer: true },
      2: { name: 'kind', type: 'string', keepZero: true },
      3: { name: 'name', type: 'string', keepZero: true },
      4: { name: 'namespace', type: 'string', pointer: true },
    },
  },
};
