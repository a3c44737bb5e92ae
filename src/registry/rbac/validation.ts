// pkg/apis/rbac/validation: rules need verbs and either resources with API groups or
// non-resource URLs (never in a namespaced Role); role references and subjects name known kinds.
import type { KubeObject } from '../../api/types.js';
import { invalid, notSupported, required, type FieldError } from '../../api/field-errors.js';
import type { PolicyRule, RoleRef, Subject } from '../../auth/rbac/types.js';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

export function validateRules(obj: KubeObject, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  ((obj.rules as PolicyRule[] | undefined) ?? []).forEach((r, i) => {
    const path = `rules[${i}]`;
    if (!r.verbs?.length) errs.push(required(`${path}.verbs`, 'verbs must contain at least one value'));
    const urls = r.nonResourceURLs ?? [];
    if (urls.length) {
      if (namespaced) errs.push(invalid(`${path}.nonResourceURLs`, urls, 'namespaced rules cannot apply to non-resource URLs'));
      if (r.apiGroups?.length || r.resources?.length || r.resourceNames?.length) {
        errs.push(invalid(`${path}.nonResourceURLs`, urls, 'rules cannot apply to both regular resources and non-resource URLs'));
      }
      return;
    }
    if (!r.apiGroups?.length) errs.push(required(`${path}.apiGroups`, 'resource rules must supply at least one api group'));
    if (!r.resources?.length) errs.push(required(`${path}.resources`, 'resource rules must supply at least one resource'));
  });
  return errs;
}

export function validateRoleRef(ref: RoleRef | undefined, kinds: readonly string[]): FieldError[] {
  const errs: FieldError[] = [];
  if (ref?.apiGroup !== RBAC_GROUP) errs.push(notSupported('roleRef.apiGroup', ref?.apiGroup ?? '', [RBAC_GROUP]));
  if (!kinds.includes(ref?.kind ?? '')) errs.push(notSupported('roleRef.kind', ref?.kind ?? '', kinds));
  if (!ref?.name) errs.push(required('roleRef.name', ''));
  return errs;
}

export function validateSubjects(subjects: Subject[] | undefined, clusterScoped: boolean): FieldError[] {
  const errs: FieldError[] = [];
  (subjects ?? []).forEach((s, i) => {
    const path = `subjects[${i}]`;
    if (!s.name) errs.push(required(`${path}.name`, ''));
    if (s.kind === 'ServiceAccount') {
      if (s.apiGroup) errs.push(notSupported(`${path}.apiGroup`, s.apiGroup, ['']));
      if (clusterScoped && !s.namespace) errs.push(required(`${path}.namespace`, ''));
    } else if (s.kind === 'User' || s.kind === 'Group') {
      if (s.apiGroup !== RBAC_GROUP) errs.push(notSupported(`${path}.apiGroup`, s.apiGroup ?? '', [RBAC_GROUP]));
    } else {
      errs.push(notSupported(`${path}.kind`, s.kind, ['ServiceAccount', 'User', 'Group']));
    }
  });
  return errs;
}

export function validateRoleRefUnchanged(obj: KubeObject, old: KubeObject): FieldError[] {
  const a = obj.roleRef as RoleRef | undefined;
  const b = old.roleRef as RoleRef | undefined;
  if (a?.apiGroup === b?.apiGroup && a?.kind === b?.kind && a?.name === b?.name) return [];
  return [invalid('roleRef', a ?? null, 'cannot change roleRef')];
}
