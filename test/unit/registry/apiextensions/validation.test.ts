import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FieldError } from '../../../../src/api/field-errors.js';
import type { Schema } from '../../../../src/openapi/schema-catalog.js';
import type { CustomResourceDefinition } from '../../../../src/registry/apiextensions/types.js';
import {
  validateCustomResourceDefinition,
  validateCustomResourceDefinitionStatusUpdate,
  validateCustomResourceDefinitionUpdate,
} from '../../../../src/registry/apiextensions/validation.js';
import { crd, SCHEMA, strings } from './fixtures.js';

const none = (): FieldError[] => [];
const create = (c: CustomResourceDefinition): string[] => strings(validateCustomResourceDefinition(c, none));
const update = (c: CustomResourceDefinition, old: CustomResourceDefinition): string[] => strings(validateCustomResourceDefinitionUpdate(c, old, none));
const DNS1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

test('a valid CRD has no errors', () => {
  assert.deepEqual(create(crd()), []);
});

test('metadata.name must be <plural>.<group>', () => {
  assert.deepEqual(create(crd((c) => (c.metadata.name = 'gadgets.example.com'))), [
    'metadata.name: Invalid value: "gadgets.example.com": must be spec.names.plural+"."+spec.group',
  ]);
});

test('group: required, a DNS subdomain, with a dot', () => {
  assert.ok(create(crd((c) => (c.spec!.group = ''))).includes('spec.group: Required value'));
  assert.ok(create(crd((c) => (c.spec!.group = 'example'))).includes('spec.group: Invalid value: "example": should be a domain with at least one dot'));
  assert.ok(create(crd((c) => (c.spec!.group = 'Ex.com'))).some((e) => e.startsWith('spec.group: Invalid value: "Ex.com": a lowercase RFC 1123 subdomain')));
});

test('scope: required, Cluster or Namespaced', () => {
  assert.deepEqual(create(crd((c) => (c.spec!.scope = ''))), ['spec.scope: Required value']);
  assert.deepEqual(create(crd((c) => (c.spec!.scope = 'Global'))), ['spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"']);
});

test('schemas are required in v1', () => {
  assert.deepEqual(create(crd((c) => delete c.spec!.versions![0].schema)), ['spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required']);
});

test('versions: exactly one storage version, unique DNS-1035 names', () => {
  const errs = create(crd((c) => (c.spec!.versions![0].storage = false)));
  assert.equal(errs.length, 2);
  assert.match(errs[0], /^spec\.versions: Invalid value: \[\]apiextensions\.CustomResourceDefinitionVersion\{apiextensions\.CustomResourceDefinitionVersion\{Name:"v1", Served:true, Storage:false, Deprecated:false, DeprecationWarning:\(\*string\)\(nil\), Schema:\(\*apiextensions\.CustomResourceValidation\)\(nil\), Subresources:\(\*apiextensions\.CustomResourceSubresources\)\(nil\), AdditionalPrinterColumns:\[\]apiextensions\.CustomResourceColumnDefinition\(nil\), SelectableFields:\[\]apiextensions\.SelectableField\(nil\)\}\}: must have exactly one version marked as storage version$/);
  // Without a storage version, defaulting records no stored version either.
  assert.equal(errs[1], 'status.storedVersions: Invalid value: []string(nil): must have at least one stored version');
  const dup = create(crd((c) => c.spec!.versions!.push({ name: 'v1', served: true, storage: false, schema: { openAPIV3Schema: { type: 'object' } } })));
  assert.ok(dup.some((e) => /^spec\.versions: Invalid value: .*: must contain unique version names$/.test(e)));
  assert.deepEqual(create(crd((c) => (c.spec!.versions![0].name = 'V1'))).slice(0, 2), [
    `spec.versions[0].name: Invalid value: "V1": ${DNS1035}`,
    `spec.version: Invalid value: "V1": ${DNS1035}`,
  ]);
});

test('names: required, DNS-1035 labels, kind and listKind differ', () => {
  assert.deepEqual(create(crd((c) => (c.spec!.names = { plural: 'widgets', kind: 'Widget', listKind: 'Widget', shortNames: ['W'], categories: ['all'] }))), [
    `spec.names.shortNames[0]: Invalid value: "W": ${DNS1035}`,
    'spec.names.listKind: Invalid value: "Widget": kind and listKind may not be the same',
  ]);
  assert.deepEqual(create(crd((c) => (c.spec!.names = { plural: 'widgets', kind: 'Wid_get' }))), [
    `spec.names.singular: Invalid value: "wid_get": ${DNS1035}`,
    `spec.names.kind: Invalid value: "Wid_get": may have mixed case, but should otherwise match: ${DNS1035}`,
    `spec.names.listKind: Invalid value: "Wid_getList": may have mixed case, but should otherwise match: ${DNS1035}`,
  ]);
  const noKind = create(crd((c) => (c.spec!.names = { plural: 'widgets' })));
  assert.deepEqual(noKind, ['spec.names.singular: Required value', 'spec.names.kind: Required value', 'spec.names.listKind: Required value']);
});

