// storage.k8s.io/v1: StorageClass and the CSI kinds (CSIDriver, CSINode, CSIStorageCapacity,
// VolumeAttachment). Names are DNS subdomains (Kubernetes checks CSIDriver names with its own,
// stricter, CSI rule; the subdomain rule is the closest the declaration can say).
import type { ResourceDefinition } from '../resource.js';
import { csidrivers } from './csidrivers.js';
import { csinodes } from './csinodes.js';
import { csistoragecapacities } from './csistoragecapacities.js';
import { storageclasses } from './storageclasses.js';
import { volumeattachments } from './volumeattachments.js';

export const storageResources: ResourceDefinition[] = [csidrivers, csinodes, csistoragecapacities, storageclasses, volumeattachments];
