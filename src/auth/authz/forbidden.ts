// The 403 a denied request gets (responsewriters.Forbidden): who cannot do what, HTML-escaped,
// with the authorizer's reason appended.
import { newForbidden, type StatusError } from '../../api/errors.js';
import type { Attributes } from './attributes.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function sanitize(text: string): string {
  return text.replace(/[&<>]/g, (c) => ESCAPES[c]);
}

export function forbiddenMessage(a: Attributes): string {
  const user = JSON.stringify(a.user.username);
  if (!a.isResourceRequest) return `User ${user} cannot ${a.verb} path ${JSON.stringify(a.path)}`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const what = `User ${user} cannot ${a.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(a.apiGroup)}`;
  return a.namespace ? `${what} in the namespace ${JSON.stringify(a.namespace)}` : `${what} at the cluster scope`;
}

export function newAuthorizationForbidden(a: Attributes, reason: string): StatusError {
  const message = sanitize(forbiddenMessage(a));
  const text = reason ? `${message}: ${reason}` : message;
  const gr = a.isResourceRequest ? { group: a.apiGroup, resource: a.resource } : { group: '', resource: '' };
  return newForbidden(gr, a.isResourceRequest ? a.name : '', text);
}
