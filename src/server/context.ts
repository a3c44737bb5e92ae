// Per-request state shared between filters and handlers through typed accessors, never through
// ad-hoc properties on the request.
import type { IncomingMessage } from 'node:http';
import type { RequestInfo } from './request-info.js';

export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

interface RequestState {
  info?: RequestInfo;
  user?: UserInfo;
  query?: URLSearchParams;
}

const states = new WeakMap<IncomingMessage, RequestState>();

function state(req: IncomingMessage): RequestState {
  let s = states.get(req);
  if (!s) {
    s = {};
    states.set(req, s);
  }
  return s;
}

export function setRequestInfo(req: IncomingMessage, info: RequestInfo, query: URLSearchParams): void {
  const s = state(req);
  s.info = info;
  s.query = query;
}

export function getRequestInfo(req: IncomingMessage): RequestInfo {
  const info = states.get(req)?.info;
  if (!info) throw new Error('request info not set: withRequestInfo must run first');
  return info;
}

export function getQuery(req: IncomingMessage): URLSearchParams {
  return states.get(req)?.query ?? new URLSearchParams();
}

export function setUser(req: IncomingMessage, user: UserInfo): void {
  state(req).user = user;
}

export function getUser(req: IncomingMessage): UserInfo | undefined {
  return states.get(req)?.user;
}
