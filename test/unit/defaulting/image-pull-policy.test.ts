import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPullPolicy } from '../../../src/defaulting/image-pull-policy.js';

describe('defaultPullPolicy (ParseImageName tag)', () => {
  const cases: [unknown, string][] = [
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['docker.io/library/nginx', 'Always'],
    ['localhost:5000/app', 'Always'],
    ['localhost:5000/app:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['registry.k8s.io/pause:3.10', 'IfNotPresent'],
    ['nginx@sha256:' + 'a'.repeat(64), 'IfNotPresent'],
    ['nginx:latest@sha256:' + 'a'.repeat(64), 'Always'],
    ['Nginx', 'IfNotPresent'],
    ['', 'IfNotPresent'],
    [undefined, 'IfNotPresent'],
  ];
  for (const [image, policy] of cases) {
    it(`${String(image) || '""'} → ${policy}`, () => assert.equal(defaultPullPolicy(image), policy));
  }
});
