import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateService, validateServiceUpdate } from '../../../../src/validation/kinds/service.js';
import { validateConfigMap, validateSecret } from '../../../../src/validation/kinds/config-data.js';
import { defaulted, render, set } from './helpers.js';

const SERVICE = { spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } };
const service = (body: Record<string, unknown> = SERVICE) => validateService(defaulted('', 'Service', body));

describe('validateService', () => {
  it('a valid service has no errors', () => {
    assert.deepEqual(render(service()), []);
    assert.deepEqual(render(service({ spec: { type: 'ExternalName', externalName: 'example.com.' } })), []);
    assert.deepEqual(render(service({ spec: { clusterIP: 'None' } })), []);
  });
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['ports required', { spec: { selector: { a: 'b' } } }, ['spec.ports: Required value']],
    ['port out of range', set(SERVICE, 'spec.ports', [{ port: 0 }]), ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive', 'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive']],
    ['names required with several ports', set(SERVICE, 'spec.ports', [{ port: 80 }, { port: 81 }]), ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value']],
    ['duplicate ports', set(SERVICE, 'spec.ports', [{ name: 'a', port: 80 }, { name: 'b', port: 80 }]), ['spec.ports[1]: Duplicate value: {"protocol":"TCP","port":80}']],
    ['bad type', set(SERVICE, 'spec.type', 'Internal'), ['spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    ['nodePort on ClusterIP', set(SERVICE, 'spec.ports', [{ port: 80, nodePort: 30080 }]), ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    ['ExternalName without a name', { spec: { type: 'ExternalName' } }, ['spec.externalName: Required value']],
    ['headless NodePort', { spec: { type: 'NodePort', clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 80 }] } }, ['spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services']],
  ];
  for (const [name, body, expected] of cases) it(name, () => assert.deepEqual(render(service(body)), expected));

  it('the primary cluster IP may not change', () => {
    const old = defaulted('', 'Service', set(SERVICE, 'spec.clusterIPs', ['10.96.0.10']));
    const next = defaulted('', 'Service', set(SERVICE, 'spec.clusterIPs', ['10.96.0.11']));
    assert.deepEqual(render(validateServiceUpdate(next, old)), ['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.11"}: may not change once set']);
    assert.deepEqual(render(validateServiceUpdate(old, old)), []);
  });
});

describe('validateConfigMap and validateSecret', () => {
  const KEY_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
  it('key names', () => {
    assert.deepEqual(render(validateConfigMap(defaulted('', 'ConfigMap', { data: { 'ok.key': 'v', 'bad key': 'v', '..x': 'v' } }))), [
      `data[bad key]: Invalid value: "bad key": ${KEY_MSG}`,
      `data[..x]: Invalid value: "..x": must not start with '..'`,
    ]);
    assert.deepEqual(render(validateSecret(defaulted('', 'Secret', { data: { 'a/b': 'eA==' } }))), [`data[a/b]: Invalid value: "a/b": ${KEY_MSG}`]);
  });
  it('a key in both data and binaryData', () => {
    assert.deepEqual(render(validateConfigMap(defaulted('', 'ConfigMap', { data: { a: 'x' }, binaryData: { a: 'eA==' } }))), ['data[a]: Invalid value: "a": duplicate of key present in binaryData']);
  });
  it('1 MiB at most', () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    assert.deepEqual(render(validateConfigMap(defaulted('', 'ConfigMap', { data: { a: big } }))), ['[]: Too long: may not be more than 1048576 bytes']);
    assert.deepEqual(render(validateSecret(defaulted('', 'Secret', { data: { a: Buffer.from(big).toString('base64') } }))), ['data: Too long: may not be more than 1048576 bytes']);
  });
  it('typed secrets need their keys', () => {
    assert.deepEqual(render(validateSecret(defaulted('', 'Secret', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } }))), ['data[tls.key]: Required value']);
    assert.deepEqual(render(validateSecret(defaulted('', 'Secret', { type: 'kubernetes.io/basic-auth' }))), ['data[username]: Required value', 'data[password]: Required value']);
    assert.deepEqual(render(validateSecret(defaulted('', 'Secret', { type: 'kubernetes.io/service-account-token' }))), ['metadata.annotations[kubernetes.io/service-account.name]: Required value']);
    assert.deepEqual(render(validateSecret(defaulted('', 'Secret', {}))), []);
  });
});