test('subresources: scale paths under .spec and .status', () => {
  const errs = create(crd((c) => (c.spec!.versions![0].subresources = { scale: { specReplicasPath: '.status.replicas', statusReplicasPath: 'status.replicas', labelSelectorPath: '.metadata.x' } })));
  assert.deepEqual(errs, [
    'spec.subresources.scale.specReplicasPath: Invalid value: ".status.replicas": should be a json path under .spec',
    'spec.subresources.scale.statusReplicasPath: Invalid value: "status.replicas": must be a simple json path starting with .',
    'spec.subresources.scale.labelSelectorPath: Invalid value: ".metadata.x": should be a json path under either .spec or .status',
  ]);
  assert.deepEqual(create(crd((c) => (c.spec!.versions![0].subresources = { scale: {} }))), [
    'spec.subresources.scale.specReplicasPath: Required value',
    'spec.subresources.scale.statusReplicasPath: Required value',
  ]);
});

test('additionalPrinterColumns: name, type, format, jsonPath', () => {
  const errs = create(crd((c) => (c.spec!.versions![0].additionalPrinterColumns = [{ type: 'float', format: 'uuid', jsonPath: 'spec.x' }, { name: 'A' }])));
  assert.deepEqual(errs, [
    'spec.additionalPrinterColumns[0].name: Required value',
    'spec.additionalPrinterColumns[0].type: Invalid value: "float": must be one of boolean,date,integer,number,string',
    'spec.additionalPrinterColumns[0].format: Invalid value: "uuid": must be one of byte,date,date-time,double,float,int32,int64,password',
    'spec.additionalPrinterColumns[0].JSONPath: Invalid value: "spec.x": must be a simple json path starting with .',
    'spec.additionalPrinterColumns[1].type: Required value: must be one of boolean,date,integer,number,string',
    'spec.additionalPrinterColumns[1].JSONPath: Required value',
  ]);
});

test('per-version fields stay per version when versions differ', () => {
  const errs = create(
    crd((c) => {
      c.spec!.versions!.push({ name: 'v2', served: true, storage: false, schema: { openAPIV3Schema: { type: 'object' } }, additionalPrinterColumns: [{ name: 'A', type: 'string', jsonPath: 'x' }] });
    }),
  );
  assert.deepEqual(errs, ['spec.versions[1].additionalPrinterColumns[0].JSONPath: Invalid value: "x": must be a simple json path starting with .']);
});

test('the structural check gets each schema at its path (collapsed to spec.validation when alike)', () => {
  const seen: string[] = [];
  const record = (_s: Schema, path: string): FieldError[] => (seen.push(path), []);
  validateCustomResourceDefinition(crd(), record);
  assert.deepEqual(seen, ['spec.validation.openAPIV3Schema']);
  seen.length = 0;
  validateCustomResourceDefinition(crd((c) => c.spec!.versions!.push({ name: 'v2', served: true, storage: false, schema: { openAPIV3Schema: { type: 'object' } } })), record);
  assert.deepEqual(seen, ['spec.versions[0].schema.openAPIV3Schema', 'spec.versions[1].schema.openAPIV3Schema']);
});

test('the schema root under a status subresource, and nullable', () => {
  const withStatus = (schema: Schema) =>
    create(crd((c) => Object.assign(c.spec!.versions![0], { subresources: { status: {} }, schema: { openAPIV3Schema: schema } })));
  assert.deepEqual(withStatus({ type: 'array' }), ['spec.validation.openAPIV3Schema.type: Invalid value: "array": only "object" is allowed as the type at the root of the schema if the status subresource is enabled']);
  const [err] = withStatus({ type: 'object', anyOf: [{ required: ['a'] }] });
  assert.match(err, /^spec\.validation\.openAPIV3Schema: Invalid value: .*: only \[Description Type Format Title .* XValidations\] fields are allowed at the root of the schema if the status subresource is enabled$/);
  assert.deepEqual(create(crd((c) => (c.spec!.versions![0].schema = { openAPIV3Schema: { type: 'object', nullable: true } }))), [
    'spec.validation.openAPIV3Schema.nullable: Forbidden: nullable cannot be true at the root',
  ]);
});

