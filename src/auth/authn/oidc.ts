// OpenID Connect ID tokens (`--oidc-*` flags, authenticator/token/oidc): a token from the
// configured issuer, for the configured client, signed by a key of the issuer's JWKS (read from
// a local file: nothing is fetched). Username and groups come from claims, with their prefixes.
import { readFile } from 'node:fs/promises';
import { createLocalJWKSet, decodeJwt, jwtVerify, errors as joseErrors, type JSONWebKeySet, type JWTPayload } from 'jose';
import type { AuthnResult, TokenAuthenticator } from './authenticator.js';

export interface OIDCOptions {
  issuerURL: string;
  clientID: string;
  /** Default `sub`. */
  usernameClaim?: string;
  /** Default: `<issuer>#` unless the claim is `email`; `-` means none. */
  usernamePrefix?: string;
  groupsClaim?: string;
  groupsPrefix?: string;
  jwks: JSONWebKeySet;
  now(): Date;
}

function usernamePrefixOf(o: OIDCOptions, claim: string): string {
  if (o.usernamePrefix === '-') return '';
  if (o.usernamePrefix !== undefined) return o.usernamePrefix;
  return claim === 'email' ? '' : `${o.issuerURL}#`;
}

function claimStrings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

export class OIDCAuthenticator implements TokenAuthenticator {
  readonly #o: OIDCOptions;
  readonly #keys: ReturnType<typeof createLocalJWKSet>;

  constructor(options: OIDCOptions) {
    if (!options.issuerURL.startsWith('https://')) throw new Error(`--oidc-issuer-url must be an https:// URL, got "${options.issuerURL}"`);
    if (!options.clientID) throw new Error('--oidc-client-id is required with --oidc-issuer-url');
    this.#o = options;
    this.#keys = createLocalJWKSet(options.jwks);
  }

  static async fromFile(options: Omit<OIDCOptions, 'jwks'>, jwksFile: string): Promise<OIDCAuthenticator> {
    let jwks: JSONWebKeySet;
    try {
      jwks = JSON.parse(await readFile(jwksFile, 'utf8')) as JSONWebKeySet;
    } catch (err) {
      throw new Error(`cannot read --oidc-jwks-file ${jwksFile}: ${(err as Error).message}`);
    }
    return new OIDCAuthenticator({ ...options, jwks });
  }

  async authenticateToken(token: string): Promise<AuthnResult> {
    try {
      if (decodeJwt(token).iss !== this.#o.issuerURL) return undefined;
    } catch {
      return undefined;
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.#keys, { issuer: this.#o.issuerURL, audience: this.#o.clientID, currentDate: this.#o.now() }));
    } catch (err) {
      if (err instanceof joseErrors.JOSEError) return { error: `oidc: verify token: ${err.message}` };
      throw err;
    }
    return this.#userOf(payload);
  }

  #userOf(payload: JWTPayload): AuthnResult {
    const claim = this.#o.usernameClaim ?? 'sub';
    const name = payload[claim];
    if (typeof name !== 'string' || name === '') return { error: `oidc: parse username claims "${claim}": claim not present` };
    if (claim === 'email' && payload.email_verified !== undefined && payload.email_verified !== true) {
      return { error: `oidc: email not verified` };
    }
    const groups: string[] = [];
    if (this.#o.groupsClaim && payload[this.#o.groupsClaim] !== undefined) {
      const values = claimStrings(payload[this.#o.groupsClaim]);
      if (!values) return { error: `oidc: parse groups claim "${this.#o.groupsClaim}": not a string or an array of strings` };
      groups.push(...values.map((g) => `${this.#o.groupsPrefix ?? ''}${g}`));
    }
    return { user: { username: `${usernamePrefixOf(this.#o, claim)}${name}`, groups } };
  }
}
