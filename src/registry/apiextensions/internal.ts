// The v1 spec in the shape apiextensions validation reads: the internal type that
// Convert_v1_CustomResourceDefinitionSpec_To_apiextensions_CustomResourceDefinitionSpec makes.
// spec.version is the first version's name, and schema, subresources, printer columns and
// selectable fields move to the top when every version has the same. Error paths follow that
// shape, as kube-apiserver's do: a single-version CRD's schema problems are under spec.validation.
import { deepEqual } from '../compare.js';
import type {
  CustomResourceColumnDefinition,
  CustomResourceDefinitionNames,
  CustomResourceDefinitionSpec,
  CustomResourceDefinitionVersion,
  CustomResourceSubresources,
  CustomResourceValidation,
  SelectableField,
  WebhookClientConfig,
} from './types.js';

export interface InternalVersion {
  name: string;
  served: boolean;
  storage: boolean;
  deprecated: boolean;
  deprecationWarning?: string;
  schema?: CustomResourceValidation;
  subresources?: CustomResourceSubresources;
  additionalPrinterColumns?: CustomResourceColumnDefinition[];
  selectableFields?: SelectableField[];
}

export interface InternalConversion {
  strategy: string;
  webhookClientConfig?: WebhookClientConfig;
  conversionReviewVersions?: string[];
}

export interface InternalSpec {
  group: string;
  /** The first version's name; "" without versions. */
  version: string;
  names: CustomResourceDefinitionNames;
  scope: string;
  /** Undefined when the request had none (Go's nil slice), which its rendering tells apart. */
  versions?: InternalVersion[];
  validation?: CustomResourceValidation;
  subresources?: CustomResourceSubresources;
  additionalPrinterColumns?: CustomResourceColumnDefinition[];
  selectableFields?: SelectableField[];
  conversion?: InternalConversion;
  preserveUnknownFields: boolean;
}

type Collapsible = 'schema' | 'subresources' | 'additionalPrinterColumns' | 'selectableFields';

/** Semantic equality: an empty list is the same as none. */
function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): unknown => (Array.isArray(v) && v.length === 0 ? undefined : v);
  return deepEqual(norm(a), norm(b));
}

function toInternalVersion(v: CustomResourceDefinitionVersion): InternalVersion {
  return { ...v, name: v.name ?? '', served: v.served ?? false, storage: v.storage ?? false, deprecated: v.deprecated ?? false };
}

function identical(versions: InternalVersion[], field: Collapsible): boolean {
  return versions.every((v) => same(v[field], versions[0][field]));
}

/** Moves a per-version field to the top when every version has the same value. */
function collapse(spec: InternalSpec, versions: InternalVersion[]): void {
  const schemaIdentical = identical(versions, 'schema');
  const moved: Record<Collapsible, boolean> = {
    subresources: identical(versions, 'subresources'),
    schema: schemaIdentical,
    additionalPrinterColumns: identical(versions, 'additionalPrinterColumns'),
    selectableFields: schemaIdentical && identical(versions, 'selectableFields'),
  };
  const first = versions[0];
  if (moved.subresources) spec.subresources = first.subresources;
  if (moved.schema) spec.validation = first.schema;
  if (moved.additionalPrinterColumns) spec.additionalPrinterColumns = first.additionalPrinterColumns;
  if (moved.selectableFields) spec.selectableFields = first.selectableFields;
  for (const field of Object.keys(moved) as Collapsible[]) if (moved[field]) for (const v of versions) delete v[field];
}

function toInternalConversion(spec: CustomResourceDefinitionSpec): InternalConversion | undefined {
  const conversion = spec.conversion;
  if (!conversion) return undefined;
  const webhook = conversion.webhook;
  return { strategy: conversion.strategy ?? '', webhookClientConfig: webhook?.clientConfig, conversionReviewVersions: webhook?.conversionReviewVersions };
}

export function toInternalSpec(spec: CustomResourceDefinitionSpec | undefined): InternalSpec {
  const v1 = spec ?? {};
  const versions = v1.versions?.map(toInternalVersion);
  const internal: InternalSpec = {
    group: v1.group ?? '',
    version: versions?.[0]?.name ?? '',
    names: v1.names ?? {},
    scope: v1.scope ?? '',
    versions,
    conversion: toInternalConversion(v1),
    preserveUnknownFields: v1.preserveUnknownFields ?? false,
  };
  if (versions?.length) collapse(internal, versions);
  return internal;
}
