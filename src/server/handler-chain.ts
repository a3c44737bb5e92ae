// The filter chain, written once and in order (as DefaultBuildHandlerChain): the outermost filter
// first. The audit id is given first (WithAuditInit); recovery wraps the rest so nothing thrown
// escapes; request info comes before anything that reads it; then authenticate → impersonate → (audit) → authorize, as DESIGN.md orders
// them: impersonation needs the real user and authorization the impersonated one.
import type { Handler } from './filters/types.js';
import type { RequestAuthenticator } from '../auth/authn/request-authenticator.js';
import type { Authorizer } from '../auth/authz/attributes.js';
import { withRecovery } from './filters/recovery.js';
import { withRequestInfo } from './filters/request-info.js';
import { withAuditId } from './filters/audit-id.js';
import { withLogging } from './filters/logging.js';
import { withAuthentication } from './filters/authentication.js';
import { withImpersonation } from './filters/impersonation.js';
import { withAuthorization } from './filters/authorization.js';

export interface ChainOptions {
  debug: boolean;
  authenticator: RequestAuthenticator;
  authorizer: Authorizer;
}

export function buildHandlerChain(dispatch: Handler, options: ChainOptions): Handler {
  let handler = dispatch;
  handler = withAuthorization(options.authorizer)(handler);
  handler = withImpersonation(options.authorizer)(handler);
  handler = withAuthentication(options.authenticator)(handler);
  handler = withRequestInfo(handler);
  handler = withRecovery(handler);
  handler = withAuditId(handler);
  handler = withLogging(options.debug)(handler);
  return handler;
}
