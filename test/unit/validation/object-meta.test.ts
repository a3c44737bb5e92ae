import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ObjectMeta } from '../../../src/api/types.js';
import { fieldErrorString, type FieldError } from '../../../src/api/field-errors.js';
import { newInvalid } from '../../../src/api/errors.js';
import { validateObjectMeta, validateObjectMetaUpdate, type ObjectMetaOptions } from '../../../src/validation/object-meta.js';

const NAMESPACED: ObjectMetaOptions = { namespaced: true, nameValidation: 'subdomain' };
const CLUSTER: ObjectMetaOptions = { namespaced: false, nameValidation: 'subdomain' };

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const render = (errs: FieldError[]): string[] => errs.map(fieldErrorString);
const create = (meta: ObjectMeta, options = NAMESPACED): string[] => render(validateObjectMeta(meta, options));

describe('validateObjectMeta: name and generateName', () => {
  it('a valid object has no errors', () => {
    assert.deepEqual(create({ name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { 'a.io/b': 'x' } }), []);
  });

  it('name or generateName is required', () => {
    assert.deepEqual(create({ namespace: 'default' }), ['metadata.name: Required value: name or generateName is required']);
  });

  it('the name is checked with the kind’s validator', () => {
    assert.deepEqual(create({ name: 'Web', namespace: 'default' }), [`metadata.name: Invalid value: "Web": ${SUBDOMAIN_MSG}`]);
    assert.deepEqual(create({ name: 'a.b' }, { namespaced: false, nameValidation: 'label' }), [
      'metadata.name: Invalid value: "a.b": must not contain dots',
    ]);
    assert.deepEqual(create({ name: 'system:admin' }, { namespaced: false, nameValidation: 'path-segment' }), []);
    assert.deepEqual(create({ name: 'a/b' }, { namespaced: false, nameValidation: 'path-segment' }), [
      `metadata.name: Invalid value: "a/b": may not contain '/'`,
    ]);
    assert.deepEqual(create({ name: 'a'.repeat(254), namespace: 'ns' }), [
      `metadata.name: Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`,
    ]);
  });

  it('generateName is checked as a prefix, before the name', () => {
    assert.deepEqual(create({ generateName: 'web-', name: 'web-x7k2p', namespace: 'default' }), []);
    assert.deepEqual(create({ generateName: 'Web-', name: 'Web-x7k2p', namespace: 'default' }), [
      `metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN_MSG}`,
      `metadata.name: Invalid value: "Web-x7k2p": ${SUBDOMAIN_MSG}`,
    ]);
    assert.deepEqual(create({ generateName: 'Web-', namespace: 'default' }), [
      `metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN_MSG}`,
      'metadata.name: Required value: name or generateName is required',
    ]);
  });
});

describe('validateObjectMeta: namespace', () => {
  it('namespaced kinds need a DNS-label namespace', () => {
    assert.deepEqual(create({ name: 'a' }), ['metadata.namespace: Required value']);
    assert.deepEqual(create({ name: 'a', namespace: 'My_NS' }), [`metadata.namespace: Invalid value: "My_NS": ${LABEL_MSG}`]);
    assert.deepEqual(create({ name: 'a', namespace: 'a.b' }), ['metadata.namespace: Invalid value: "a.b": must not contain dots']);
  });

  it('cluster-scoped kinds may not have one', () => {
    assert.deepEqual(create({ name: 'a' }, CLUSTER), []);
    assert.deepEqual(create({ name: 'a', namespace: 'default' }, CLUSTER), ['metadata.namespace: Forbidden: not allowed on this type']);
  });
});

