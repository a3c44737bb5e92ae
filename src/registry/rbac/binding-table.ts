// The RoleBinding and ClusterRoleBinding printer: the role as Kind/name, subjects by kind (wide).
import type { KubeObject } from '../../api/types.js';
import type { RoleRef, Subject } from '../../auth/rbac/types.js';
import { age, ageColumn, column, nameColumn, wide } from '../printing.js';
import type { TablePrinter } from '../resource.js';

/** rbac.SubjectsStrings: users, groups and service accounts (`ns/name`) of a binding. */
function subjectsStrings(subjects: Subject[] | undefined): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of subjects ?? []) {
    if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
    else if (s.kind === 'ServiceAccount') sas.push(s.namespace ? `${s.namespace}/${s.name}` : s.name);
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')];
}

export function bindingTable(roleRefDescription: string): TablePrinter {
  return {
    columns: [
      nameColumn(),
      column('Role', 'string', { description: roleRefDescription }),
      ageColumn(),
      wide('Users', 'string', 'Users in the roleBinding'),
      wide('Groups', 'string', 'Groups in the roleBinding'),
      wide('ServiceAccounts', 'string', 'ServiceAccounts in the roleBinding'),
    ],
    row: (obj: KubeObject, now: Date) => {
      const ref = obj.roleRef as RoleRef | undefined;
      return [obj.metadata.name ?? '', `${ref?.kind ?? ''}/${ref?.name ?? ''}`, age(obj, now), ...subjectsStrings(obj.subjects as Subject[] | undefined)];
    },
  };
}
