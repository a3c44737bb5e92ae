// What the built-in plugins ask of a request: which resource it is for, and the Forbidden error
// kube's admission.NewForbidden builds (the object's name, generated or not, else the request's).
import { newForbidden, type StatusError } from '../../api/errors.js';
import type { AdmissionAttributes } from '../interfaces.js';

/** The request is for the main resource (no subresource) `resource` of the core group or `group`. */
export function isResource(attrs: AdmissionAttributes, resource: string, group = ''): boolean {
  return attrs.resource.group === group && attrs.resource.resource === resource && attrs.subresource === '';
}

export function admissionForbidden(attrs: AdmissionAttributes, message: string): StatusError {
  const name = attrs.object?.metadata.name || attrs.oldObject?.metadata.name || attrs.name;
  return newForbidden({ group: attrs.resource.group, resource: attrs.resource.resource }, name, message);
}

/** utilerrors.NewAggregate's message: one error alone, several in brackets, duplicates once. */
export function aggregateMessage(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}
