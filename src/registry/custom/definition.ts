// A CustomResourceDefinition's served versions as the declarations the generic store serves
// (apiextensions-apiserver's crdHandler and pkg/registry/customresource): names from the accepted
// names, the version's schema for decoding (pruning, unknown fields), defaults, validation and
// merge semantics, its printer columns, selectable fields and subresources.
import { createHash } from 'node:crypto';
import { newBadRequest } from '../../api/errors.js';
import { deepCopy, type KubeObject } from '../../api/types.js';
import { applySchemaDefaults, coerceEmbeddedObjectMeta, coerceObjectMeta, pruneUnknownFields } from '../../apiextensions/structural/index.js';
import type { Schema } from '../../openapi/schema-catalog.js';
import { patchMetaFromSchema } from '../../patch/patch-meta.js';
import type { FieldValidation, SchemaCheck } from '../../validation/schema/object-schemas.js';
import { SUBRESOURCE_VERBS, type Verb, type DeclaredSchema, type ResourceDefinition, type SubresourceDefinition } from '../resource.js';
import { scalePathsOf, strategyOf } from './strategy.js';
import { storedAsOf } from './stored-versions.js';
import { customResourceTable, type PrinterColumn } from './printer-columns.js';
import type { CustomResourceDefinition, CustomResourceDefinitionVersion } from '../apiextensions/types.js';
import { customFieldSelection } from './selectable-fields.js';
import { compareVersions } from '../../discovery/group-order.js';

const SCALE_KIND = { group: 'autoscaling', version: 'v1', kind: 'Scale' };
/** The verbs in the order the CRD discovery controller lists them. */
const CUSTOM_RESOURCE_VERBS: readonly Verb[] = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'];
/** What it lists while the CRD terminates. */
const TERMINATING_VERBS: readonly Verb[] = ['delete', 'deletecollection', 'get', 'list', 'watch'];
/** A custom resource's status write keeps the live object whole but its status (status_strategy.go). */
const STATUS_KEEPS_METADATA = ['generateName', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'deletionTimestamp', 'deletionGracePeriodSeconds'];

/** discovery.StorageVersionHash: the first 8 bytes of SHA-256 over `<group>/<version>/<kind>`. */
function storageVersionHash(group: string, version: string, kind: string): string {
  return createHash('sha256').update(`${group}/${version}/${kind}`).digest().subarray(0, 8).toString('base64');
}

