// ServiceAccount JWTs (pkg/serviceaccount/jwt.go, claims.go): a token from this cluster's issuer
// is checked for signature, expiry and audience, and its ServiceAccount (and bound object) must
// still exist with the uid the token names: deleted or recreated means the token is dead.
import { createPublicKey } from 'node:crypto';
import { decodeJwt, jwtVerify, errors as joseErrors } from 'jose';
import type { KubeObject } from '../../api/types.js';
import type { ObjectStorage } from '../../storage/interfaces.js';
import type { AuthnResult, TokenAuthenticator } from './authenticator.js';
import type { KubernetesClaim, ObjectRef, ServiceAccountKeys } from '../tokens/service-account-claims.js';
import { serviceAccountGroups, serviceAccountUsername } from '../tokens/service-account-claims.js';

export interface ServiceAccountAuthOptions {
  keys: ServiceAccountKeys;
  issuer: string;
  /** The API audiences a token must name when the caller gives none (`--api-audiences`). */
  apiAudiences: readonly string[];
  storage: ObjectStorage;
  now(): Date;
}

const INVALID = { error: 'invalid bearer token' };

function issuerOf(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}

export class ServiceAccountAuthenticator implements TokenAuthenticator {
  readonly #o: ServiceAccountAuthOptions;
  readonly #key: ReturnType<typeof createPublicKey>;

  constructor(options: ServiceAccountAuthOptions) {
    this.#o = options;
    this.#key = createPublicKey(options.keys.publicKeyPem);
  }

  async authenticateToken(token: string, audiences?: readonly string[]): Promise<AuthnResult> {
    if (issuerOf(token) !== this.#o.issuer) return undefined;
    let claim: KubernetesClaim;
    let jti: string | undefined;
    try {
      const { payload } = await jwtVerify(token, this.#key, {
        issuer: this.#o.issuer,
        audience: [...(audiences?.length ? audiences : this.#o.apiAudiences)],
        algorithms: ['ES256'],
        currentDate: this.#o.now(),
      });
      claim = payload['kubernetes.io'] as KubernetesClaim;
      jti = payload.jti;
    } catch (err) {
      if (err instanceof joseErrors.JOSEError) return INVALID;
      throw err;
    }
    if (!claim?.namespace || !claim.serviceaccount?.name) return INVALID;
    const problem = this.#staleReference(claim);
    if (problem) return { error: problem };
    const extra: Record<string, string[]> = {};
    if (jti) extra['authentication.kubernetes.io/credential-id'] = [`JTI=${jti}`];
    if (claim.pod) {
      extra['authentication.kubernetes.io/pod-name'] = [claim.pod.name];
      extra['authentication.kubernetes.io/pod-uid'] = [claim.pod.uid];
    }
    return {
      user: {
        username: serviceAccountUsername(claim.namespace, claim.serviceaccount.name),
        uid: claim.serviceaccount.uid,
        groups: serviceAccountGroups(claim.namespace),
        extra,
      },
    };
  }

  /** Why the objects the token names are no longer the ones it was issued for, if they are not. */
  #staleReference(claim: KubernetesClaim): string | undefined {
    const ns = claim.namespace;
    const check = (resource: string, what: string, ref: ObjectRef | undefined): string | undefined => {
      if (!ref) return undefined;
      const obj: KubeObject | undefined = this.#o.storage.get(`/registry/${resource}/${ns}/${ref.name}`);
      if (!obj) return `${what} ${ns}/${ref.name} has been deleted`;
      if (obj.metadata.uid !== ref.uid) return `${what} UID (${ref.uid}) does not match claim (${obj.metadata.uid})`;
      if (obj.metadata.deletionTimestamp) return `${what} ${ns}/${ref.name} is being deleted`;
      return undefined;
    };
    return (
      check('serviceaccounts', 'service account', claim.serviceaccount) ??
      check('pods', 'pod', claim.pod) ??
      check('secrets', 'secret', claim.secret)
    );
  }
}
