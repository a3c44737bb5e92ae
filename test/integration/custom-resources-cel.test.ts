// CRD x-kubernetes-validations rules that call Kubernetes' IP, CIDR and format CEL libraries and
// cel-go's string.format:
// the CRD is accepted, a custom resource the rule holds for is stored, and one it fails for is a
// 422 with Kubernetes' message.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useCluster } from './helpers.js';

const CRD_PATH = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const PATH = '/apis/example.com/v1/namespaces/team/endpoints';

const string = (rule: string): object => ({ type: 'string', 'x-kubernetes-validations': [{ rule }] });

const crd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'endpoints.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { plural: 'endpoints', kind: 'Endpoint' },
    versions: [{
      name: 'v1',
      served: true,
      storage: true,
      schema: {
        openAPIV3Schema: {
          type: 'object',
          properties: {
            spec: {
              type: 'object',
              properties: {
                address: string('isIP(self)'),
                v4: string('ip(self).family() == 4'),
                subnet: string('isCIDR(self) && cidr(self).prefixLength() >= 8'),
                target: {
                  type: 'object',
                  properties: {
                    host: {
                      type: 'string',
                      'x-kubernetes-validations': [{
                        rule: '!format.dns1123Label().validate(self).hasValue()',
                        messageExpression: "format.dns1123Label().validate(self).value().join('; ')",
                      }],
                    },
                    port: { type: 'integer' },
                  },
                  'x-kubernetes-validations': [{ rule: "'%s/%d'.format([self.host, self.port]).size() <= 12", messageExpression: "'%s/%d is too long'.format([self.host, self.port])" }],
                },
              },
            },
          },
        },
      },
    }],
  },
};

const endpoint = (name: string, spec: Record<string, unknown>): object => ({ apiVersion: 'example.com/v1', kind: 'Endpoint', metadata: { name }, spec });

async function until(ready: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('CRD validation rules with the IP and CIDR libraries', () => {
  const { api } = useCluster(['team']);

  it('accepts the CRD, stores a valid resource and refuses an invalid one in Kubernetes words', async () => {
    await api.post(CRD_PATH).send(crd).expect(201);
    await until(async () => (await api.get(PATH)).status === 200, 'endpoints served');

    await api.post(PATH).send(endpoint('good', { address: '2001:db8::1', v4: '10.0.0.1', subnet: '10.0.0.0/8' })).expect(201);

    const bad = await api.post(PATH).send(endpoint('bad', { address: '10.0.0.256', subnet: '10.0.0.0/4' })).expect(422);
    assert.equal(
      bad.body.message,
      'Endpoint.example.com "bad" is invalid: [spec.address: Invalid value: "string": failed rule: isIP(self), spec.subnet: Invalid value: "string": failed rule: isCIDR(self) && cidr(self).prefixLength() >= 8]',
    );
    assert.deepEqual(bad.body.details.causes, [
      { reason: 'FieldValueInvalid', message: 'Invalid value: "string": failed rule: isIP(self)', field: 'spec.address' },
      { reason: 'FieldValueInvalid', message: 'Invalid value: "string": failed rule: isCIDR(self) && cidr(self).prefixLength() >= 8', field: 'spec.subnet' },
    ]);

    const unparsable = await api.post(PATH).send(endpoint('v4', { v4: '010.0.0.1' })).expect(422);
    assert.equal(
      unparsable.body.message,
      'Endpoint.example.com "v4" is invalid: spec.v4: Invalid value: "string": IP Address "010.0.0.1" parse error during conversion from string: ParseAddr("010.0.0.1"): IPv4 field has octet with leading zero evaluating rule: ip(self).family() == 4',
    );
  });

  it('runs format library and string.format rules', async () => {
    await api.post(PATH).send(endpoint('web', { target: { host: 'web', port: 80 } })).expect(201);
    const bad = await api.post(PATH).send(endpoint('bad-target', { target: { host: 'my.website', port: 8080 } })).expect(422);
    assert.deepEqual(bad.body.details.causes, [
      { reason: 'FieldValueInvalid', message: 'Invalid value: "object": my.website/8080 is too long', field: 'spec.target' },
      { reason: 'FieldValueInvalid', message: 'Invalid value: "string": must not contain dots', field: 'spec.target.host' },
    ]);
  });
});