describe('validateObjectMeta: labels, annotations, generation', () => {
  it('label keys and values, reported on metadata.labels', () => {
    assert.deepEqual(create({ name: 'a', namespace: 'n', labels: { 'bad key': 'ok', good: 'bad value' } }), [
      `metadata.labels: Invalid value: "bad key": ${NAME_PART_MSG}`,
      `metadata.labels: Invalid value: "bad value": ${LABEL_VALUE_MSG}`,
    ]);
    assert.deepEqual(create({ name: 'a', namespace: 'n', labels: { k: 'v'.repeat(64) } }), [
      `metadata.labels: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`,
    ]);
    assert.deepEqual(create({ name: 'a', namespace: 'n', labels: { k: '' } }), []);
  });

  it('annotation keys ignore case but not format', () => {
    assert.deepEqual(create({ name: 'a', namespace: 'n', annotations: { 'Example.COM/Key': 'anything goes: !@#' } }), []);
    assert.deepEqual(create({ name: 'a', namespace: 'n', annotations: { 'a b': 'x' } }), [
      `metadata.annotations: Invalid value: "a b": ${NAME_PART_MSG}`,
    ]);
  });

  it('annotations may total 256 KiB, keys included', () => {
    const fits = { k: 'x'.repeat(256 * 1024 - 1) };
    assert.deepEqual(create({ name: 'a', namespace: 'n', annotations: fits }), []);
    const over = { k: 'x'.repeat(256 * 1024) };
    assert.deepEqual(create({ name: 'a', namespace: 'n', annotations: over }), [
      'metadata.annotations: Too long: may not be more than 262144 bytes',
    ]);
  });

  it('generation may not be negative', () => {
    assert.deepEqual(create({ name: 'a', namespace: 'n', generation: -1 }), [
      'metadata.generation: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });
});

describe('validateObjectMeta: finalizers, ownerReferences, managedFields', () => {
  it('finalizers are qualified names', () => {
    assert.deepEqual(create({ name: 'a', namespace: 'n', finalizers: ['example.com/cleanup', 'kubernetes'] }), []);
    assert.deepEqual(create({ name: 'a', namespace: 'n', finalizers: ['bad name'] }), [
      `metadata.finalizers: Invalid value: "bad name": ${NAME_PART_MSG}`,
    ]);
  });

  it('orphan and foregroundDeletion exclude each other', () => {
    assert.deepEqual(create({ name: 'a', namespace: 'n', finalizers: ['orphan', 'foregroundDeletion'] }), [
      'metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set',
    ]);
  });

  it('owner references need apiVersion, kind, name and uid', () => {
    const ref = { apiVersion: 'apps/', kind: '', name: '', uid: '' };
    assert.deepEqual(create({ name: 'a', namespace: 'n', ownerReferences: [ref] }), [
      'metadata.ownerReferences.apiVersion: Invalid value: "apps/": version must not be empty',
      'metadata.ownerReferences.kind: Invalid value: "": must not be empty',
      'metadata.ownerReferences.name: Invalid value: "": must not be empty',
      'metadata.ownerReferences.uid: Invalid value: "": must not be empty',
    ]);
    const good = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u1', controller: true };
    assert.deepEqual(create({ name: 'a', namespace: 'n', ownerReferences: [good] }), []);
  });

  it('at most one controller; core Events cannot own', () => {
    const a = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '1', controller: true };
    const b = { apiVersion: 'batch/v1', kind: 'Job', name: 'b', uid: '2', controller: true };
    const errs = validateObjectMeta({ name: 'p', namespace: 'n', ownerReferences: [a, b] }, NAMESPACED);
    assert.equal(errs.length, 1);
    assert.equal(errs[0].field, 'metadata.ownerReferences');
    assert.equal(errs[0].detail, 'Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/a and Job/b');
    const event = { apiVersion: 'v1', kind: 'Event', name: 'e', uid: '3' };
    const eventErrs = validateObjectMeta({ name: 'p', namespace: 'n', ownerReferences: [event] }, NAMESPACED);
    assert.deepEqual(eventErrs.map((e) => e.detail), ['/v1, Kind=Event is disallowed from being an owner']);
  });

  it('managedFields entries', () => {
    const entries = [
      { manager: 'kubectl', operation: 'Apply', fieldsType: 'FieldsV1' },
      { manager: 'bad\u0007', operation: 'Patch', fieldsType: 'FieldsV2' },
    ];
    const errs = validateObjectMeta({ name: 'a', namespace: 'n', managedFields: entries }, NAMESPACED);
    assert.deepEqual(render(errs.slice(0, 2)), [
      'metadata.managedFields[1].operation: Invalid value: "Patch": must be `Apply` or `Update`',
      'metadata.managedFields[1].fieldsType: Invalid value: "FieldsV2": must be `FieldsV1`',
    ]);
    assert.deepEqual(errs.slice(2), [
      { type: 'FieldValueInvalid', field: 'metadata.managedFields[1].manager', value: 'bad\u0007', detail: 'invalid character U+0007 (at position 3)' },
    ]);
    assert.deepEqual(create({ name: 'a', namespace: 'n', managedFields: [{ manager: 'm'.repeat(129), operation: 'Update' }] }), [
      'metadata.managedFields[0].manager: Too long: may not be more than 128 bytes',
    ]);
  });

  it('errors aggregate into the Invalid status kubectl prints', () => {
    const errs = validateObjectMeta({ namespace: 'default', labels: { k: '-' } }, NAMESPACED);
    const status = newInvalid({ group: '', kind: 'ConfigMap' }, '', errs).status;
    assert.equal(
      status.message,
      `ConfigMap "" is invalid: [metadata.name: Required value: name or generateName is required, metadata.labels: Invalid value: "-": ${LABEL_VALUE_MSG}]`,
    );
    assert.deepEqual(status.details?.causes?.[0], {
      reason: 'FieldValueRequired',
      message: 'Required value: name or generateName is required',
      field: 'metadata.name',
    });
  });
});

describe('validateObjectMetaUpdate', () => {
  const old: ObjectMeta = {
    name: 'web',
    namespace: 'default',
    uid: 'u-1',
    resourceVersion: '5',
    generation: 2,
    creationTimestamp: '2025-01-02T03:04:05Z',
    labels: { app: 'web' },
  };
  const update = (meta: ObjectMeta, before: ObjectMeta = old): string[] => render(validateObjectMetaUpdate(meta, before));

  it('an unchanged object passes', () => {
    assert.deepEqual(update({ ...old }), []);
  });

  it('name, namespace, uid and creationTimestamp are immutable', () => {
    assert.deepEqual(update({ ...old, name: 'other', namespace: 'ns2', uid: 'u-2', creationTimestamp: '2026-01-01T00:00:00Z' }), [
      'metadata.name: Invalid value: "other": field is immutable',
      'metadata.namespace: Invalid value: "ns2": field is immutable',
      'metadata.uid: Invalid value: "u-2": field is immutable',
      'metadata.creationTimestamp: Invalid value: "2026-01-01T00:00:00Z": field is immutable',
    ]);
  });

  it('timestamps compare as instants', () => {
    assert.deepEqual(update({ ...old, creationTimestamp: '2025-01-02T04:04:05+01:00' }), []);
  });

  it('deletionTimestamp and deletionGracePeriodSeconds cannot be set by an update', () => {
    assert.deepEqual(update({ ...old, deletionTimestamp: '2025-01-02T03:04:05Z', deletionGracePeriodSeconds: 30 }), [
      'metadata.deletionTimestamp: Invalid value: "2025-01-02T03:04:05Z": field is immutable',
      'metadata.deletionGracePeriodSeconds: Invalid value: 30: field is immutable',
    ]);
    const deleting = { ...old, deletionTimestamp: '2025-01-02T03:04:05Z', deletionGracePeriodSeconds: 0 };
    assert.deepEqual(update({ ...deleting, deletionTimestamp: undefined, deletionGracePeriodSeconds: undefined }, deleting), [
      'metadata.deletionTimestamp: Invalid value: null: field is immutable',
      'metadata.deletionGracePeriodSeconds: Invalid value: null: field is immutable',
    ]);
  });

  it('resourceVersion is required and generation may not go down', () => {
    assert.deepEqual(update({ ...old, resourceVersion: undefined, generation: 1 }), [
      'metadata.resourceVersion: Invalid value: "": must be specified for an update',
      'metadata.generation: Invalid value: 1: must not be decremented',
    ]);
    assert.deepEqual(update({ ...old, generation: 3 }), []);
  });

  it('an object being deleted may not gain finalizers', () => {
    const deleting = { ...old, deletionTimestamp: '2025-01-02T03:04:05Z', finalizers: ['a.io/x'] };
    assert.deepEqual(update({ ...deleting, finalizers: [] }, deleting), []);
    assert.deepEqual(update({ ...deleting, finalizers: ['c.io/z', 'a.io/x', 'b.io/y'] }, deleting), [
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y", "c.io/z"}',
    ]);
    assert.deepEqual(update({ ...old, finalizers: ['new.io/f'] }), [], 'allowed while not deleting');
  });

  it('labels and annotations are validated again', () => {
    assert.deepEqual(update({ ...old, labels: { app: 'a b' }, annotations: { '/x': '' } }), [
      `metadata.labels: Invalid value: "a b": ${LABEL_VALUE_MSG}`,
      'metadata.annotations: Invalid value: "/x": prefix part must be non-empty',
    ]);
  });
});
