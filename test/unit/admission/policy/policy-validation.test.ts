// ValidatingAdmissionPolicy and its binding through their stores: defaults, generation and the
// main validation rules.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StatusError } from '../../../../src/api/errors.js';
import type { KubeObject } from '../../../../src/api/types.js';
import { fixture, type Fixture } from '../webhooks/fixtures.js';

type Json = Record<string, unknown>;
const GROUP = 'admissionregistration.k8s.io';
const rules = { resourceRules: [{ operations: ['CREATE'], apiGroups: ['apps'], apiVersions: ['v1'], resources: ['deployments'] }] };

describe('ValidatingAdmissionPolicy and binding validation', () => {
  let f: Fixture;
  let n = 0;
  const create = (plural: string, spec: Json): Promise<KubeObject> => f.create(GROUP, plural, { metadata: { name: `x${++n}` }, spec });
  const invalid = async (plural: string, spec: Json): Promise<string> => {
    try {
      await create(plural, spec);
    } catch (err) {
      assert.ok(err instanceof StatusError);
      assert.equal(err.code, 422);
      return err.message;
    }
    assert.fail('expected Invalid');
  };
  before(async () => {
    f = await fixture();
  });
  after(() => f.close());

  it('defaults failurePolicy and the match resources', async () => {
    const p = (await create('validatingadmissionpolicies', { matchConstraints: rules, validations: [{ expression: 'true' }] })) as KubeObject & { spec: Json };
    assert.equal(p.spec.failurePolicy, 'Fail');
    assert.deepEqual(p.spec.matchConstraints, { ...rules, resourceRules: [{ ...rules.resourceRules[0], scope: '*' }], namespaceSelector: {}, objectSelector: {}, matchPolicy: 'Equivalent' });
    assert.equal(p.metadata.generation, 1);
  });

  it('requires validations and match constraints, and compiles expressions', async () => {
    assert.match(await invalid('validatingadmissionpolicies', {}), /spec\.matchConstraints: Required value/);
    assert.match(await invalid('validatingadmissionpolicies', { matchConstraints: rules }), /spec\.validations: Required value: validations or auditAnnotations must contain at least one item/);
    assert.match(await invalid('validatingadmissionpolicies', { matchConstraints: rules, validations: [{ expression: '' }] }), /spec\.validations\[0\]\.expression: Required value: expression is not specified/);
    assert.match(await invalid('validatingadmissionpolicies', { matchConstraints: rules, validations: [{ expression: 'object.spec.replicas >' }] }), /spec\.validations\[0\]\.expression: Invalid value: "object.spec.replicas >": compilation failed/);
    assert.match(await invalid('validatingadmissionpolicies', { matchConstraints: rules, validations: [{ expression: 'true', reason: 'Nope' }] }), /spec\.validations\[0\]\.reason: Unsupported value: "Nope"/);
  });

  it('checks binding actions and paramRef', async () => {
    assert.match(await invalid('validatingadmissionpolicybindings', { policyName: 'p' }), /spec\.validationActions: Required value: at least one validation action is required/);
    assert.match(await invalid('validatingadmissionpolicybindings', { policyName: 'p', validationActions: ['Deny', 'Warn'] }), /must not contain both Deny and Warn/);
    assert.match(await invalid('validatingadmissionpolicybindings', { validationActions: ['Deny'] }), /spec\.policyName: Required value/);
    assert.match(await invalid('validatingadmissionpolicybindings', { policyName: 'p', validationActions: ['Deny'], paramRef: { name: 'x' } }), /spec\.paramRef\.parameterNotFoundAction: Required value/);
  });
});