function decoder(kind: string, version: string, schema: Schema): DeclaredSchema['decode'] {
  return (body: KubeObject, mode: FieldValidation, duplicates: readonly string[]): SchemaCheck => {
    const object = deepCopy(body);
    // ObjectMeta is decoded as Go decodes it (wrong types refused), then the rest is pruned.
    const unknown = [
      ...coerceObjectMeta(object, kind, version).unknown,
      ...pruneUnknownFields(schema, object),
      ...coerceEmbeddedObjectMeta(object, schema, kind, version).unknown,
    ];
    const messages = [...duplicates.map((path) => `duplicate field "${path}"`), ...unknown.map((path) => `unknown field "${path}"`)];
    if (mode === 'Strict' && messages.length) {
      throw newBadRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: strict decoding error: ${messages.join(', ')}`);
    }
    return { object, warnings: mode === 'Warn' ? messages : [] };
  };
}

function subresourcesOf(version: CustomResourceDefinitionVersion): SubresourceDefinition[] {
  const subs: SubresourceDefinition[] = [];
  if (version.subresources?.status) subs.push({ name: 'status', verbs: SUBRESOURCE_VERBS, keepsMetadata: STATUS_KEEPS_METADATA });
  const scalePaths = scalePathsOf(version);
  if (scalePaths) subs.push({ name: 'scale', verbs: SUBRESOURCE_VERBS, responseKind: SCALE_KIND, scalePaths });
  return subs;
}

/**
 * The Warning requests to a deprecated version get: its own deprecationWarning, or
 * `<group>/<version> <Kind> is deprecated`, naming the newest served version that is newer and
 * not deprecated, if any (customresource_handler.go).
 */
function deprecationWarningOf(group: string, kind: string, version: CustomResourceDefinitionVersion, versions: readonly CustomResourceDefinitionVersion[]): string | undefined {
  if (!version.deprecated) return undefined;
  if (version.deprecationWarning !== undefined) return version.deprecationWarning || undefined;
  const deprecated = version.name ?? '';
  const message = `${group}/${deprecated} ${kind} is deprecated`;
  const newer = versions
    .filter((v) => v.served && !v.deprecated && compareVersions(v.name ?? '', deprecated) < 0)
    .map((v) => v.name ?? '')
    .sort(compareVersions);
  return newer.length ? `${message}; use ${group}/${newer[0]} ${kind}` : message;
}

/** The version's printer columns and selectable fields, as validation left them (all set). */
function printerColumnsOf(version: CustomResourceDefinitionVersion): PrinterColumn[] {
  return (version.additionalPrinterColumns ?? []).map((c) => ({ ...c, name: c.name ?? '', type: c.type ?? '', jsonPath: c.jsonPath ?? '' }));
}

const PRESERVE_ALL: Schema = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };

function schemaOf(version: CustomResourceDefinitionVersion | undefined): Schema {
  return version?.schema?.openAPIV3Schema ?? PRESERVE_ALL;
}

/** A version of the CRD as the generic store serves it. */
function definitionOf(crd: CustomResourceDefinition, version: CustomResourceDefinitionVersion, terminating: () => boolean): ResourceDefinition {
  const group = crd.spec?.group ?? '';
  const versions = crd.spec?.versions ?? [];
  const names = crd.status?.acceptedNames ?? crd.spec?.names ?? {};
  const kind = names.kind ?? '';
  const plural = names.plural ?? '';
  const storageVersion = versions.find((v) => v.storage);
  const storage = storageVersion?.name ?? '';
  const namespaced = crd.spec?.scope === 'Namespaced';
  const name = version.name ?? '';
  const schema = schemaOf(version);
  return {
    group,
    version: name,
    kind,
    plural,
    singular: names.singular || kind.toLowerCase(),
    namespaced,
    shortNames: names.shortNames,
    categories: names.categories,
    verbs: CUSTOM_RESOURCE_VERBS,
    discoveryVerbs: () => (terminating() ? TERMINATING_VERBS : CUSTOM_RESOURCE_VERBS),
    subresources: subresourcesOf(version),
    storageVersionHash: storageVersionHash(group, storage, kind),
    strategy: strategyOf(crd, version, schema, terminating),
    fieldSelection: customFieldSelection(namespaced, (version.selectableFields ?? []).map((f) => ({ jsonPath: f.jsonPath ?? '' }))),
    table: customResourceTable(printerColumnsOf(version)),
    storedAs: storedAsOf(group, plural, name, storage, { served: schema, stored: schemaOf(storageVersion) }),
    storagePrefix: `/registry/${group}/${plural}/`,
    listKind: names.listKind || `${kind}List`,
    deprecationWarning: deprecationWarningOf(group, kind, version, versions),
    declaredSchema: {
      decode: decoder(kind, name, schema),
      applyDefaults: (obj) => applySchemaDefaults(schema, obj),
      patchMeta: patchMetaFromSchema(schema),
    },
  };
}

/**
 * The declarations of the CRD's served versions, under its accepted names (the caller decides
 * when the CRD is to be served: once its names are accepted). `terminating` tells whether the CRD
 * is being deleted now (its Terminating condition), when creates are refused and discovery lists
 * fewer verbs.
 */
export function customResourceDefinitions(crd: CustomResourceDefinition, terminating: () => boolean): ResourceDefinition[] {
  return (crd.spec?.versions ?? []).filter((v) => v.served).map((v) => definitionOf(crd, v, terminating));
}

/**
 * The storage version, served or not: where the CRD's objects are whatever versions are served
 * (what its cleanup deletes through).
 */
export function storageVersionDefinition(crd: CustomResourceDefinition): ResourceDefinition | undefined {
  const storage = crd.spec?.versions?.find((v) => v.storage);
  return storage && definitionOf(crd, storage, () => true);
}
