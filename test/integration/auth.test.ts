// Authentication and authorization through the HTTP API: every authenticator with good and bad
// credentials, 401 and 403 bodies, the review APIs, TokenRequest, impersonation and escalation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import selfsigned from 'selfsigned';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import type { Test } from 'supertest';
import { SignJWT, exportJWK } from 'jose';
import { startKubefake, type RunningKubefake } from '../../src/server/kubefake.js';
import { issueClientCert } from '../../src/certs/index.js';
import { signClientCert } from '../../src/certs/client-cert.js';
import { createCA } from '../../src/certs/cluster-certs.js';

const OIDC_ISSUER = 'https://issuer.example.com';
const oidcKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });

let server: RunningKubefake;
let dir: string;

type Verb = 'get' | 'post' | 'put' | 'delete' | 'patch';
type Client = (verb: Verb, path: string) => Test;

function asCert(certPem: string, keyPem: string): Client {
  return (verb, path) => request(server.url)[verb](path).ca(server.pki.caCertPem).cert(certPem).key(keyPem).timeout(10_000);
}
function asUser(user: string, groups: string[] = []): Client {
  const { certPem, keyPem } = issueClientCert(server.pki, user, groups);
  return asCert(certPem, keyPem);
}
function asToken(token: string): Client {
  return (verb, path) => request(server.url)[verb](path).ca(server.pki.caCertPem).set('Authorization', `Bearer ${token}`).timeout(10_000);
}
const anonymous: Client = (verb, path) => request(server.url)[verb](path).ca(server.pki.caCertPem).timeout(10_000);
let admin: Client;

const UNAUTHORIZED = JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });

