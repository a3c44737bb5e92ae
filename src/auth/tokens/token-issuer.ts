// Issues bound ServiceAccount tokens for the TokenRequest API (serviceaccounts/<name>/token).
import { randomUUID, createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import type { KubernetesClaim, ServiceAccountKeys } from './service-account-claims.js';
import { keyIdOf, serviceAccountUsername } from './service-account-claims.js';

export interface TokenSpec {
  namespace: string;
  serviceAccount: { name: string; uid: string };
  audiences: readonly string[];
  expirationSeconds: number;
  boundTo?: { kind: 'Pod' | 'Secret'; name: string; uid: string };
  now: Date;
}

export interface IssuedToken {
  token: string;
  expiration: Date;
}

export class TokenIssuer {
  readonly #key: ReturnType<typeof createPrivateKey>;
  readonly #keyId: string;
  readonly issuer: string;

  constructor(keys: ServiceAccountKeys, issuer: string) {
    this.#key = createPrivateKey(keys.privateKeyPem);
    this.#keyId = keyIdOf(keys.publicKeyPem);
    this.issuer = issuer;
  }

  async issue(spec: TokenSpec): Promise<IssuedToken> {
    const iat = Math.floor(spec.now.getTime() / 1000);
    const exp = iat + spec.expirationSeconds;
    const claim: KubernetesClaim = { namespace: spec.namespace, serviceaccount: spec.serviceAccount };
    if (spec.boundTo?.kind === 'Pod') claim.pod = { name: spec.boundTo.name, uid: spec.boundTo.uid };
    if (spec.boundTo?.kind === 'Secret') claim.secret = { name: spec.boundTo.name, uid: spec.boundTo.uid };
    const token = await new SignJWT({ 'kubernetes.io': claim })
      .setProtectedHeader({ alg: 'ES256', kid: this.#keyId })
      .setIssuer(this.issuer)
      .setSubject(serviceAccountUsername(spec.namespace, spec.serviceAccount.name))
      .setAudience([...spec.audiences])
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(this.#key);
    return { token, expiration: new Date(exp * 1000) };
  }
}
