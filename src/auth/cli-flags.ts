// The authentication and authorization flags of `kubefake start`, named as kube-apiserver's.
import type { AuthOptions, OIDCFlags } from './index.js';

export const AUTH_FLAGS = {
  'authorization-mode': { type: 'string', default: 'RBAC' },
  'anonymous-auth': { type: 'string', default: 'true' },
  'token-auth-file': { type: 'string' },
  'service-account-issuer': { type: 'string' },
  'oidc-issuer-url': { type: 'string' },
  'oidc-client-id': { type: 'string' },
  'oidc-username-claim': { type: 'string' },
  'oidc-username-prefix': { type: 'string' },
  'oidc-groups-claim': { type: 'string' },
  'oidc-groups-prefix': { type: 'string' },
  'oidc-jwks-file': { type: 'string' },
} as const;

export const AUTH_USAGE = `  --authorization-mode <m>      RBAC (default) or AlwaysAllow
  --anonymous-auth=<bool>       serve requests without credentials as system:anonymous (default true)
  --token-auth-file <file>      static bearer tokens, CSV lines: token,user,uid,"group1,group2"
  --service-account-issuer <u>  iss and API audience of ServiceAccount tokens
                                (default https://kubernetes.default.svc.cluster.local)
  --oidc-issuer-url <url>       accept OIDC ID tokens from this issuer (https://...)
  --oidc-client-id <id>         the audience OIDC tokens must name
  --oidc-jwks-file <file>       the issuer's signing keys as a JWKS (nothing is fetched)
  --oidc-username-claim <c>     claim holding the user name (default sub)
  --oidc-username-prefix <p>    prefix for OIDC user names ('-' for none)
  --oidc-groups-claim <c>       claim holding the groups
  --oidc-groups-prefix <p>      prefix for OIDC groups
`;

type Values = Partial<Record<keyof typeof AUTH_FLAGS, string>>;

function oidcFlags(v: Values): OIDCFlags | undefined {
  if (!v['oidc-issuer-url']) return undefined;
  if (!v['oidc-client-id']) throw new Error('--oidc-client-id is required with --oidc-issuer-url');
  if (!v['oidc-jwks-file']) throw new Error('--oidc-jwks-file is required with --oidc-issuer-url (kubefake fetches nothing from the issuer)');
  return {
    issuerURL: v['oidc-issuer-url'],
    clientID: v['oidc-client-id'],
    usernameClaim: v['oidc-username-claim'],
    usernamePrefix: v['oidc-username-prefix'],
    groupsClaim: v['oidc-groups-claim'],
    groupsPrefix: v['oidc-groups-prefix'],
    jwksFile: v['oidc-jwks-file'],
  };
}

/** The flags as AuthOptions; throws with a message naming the bad flag. */
export function authOptionsFromFlags(v: Values): AuthOptions {
  const mode = v['authorization-mode'] ?? 'RBAC';
  if (mode !== 'RBAC' && mode !== 'AlwaysAllow') throw new Error(`--authorization-mode must be RBAC or AlwaysAllow, got "${mode}"`);
  const anonymous = v['anonymous-auth'] ?? 'true';
  if (anonymous !== 'true' && anonymous !== 'false') throw new Error(`--anonymous-auth must be true or false, got "${anonymous}"`);
  return {
    authorizationMode: mode,
    anonymousAuth: anonymous === 'true',
    tokenAuthFile: v['token-auth-file'],
    serviceAccountIssuer: v['service-account-issuer'],
    oidc: oidcFlags(v),
  };
}
