// The 409 Conflict a server-side apply gets when it would change fields other managers own
// (apiserver's managedfields NewConflictError): one cause per conflicting field, and the message
// naming each manager and path.
import { StatusError } from '../api/errors.js';
import type { Status, StatusCause } from '../api/types.js';

export interface ConflictManager {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  subresource?: string;
  time?: string;
}

export interface ApplyConflict {
  manager: ConflictManager;
  /** The path as fieldpath prints it: `.spec.replicas`, `.spec.containers[name="c"].image`. */
  field: string;
}

/** `"name"`, `with subresource "s"`, and `using <apiVersion> at <time>` for Update managers. */
export function printManager(m: ConflictManager): string {
  let out = JSON.stringify(m.manager);
  if (m.subresource) out += ` with subresource ${JSON.stringify(m.subresource)}`;
  if (m.operation === 'Update') out += m.time ? ` using ${m.apiVersion} at ${m.time}` : ` using ${m.apiVersion}`;
  return out;
}

export function conflictMessage(conflicts: readonly ApplyConflict[]): string {
  if (conflicts.length === 1) return `Apply failed with 1 conflict: conflict with ${printManager(conflicts[0].manager)}: ${conflicts[0].field}`;
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) {
    const name = printManager(c.manager);
    byManager.set(name, [...(byManager.get(name) ?? []), c.field]);
  }
  const lines: string[] = [];
  for (const name of [...byManager.keys()].sort()) {
    lines.push(`conflicts with ${name}:`, ...(byManager.get(name) ?? []).map((f) => `- ${f}`));
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

export function newApplyConflict(conflicts: readonly ApplyConflict[]): StatusError {
  const causes: StatusCause[] = conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${printManager(c.manager)}`, field: c.field }));
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: conflictMessage(conflicts),
    reason: 'Conflict',
    details: { causes },
    code: 409,
  };
  return new StatusError(status);
}
