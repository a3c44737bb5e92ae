import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { StatusError } from '../../../../src/api/errors.js';
import { SchemaCatalog } from '../../../../src/openapi/schema-catalog.js';
import { ObjectSchemas, type FieldValidation } from '../../../../src/validation/schema/object-schemas.js';
import type { GroupVersionKind } from '../../../../src/registry/resource.js';

const POD: GroupVersionKind = { group: '', version: 'v1', kind: 'Pod' };
const DEPLOYMENT: GroupVersionKind = { group: 'apps', version: 'v1', kind: 'Deployment' };
const SECRET: GroupVersionKind = { group: '', version: 'v1', kind: 'Secret' };
const QUANTITY_MSG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

let schemas: ObjectSchemas;
before(async () => {
  schemas = ObjectSchemas.load(await SchemaCatalog.load(join(import.meta.dirname, '..', '..', '..', '..', 'openapi')));
});

function deployment(): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', creationTimestamp: null, labelz: { a: 'b' } },
    spec: {
      replicass: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx', imagee: 'x', resources: { limits: { cpu: '500m' } } }] },
      },
    },
  };
}

/** The 400 a check throws, as [code, reason, message]. */
function refusal(gvk: GroupVersionKind, body: unknown, mode: FieldValidation = 'Strict'): [number, string | undefined, string] {
  try {
    schemas.check(gvk, body, mode);
  } catch (err) {
    assert.ok(err instanceof StatusError);
    return [err.code, err.reason, err.status.message ?? ''];
  }
  assert.fail('expected the check to throw');
}

describe('ObjectSchemas.check: unknown fields', () => {
  it('Strict refuses every unknown field in one strict decoding error, in document order', () => {
    assert.deepEqual(refusal(DEPLOYMENT, deployment()), [
      400,
      'BadRequest',
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "metadata.labelz", unknown field "spec.replicass", unknown field "spec.template.spec.containers[0].imagee"',
    ]);
  });

  it('Strict with one unknown field', () => {
    const body = { metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'b' }], restartPolicyy: 'Never' } };
    assert.equal(refusal(POD, body)[2], 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.restartPolicyy"');
  });

  it('Warn drops them and returns one warning each', () => {
    const { object, warnings } = schemas.check(DEPLOYMENT, deployment(), 'Warn');
    assert.deepEqual(warnings, ['unknown field "metadata.labelz"', 'unknown field "spec.replicass"', 'unknown field "spec.template.spec.containers[0].imagee"']);
    assert.deepEqual(object.metadata, { name: 'web' });
    const spec = object.spec as { replicass?: number; template: { spec: { containers: Record<string, unknown>[] } } };
    assert.equal(spec.replicass, undefined);
    assert.deepEqual(spec.template.spec.containers[0], { name: 'web', image: 'nginx', resources: { limits: { cpu: '500m' } } });
  });

  it('Ignore drops them silently', () => {
    const { object, warnings } = schemas.check(DEPLOYMENT, deployment(), 'Ignore');
    assert.deepEqual(warnings, []);
    assert.equal((object.spec as Record<string, unknown>).replicass, undefined);
  });

  it('maps and preserve-unknown-fields types keep their keys', () => {
    const body = { metadata: { name: 'r', labels: { anything: 'x' }, managedFields: [{ manager: 'm', fieldsV1: { 'f:metadata': {} } }] }, data: { any: 'eA==' } };
    assert.deepEqual(schemas.check(SECRET, body, 'Strict').warnings, []);
    const revision = { metadata: { name: 'r' }, revision: 1, data: { spec: { whatever: true } } };
    assert.deepEqual(schemas.check({ group: 'apps', version: 'v1', kind: 'ControllerRevision' }, revision, 'Strict').object.data, { spec: { whatever: true } });
  });
});

