// Where a custom resource's versions meet: objects are stored in the storage version and read and
// written through the served ones.
import { deepCopy, type KubeObject } from '../../api/types.js';
import { withSortedKeys } from '../../api/unstructured.js';
import { applySchemaDefaults, pruneUnknownFields } from '../../apiextensions/structural/index.js';
import type { Schema } from '../../openapi/schema-catalog.js';
import type { ResourceDefinition } from '../resource.js';

/** The schemas a version's objects are read and written through: its own and the storage version's. */
export interface VersionSchemas {
  served: Schema;
  stored: Schema;
}

/**
 * Objects are stored in the storage version (crdConversionRESTOptionsGetter's codec). A write
 * through another version is pruned by the storage version's schema as it is converted; a read
 * is pruned and defaulted by the storage version's schema, as decoded, then converted and pruned
 * by the served one. What a schema change left is read as the schemas have it now; without
 * conversion webhooks, converting changes only apiVersion. What is read is unstructured: its keys
 * in Go's map order, as kube-apiserver writes custom resources.
 */
export function storedAsOf(group: string, plural: string, served: string, stored: string, schemas: VersionSchemas): ResourceDefinition['storedAs'] {
  const toStorage = (obj: KubeObject): KubeObject => {
    if (served === stored) return obj;
    const write = deepCopy(obj);
    write.apiVersion = `${group}/${stored}`;
    pruneUnknownFields(schemas.stored, write);
    return write;
  };
  const fromStorage = (obj: KubeObject): KubeObject => {
    const read = deepCopy(obj);
    pruneUnknownFields(schemas.stored, read);
    applySchemaDefaults(schemas.stored, read);
    if (served !== stored) {
      read.apiVersion = `${group}/${served}`;
      pruneUnknownFields(schemas.served, read);
    }
    return withSortedKeys(read);
  };
  return { group, plural, toStorage, fromStorage };
}
