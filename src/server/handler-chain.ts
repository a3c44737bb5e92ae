// The filter chain, written once and in order (as DefaultBuildHandlerChain): the outermost filter
// first. Recovery wraps everything so nothing thrown escapes; request info comes before anything
// that reads it; authentication before dispatch.
import type { Handler } from './filters/types.js';
import { withRecovery } from './filters/recovery.js';
import { withRequestInfo } from './filters/request-info.js';
import { withAuditId } from './filters/audit-id.js';
import { withLogging } from './filters/logging.js';
import { withAuthentication } from './filters/authentication.js';

export interface ChainOptions {
  debug: boolean;
}

export function buildHandlerChain(dispatch: Handler, options: ChainOptions): Handler {
  let handler = dispatch;
  handler = withAuthentication(handler);
  handler = withAuditId(handler);
  handler = withRequestInfo(handler);
  handler = withRecovery(handler);
  handler = withLogging(options.debug)(handler);
  return handler;
}