describe('ObjectSchemas.check: nulls and valid bodies', () => {
  it('drops null fields (kubectl sends creationTimestamp: null) without touching the input', () => {
    const body = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', creationTimestamp: null }, spec: { containers: [{ name: 'a', image: 'b', resources: {} }], nodeName: null }, status: {} };
    const { object, warnings } = schemas.check(POD, body, 'Strict');
    assert.deepEqual(warnings, []);
    assert.deepEqual(object, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'b', resources: {} }] }, status: {} });
    assert.equal(body.metadata.creationTimestamp, null);
  });

  it('IntOrString and Quantity accept both forms', () => {
    const body = deployment();
    const spec = body.spec as Record<string, unknown>;
    delete spec.replicass;
    delete (body.metadata as Record<string, unknown>).labelz;
    spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } };
    const container = { name: 'web', image: 'nginx', resources: { limits: { cpu: 1, memory: '128Mi' }, requests: { cpu: 0.5 } }, ports: [{ containerPort: 80 }] };
    (spec.template as { spec: unknown }).spec = { containers: [container] };
    assert.deepEqual(schemas.check(DEPLOYMENT, body, 'Strict').warnings, []);
  });

  it('a kind the catalog does not know passes as it is', () => {
    const body = { metadata: { name: 'x' }, spec: { anything: 1 } };
    assert.deepEqual(schemas.check({ group: 'example.com', version: 'v1', kind: 'Widget' }, body, 'Strict').object, body);
  });
});

describe('ObjectSchemas.check: values of the wrong type are decode errors', () => {
  const cases: [string, GroupVersionKind, unknown, string][] = [
    ['string for int32', DEPLOYMENT, { metadata: { name: 'd' }, spec: { replicas: 'two' } }, 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['fraction for int32', DEPLOYMENT, { metadata: { name: 'd' }, spec: { replicas: 1.5 } }, 'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['int32 overflow', DEPLOYMENT, { metadata: { name: 'd' }, spec: { replicas: 3000000000 } }, 'json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32'],
    ['number as a label value', DEPLOYMENT, { metadata: { name: 'd', labels: { a: 1 } } }, 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
    ['field path skips indexes', DEPLOYMENT, { metadata: { name: 'd' }, spec: { template: { spec: { containers: [{ ports: [{ containerPort: '80' }] }] } } } }, 'json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32'],
    ['struct given a string', POD, { metadata: { name: 'p' }, spec: 'x' }, 'json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec'],
    ['slice given an object', POD, { metadata: { name: 'p' }, spec: { containers: {} } }, 'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container'],
    ['bool given a string', POD, { metadata: { name: 'p' }, spec: { hostNetwork: 'yes' } }, 'json: cannot unmarshal string into Go struct field PodSpec.spec.hostNetwork of type bool'],
    ['bytes given a number', SECRET, { metadata: { name: 's' }, data: { a: 5 } }, 'json: cannot unmarshal number into Go struct field Secret.data of type []uint8'],
    ['IntOrString given a bool', DEPLOYMENT, { metadata: { name: 'd' }, spec: { strategy: { rollingUpdate: { maxSurge: true } } } }, 'json: cannot unmarshal bool into Go value of type int32'],
    ['bad quantity', POD, { metadata: { name: 'p' }, spec: { containers: [{ resources: { limits: { cpu: 'lots' } } }] } }, QUANTITY_MSG],
    ['quantity with an unknown suffix', POD, { metadata: { name: 'p' }, spec: { overhead: { cpu: '1mm' } } }, "unable to parse quantity's suffix"],
    ['time given a number', POD, { metadata: { name: 'p', deletionTimestamp: 5 } }, 'json: cannot unmarshal number into Go value of type string'],
  ];
  for (const [name, gvk, body, reason] of cases) {
    it(name, () => {
      assert.deepEqual(refusal(gvk, body), [400, 'BadRequest', `${gvk.kind} in version "v1" cannot be handled as a ${gvk.kind}: ${reason}`]);
    });
  }

  it('the first mismatch in the document wins, over unknown fields and in every mode', () => {
    const body = { metadata: { name: 'd' }, spec: { paused: 'no', replicas: 'x', bogus: 1 } };
    for (const mode of ['Strict', 'Warn', 'Ignore'] as const) {
      assert.equal(refusal(DEPLOYMENT, body, mode)[2], 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool');
    }
  });

  it('an error of a type with its own UnmarshalJSON stops decoding and wins over an earlier mismatch', () => {
    const body = { metadata: { name: 'd' }, spec: { replicas: 'x', strategy: { rollingUpdate: { maxSurge: 1.5 } } } };
    assert.equal(refusal(DEPLOYMENT, body)[2], 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 1.5 into Go value of type int32');
  });
});
