// src/auth: who is asking and what they may do. authn/ holds the authenticators (x509 client
// certificates, the static token file, ServiceAccount JWTs, OIDC, anonymous) and the request
// authenticator that unites them; authz/ the authorizer interfaces, unions and 403 texts; rbac/
// the RBAC evaluator over an index of bindings, the bootstrap policy and escalation checks;
// tokens/ ServiceAccount token claims and issuing. createAuth wires them from the server options.
import type { ObjectStorage } from '../storage/interfaces.js';
import type { StoreContext } from '../registry/store.js';
import type { ResourceDefinition } from '../registry/resource.js';
import type { GenericStore } from '../registry/store.js';
import type { UserInfo } from '../server/context.js';
import type { AuthnResult, TokenAuthenticator } from './authn/authenticator.js';
import { RequestAuthenticator } from './authn/request-authenticator.js';
import { TokenFileAuthenticator } from './authn/token-file.js';
import { ServiceAccountAuthenticator } from './authn/service-account.js';
import { OIDCAuthenticator } from './authn/oidc.js';
import type { Authorizer } from './authz/attributes.js';
import { UnionAuthorizer, alwaysAllowAuthorizer, privilegedGroupsAuthorizer } from './authz/union.js';
import { BindingIndex } from './rbac/binding-index.js';
import { RBACAuthorizer, type ResolvedRules } from './rbac/rbac-authorizer.js';
import { EscalationChecker } from './rbac/escalation.js';
import { EscalationGuardedStore } from './rbac/guarded-store.js';
import type { PolicyRule } from './rbac/types.js';
import { TokenIssuer, type IssuedToken, type TokenSpec } from './tokens/token-issuer.js';
import { DEFAULT_SERVICE_ACCOUNT_ISSUER, type ServiceAccountKeys } from './tokens/service-account-claims.js';

export type AuthorizationMode = 'RBAC' | 'AlwaysAllow';

export interface OIDCFlags {
  issuerURL: string;
  clientID: string;
  usernameClaim?: string;
  usernamePrefix?: string;
  groupsClaim?: string;
  groupsPrefix?: string;
  jwksFile: string;
}

export interface AuthOptions {
  /** Default RBAC. */
  authorizationMode?: AuthorizationMode;
  /** Default true, as kube-apiserver's --anonymous-auth. */
  anonymousAuth?: boolean;
  tokenAuthFile?: string;
  oidc?: OIDCFlags;
  /** Default https://kubernetes.default.svc.cluster.local; also the API audience. */
  serviceAccountIssuer?: string;
}

/** What the server's filters and the review, token and RBAC endpoints use. */
export interface AuthServices {
  authenticator: RequestAuthenticator;
  authorizer: Authorizer;
  apiAudiences: readonly string[];
  authenticateToken(token: string, audiences?: readonly string[]): Promise<AuthnResult>;
  /** The rules a user holds in a namespace, as SelfSubjectRulesReview reports them. */
  rulesFor(user: UserInfo, namespace: string): ResolvedRules;
  issueToken(spec: TokenSpec): Promise<IssuedToken>;
  /** The store an RBAC write by `user` goes through (escalation checks), else undefined. */
  guardedStore(def: ResourceDefinition, user: UserInfo): GenericStore | undefined;
  start(): void;
  stop(): void;
}

export interface AuthDeps {
  storage: ObjectStorage;
  storeContext: StoreContext;
  serviceAccountKeys: ServiceAccountKeys;
  now(): Date;
}

const FULL_RULES: PolicyRule[] = [
  { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
  { verbs: ['*'], nonResourceURLs: ['*'] },
];

async function tokenAuthenticators(o: AuthOptions, d: AuthDeps, issuer: string): Promise<TokenAuthenticator[]> {
  const list: TokenAuthenticator[] = [];
  if (o.tokenAuthFile) list.push(await TokenFileAuthenticator.load(o.tokenAuthFile));
  list.push(new ServiceAccountAuthenticator({ keys: d.serviceAccountKeys, issuer, apiAudiences: [issuer], storage: d.storage, now: d.now }));
  if (o.oidc) {
    const { jwksFile, ...flags } = o.oidc;
    list.push(await OIDCAuthenticator.fromFile({ ...flags, now: d.now }, jwksFile));
  }
  return list;
}

export async function createAuth(o: AuthOptions, d: AuthDeps): Promise<AuthServices> {
  const issuer = o.serviceAccountIssuer ?? DEFAULT_SERVICE_ACCOUNT_ISSUER;
  const authenticator = new RequestAuthenticator({ tokenAuthenticators: await tokenAuthenticators(o, d, issuer), anonymous: o.anonymousAuth ?? true });
  const index = new BindingIndex(d.storage);
  const rbac = new RBACAuthorizer(d.storage, index);
  const alwaysAllow = o.authorizationMode === 'AlwaysAllow';
  const authorizer = alwaysAllow ? alwaysAllowAuthorizer : new UnionAuthorizer([privilegedGroupsAuthorizer, rbac]);
  const rulesFor = (user: UserInfo, ns: string): ResolvedRules => (alwaysAllow ? { rules: FULL_RULES, errors: [] } : rbac.rulesFor(user, ns));
  const escalation = new EscalationChecker({ authorizer, rulesFor, roleRefRules: (ref, ns) => rbac.roleRefRules(ref, ns) });
  const tokens = new TokenIssuer(d.serviceAccountKeys, issuer);
  return {
    authenticator,
    authorizer,
    apiAudiences: [issuer],
    authenticateToken: (token, audiences) => authenticator.authenticateToken(token, audiences),
    rulesFor,
    issueToken: (spec) => tokens.issue(spec),
    guardedStore: (def, user) => (alwaysAllow ? undefined : EscalationGuardedStore.for(def, d.storeContext, user, escalation)),
    start: () => index.start(),
    stop: () => index.stop(),
  };
}