test('deprecationWarning only on deprecated versions, printable, at most 256 bytes', () => {
  assert.deepEqual(create(crd((c) => (c.spec!.versions![0].deprecationWarning = 'old'))), ['spec.versions[0].deprecationWarning: Invalid value: "old": can only be set for deprecated versions']);
  assert.deepEqual(create(crd((c) => Object.assign(c.spec!.versions![0], { deprecated: true, deprecationWarning: 'a\tb' }))), [
    'spec.versions[0].deprecationWarning: Invalid value: "a\\tb": must only contain printable UTF-8 characters; non-printable character found at index 1',
  ]);
  assert.deepEqual(create(crd((c) => Object.assign(c.spec!.versions![0], { deprecated: true, deprecationWarning: 'x'.repeat(257) }))).map((e) => e.replace(/"x+"/, '"…"')), [
    'spec.versions[0].deprecationWarning: Invalid value: "…": must be <= 256 characters long',
  ]);
});

test('selectableFields: paths into the schema to scalars, not metadata, no duplicates', () => {
  const errs = create(crd((c) => (c.spec!.versions![0].selectableFields = [{ jsonPath: '.spec.color' }, { jsonPath: '.spec' }, { jsonPath: '.spec.size' }, { jsonPath: 'spec.color' }, { jsonPath: '.spec.color' }, { jsonPath: '' }, { jsonPath: '.metadata' }])));
  assert.deepEqual(errs, [
    'spec.selectableFields[1].jsonPath: Invalid value: ".spec": must point to a field of type string, boolean or integer. Enum string fields and strings with formats are allowed.',
    'spec.selectableFields[2].jsonPath: Invalid value: ".spec.size": is an invalid path: does not refer to a valid field',
    'spec.selectableFields[3].jsonPath: Invalid value: "spec.color": is an invalid path: expected [ or . but got: spec',
    'spec.selectableFields[4].jsonPath: Duplicate value: ".spec.color"',
    'spec.selectableFields[5].jsonPath: Required value',
    'spec.selectableFields[6].jsonPath: Invalid value: ".metadata": is an invalid path: does not refer to a valid field',
  ]);
  const many = validateCustomResourceDefinition(
    crd((c) => {
      const props = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`f${i}`, { type: 'string' }]));
      c.spec!.versions![0].schema = { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: props } } } };
      c.spec!.versions![0].selectableFields = Object.keys(props).map((k) => ({ jsonPath: `.spec.${k}` }));
    }),
    none,
  );
  assert.deepEqual(many, [{ type: 'FieldValueTooMany', field: 'spec.selectableFields', value: 9, detail: 'must have at most 8 items' }]);
});

test('conversion: strategy, webhook client config, review versions', () => {
  assert.deepEqual(create(crd((c) => (c.spec!.conversion = { strategy: 'Magic' }))), ['spec.conversion.strategy: Unsupported value: "Magic": supported values: "None", "Webhook"']);
  assert.deepEqual(create(crd((c) => (c.spec!.conversion = { strategy: 'Webhook' }))), [
    'spec.conversion.webhookClientConfig: Required value: required when strategy is set to Webhook',
    'spec.conversion.conversionReviewVersions: Required value',
  ]);
  assert.deepEqual(create(crd((c) => (c.spec!.conversion = { strategy: 'Webhook', webhook: { clientConfig: { url: 'http://u:p@h/x?q=1#f' }, conversionReviewVersions: ['v2', 'v2'] } }))), [
    'spec.conversion.webhookClientConfig.url: Invalid value: "http": \'https\' is the only allowed URL scheme; desired format: https://host[/path]',
    'spec.conversion.webhookClientConfig.url: Invalid value: "u:p": user information is not permitted in the URL',
    'spec.conversion.webhookClientConfig.url: Invalid value: "f": fragments are not permitted in the URL',
    'spec.conversion.webhookClientConfig.url: Invalid value: "q=1": query parameters are not permitted in the URL',
    'spec.conversion.conversionReviewVersions[1]: Invalid value: "v2": duplicate version',
    'spec.conversion.conversionReviewVersions: Invalid value: []string{"v2", "v2"}: must include at least one of v1, v1beta1',
  ]);
  // Kubernetes passes the service's name and namespace to ValidateWebhookService crossed.
  assert.deepEqual(create(crd((c) => (c.spec!.conversion = { strategy: 'Webhook', webhook: { clientConfig: { service: { namespace: 'ns', path: 'x' } }, conversionReviewVersions: ['v1'] } }))), [
    'spec.conversion.webhookClientConfig.service.namespace: Required value: service namespace is required',
    'spec.conversion.webhookClientConfig.service.path: Invalid value: "x": must start with a \'/\'',
    // Go checks the segments of the path less its first character, whatever that was.
    'spec.conversion.webhookClientConfig.service.path: Invalid value: "x": segment[0] may not be empty',
  ]);
  assert.deepEqual(create(crd((c) => (c.spec!.conversion = { strategy: 'None', webhook: { conversionReviewVersions: ['v1'] } }))), [
    'spec.conversion.conversionReviewVersions: Forbidden: should not be set when strategy is not set to Webhook',
  ]);
});