async function whoami(client: Client): Promise<{ status: number; user: Record<string, unknown> }> {
  const res = await client('post', '/apis/authentication.k8s.io/v1/selfsubjectreviews').send({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' });
  return { status: res.status, user: res.body?.status?.userInfo };
}

async function created(client: Client, path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await client('post', path).send(body);
  assert.equal(res.status, 201, res.text);
  return res.body as Record<string, unknown>;
}

async function tokenFor(sa: string, spec: Record<string, unknown> = {}): Promise<string> {
  const body = await created(admin, `/api/v1/namespaces/default/serviceaccounts/${sa}/token`, { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec });
  return (body.status as { token: string }).token;
}

function oidcToken(claims: Record<string, unknown>, exp: string | number = '10m'): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer(OIDC_ISSUER).setAudience('kubefake').setIssuedAt().setExpirationTime(exp).sign(oidcKey.privateKey);
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kubefake-auth-'));
  const tokenFile = join(dir, 'tokens.csv');
  await writeFile(tokenFile, 'secret-token,tina,tina-uid,"readers,dev"\nother-token,otto,otto-uid\n');
  const jwksFile = join(dir, 'jwks.json');
  await writeFile(jwksFile, JSON.stringify({ keys: [{ ...(await exportJWK(oidcKey.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }] }));
  server = await startKubefake({
    port: 0,
    address: '127.0.0.1',
    dataDir: dir,
    storage: 'memory',
    auth: { tokenAuthFile: tokenFile, oidc: { issuerURL: OIDC_ISSUER, clientID: 'kubefake', usernameClaim: 'email', groupsClaim: 'groups', groupsPrefix: 'oidc:', jwksFile } },
  });
  admin = asCert(server.pki.adminCertPem, server.pki.adminKeyPem);
});

after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('authentication', () => {
  it('x509: CN is the user, O the groups, plus system:authenticated', async () => {
    const { user } = await whoami(asUser('alice', ['dev', 'qa']));
    assert.deepEqual(user, { username: 'alice', groups: ['dev', 'qa', 'system:authenticated'] });
  });

  it('x509: a certificate from another CA is 401', async () => {
    const other = signClientCert(createCA(), 'mallory', ['system:masters']);
    const res = await asCert(other.certPem, other.keyPem)('get', '/api/v1/namespaces');
    assert.equal(res.status, 401);
    assert.equal(res.text, UNAUTHORIZED);
  });

  it('x509: a self-signed certificate from another tool (selfsigned) naming system:masters is 401', async () => {
    const pems = await Promise.resolve(
      selfsigned.generate([{ name: 'commonName', value: 'mallory' }, { name: 'organizationName', value: 'system:masters' }], { days: 1, keySize: 2048 }),
    );
    const res = await asCert(pems.cert, pems.private)('get', '/api/v1/namespaces');
    assert.equal(res.status, 401);
    assert.equal(res.text, UNAUTHORIZED);
  });

  it('token file: a listed token is its user; an unknown token is 401', async () => {
    assert.deepEqual((await whoami(asToken('secret-token'))).user, { username: 'tina', uid: 'tina-uid', groups: ['readers', 'dev', 'system:authenticated'] });
    assert.deepEqual((await whoami(asToken('other-token'))).user, { username: 'otto', uid: 'otto-uid', groups: ['system:authenticated'] });
    const res = await asToken('nope')('get', '/api/v1/namespaces');
    assert.equal(res.status, 401);
    assert.equal(res.text, UNAUTHORIZED);
  });

  it('OIDC: a token from the issuer maps its claims; wrong audience, expiry or key are 401', async () => {
    const good = await oidcToken({ email: 'olga@example.com', email_verified: true, groups: ['ops'] });
    assert.deepEqual((await whoami(asToken(good))).user, { username: 'olga@example.com', groups: ['oidc:ops', 'system:authenticated'] });
    const wrongAudience = await new SignJWT({ email: 'o@example.com' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer(OIDC_ISSUER).setAudience('other').setExpirationTime('10m').sign(oidcKey.privateKey);
    const expired = await oidcToken({ email: 'o@example.com' }, Math.floor(Date.now() / 1000) - 60);
    const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const forged = await new SignJWT({ email: 'o@example.com' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer(OIDC_ISSUER).setAudience('kubefake').setExpirationTime('10m').sign(otherKey);
    for (const token of [wrongAudience, expired, forged]) assert.equal((await asToken(token)('get', '/api/v1/namespaces')).status, 401);
  });

  it('anonymous: health and version are public, everything else is 403 for system:anonymous', async () => {
    assert.equal((await anonymous('get', '/healthz')).status, 200);
    assert.equal((await anonymous('get', '/version')).status, 200);
    const res = await anonymous('get', '/api/v1/namespaces/default/pods');
    assert.equal(res.status, 403);
    assert.equal(res.body.message, 'pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"');
    const api = await anonymous('get', '/apis');
    assert.equal(api.body.message, 'forbidden: User "system:anonymous" cannot get path "/apis"');
    assert.deepEqual(api.body.details, {});
  });

  it('a bearer token that is bad is 401 even where anonymous would be allowed', async () => {
    assert.equal((await asToken('nope')('get', '/healthz')).status, 401);
  });
});

describe('service account tokens', () => {
  before(async () => {
    for (const name of ['robot', 'doomed']) await created(admin, '/api/v1/namespaces/default/serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } });
  });

  it('TokenRequest issues a bound token that authenticates as the service account', async () => {
    const body = await created(admin, '/api/v1/namespaces/default/serviceaccounts/robot/token', { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 600 } });
    assert.equal(body.kind, 'TokenRequest');
    assert.deepEqual((body.spec as Record<string, unknown>).audiences, ['https://kubernetes.default.svc.cluster.local']);
    const { user } = await whoami(asToken((body.status as { token: string }).token));
    assert.equal(user.username, 'system:serviceaccount:default:robot');
    assert.deepEqual(user.groups, ['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated']);
  });

  it('refuses a lifetime under ten minutes', async () => {
    const res = await admin('post', '/api/v1/namespaces/default/serviceaccounts/robot/token').send({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 60 } });
    assert.equal(res.status, 422);
    assert.match(res.body.message, /spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes/);
  });

  it('a token for another audience or tampered with is 401', async () => {
    const foreign = await tokenFor('robot', { audiences: ['vault'] });
    assert.equal((await asToken(foreign)('get', '/api/v1/namespaces')).status, 401);
    const good = await tokenFor('robot');
    const [h, p, s] = good.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    claims['kubernetes.io'].serviceaccount.name = 'doomed';
    const tampered = [h, Buffer.from(JSON.stringify(claims)).toString('base64url'), s].join('.');
    assert.equal((await asToken(tampered)('get', '/api/v1/namespaces')).status, 401);
  });

  it('TokenReview answers for the token and the asked audiences', async () => {
    const token = await tokenFor('robot', { audiences: ['vault'] });
    const body = await created(admin, '/apis/authentication.k8s.io/v1/tokenreviews', { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token, audiences: ['vault'] } });
    const status = body.status as { authenticated: boolean; user: { username: string }; audiences: string[] };
    assert.equal(status.authenticated, true);
    assert.equal(status.user.username, 'system:serviceaccount:default:robot');
    assert.deepEqual(status.audiences, ['vault']);
    const bad = await created(admin, '/apis/authentication.k8s.io/v1/tokenreviews', { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token } });
    assert.equal((bad.status as { authenticated?: boolean }).authenticated, undefined);
  });

  it('the token dies with its service account, and stays dead when it is recreated', async () => {
    const token = await tokenFor('doomed');
    assert.equal((await whoami(asToken(token))).status, 201);
    assert.equal((await admin('delete', '/api/v1/namespaces/default/serviceaccounts/doomed')).status, 200);
    assert.equal((await asToken(token)('get', '/api/v1/namespaces')).status, 401);
    await created(admin, '/api/v1/namespaces/default/serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'doomed' } });
    assert.equal((await asToken(token)('get', '/api/v1/namespaces')).status, 401);
  });
});