test('protected groups need the API approval annotation', () => {
  const k8s = (annotations?: Record<string, string>) =>
    crd((c) => Object.assign(c, { metadata: { name: 'widgets.x.k8s.io', annotations }, spec: { ...c.spec, group: 'x.k8s.io' } }));
  assert.deepEqual(create(k8s()), [
    'metadata.annotations[api-approved.kubernetes.io]: Required value: protected groups must have approval annotation "api-approved.kubernetes.io", see https://github.com/kubernetes/enhancements/pull/1111',
  ]);
  assert.deepEqual(create(k8s({ 'api-approved.kubernetes.io': 'yes' })), [
    'metadata.annotations[api-approved.kubernetes.io]: Invalid value: "yes": protected groups must have approval annotation "api-approved.kubernetes.io" with either a URL or a reason starting with "unapproved", see https://github.com/kubernetes/enhancements/pull/1111',
  ]);
  assert.deepEqual(create(k8s({ 'api-approved.kubernetes.io': 'https://github.com/kubernetes/enhancements/pull/1111' })), []);
  assert.deepEqual(create(k8s({ 'api-approved.kubernetes.io': 'unapproved, testing' })), []);
  assert.deepEqual(update(k8s(), k8s()), []);
});

test('preserveUnknownFields may not become true', () => {
  assert.deepEqual(create(crd((c) => (c.spec!.preserveUnknownFields = true))), [
    'spec.preserveUnknownFields: Invalid value: true: cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead',
  ]);
});

test('storedVersions: at least one, with the storage version, all still in spec.versions', () => {
  // Defaulting fills an empty list with the storage version.
  assert.deepEqual(create(crd((c) => (c.status = { storedVersions: [] }))), []);
  const none = crd();
  none.status = {};
  assert.deepEqual(create(none), ['status.storedVersions: Invalid value: []string(nil): must have at least one stored version']);
  const gone = crd((c) => (c.status = { storedVersions: ['v1beta1', 'v1'] }));
  assert.deepEqual(create(gone), [
    'status.storedVersions[0]: Invalid value: "v1beta1": missing from spec.versions; v1beta1 was previously a storage version, and must remain in spec.versions until a storage migration ensures no data remains persisted in v1beta1 and removes v1beta1 from status.storedVersions',
  ]);
  const missing = crd((c) => (c.status = { storedVersions: ['v2'] }));
  missing.spec!.versions!.push({ name: 'v2', served: true, storage: false, schema: { openAPIV3Schema: SCHEMA } });
  assert.deepEqual(create(missing), ['status.storedVersions: Invalid value: []string{"v2"}: must have the storage version v1']);
});

test('updates: group and plural never change; scope and kind not once established', () => {
  const old = crd();
  assert.deepEqual(update(crd((c) => (c.spec!.group = 'example.org')), old), ['spec.group: Invalid value: "example.org": field is immutable']);
  assert.deepEqual(update(crd((c) => (c.spec!.scope = 'Cluster')), old), []);
  const established = crd((c) => (c.status = { conditions: [{ type: 'Established', status: 'True' }], storedVersions: ['v1'] }));
  assert.deepEqual(update(crd((c) => (c.spec!.scope = 'Cluster')), established), ['spec.scope: Invalid value: "Cluster": field is immutable']);
  assert.deepEqual(update(crd((c) => (c.spec!.names!.kind = 'Gadget')), established), ['spec.names.kind: Invalid value: "Gadget": field is immutable']);
});

test('caBundle: free before the CRD is established, then must load', () => {
  const webhook = (caBundle: string) => (c: CustomResourceDefinition) =>
    (c.spec!.conversion = { strategy: 'Webhook', webhook: { clientConfig: { url: 'https://h/convert', caBundle }, conversionReviewVersions: ['v1'] } });
  const bad = Buffer.from('abc').toString('base64');
  assert.deepEqual(create(crd(webhook(bad))), []);
  const established = crd((c) => {
    webhook('')(c);
    c.status = { conditions: [{ type: 'Established', status: 'True' }], storedVersions: ['v1'] };
  });
  assert.deepEqual(update(crd(webhook(bad)), established), [
    'spec.conversion.webhookClientConfig.caBundle: Invalid value: []byte{0x61, 0x62, 0x63}: unable to load root certificates: unable to parse bytes as PEM block',
  ]);
});

test('status writes check the accepted names', () => {
  const c = crd((x) => (x.status = { acceptedNames: { plural: 'Widgets', kind: 'Widget' }, storedVersions: ['v1'] }));
  assert.deepEqual(strings(validateCustomResourceDefinitionStatusUpdate(c)), [`status.acceptedNames.plural: Invalid value: "Widgets": ${DNS1035}`]);
});
