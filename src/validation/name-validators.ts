// The ValidateNameFunc family (apimachinery pkg/api/validation/generic.go): how a kind checks
// metadata.name, and metadata.generateName when `prefix` is true.
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isValidPathSegmentName } from './names.js';

/** How metadata.name is validated. Services use 'dns1035-label'; RBAC kinds 'path-segment'. */
export type NameValidation = 'subdomain' | 'label' | 'dns1035-label' | 'path-segment';

export type NameValidator = (name: string, prefix: boolean) => string[];

/**
 * A generateName prefix may end in '-', since random characters follow it. Kubernetes masks that
 * dash before validating, and its mask drops the character before the dash as well ("ab-" is
 * checked as "aa"); this keeps that behaviour.
 */
function maskTrailingDash(name: string): string {
  return name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

const masked =
  (check: (value: string) => string[]): NameValidator =>
  (name, prefix) =>
    check(prefix ? maskTrailingDash(name) : name);

const VALIDATORS: Record<NameValidation, NameValidator> = {
  subdomain: masked(isDNS1123Subdomain),
  label: masked(isDNS1123Label),
  'dns1035-label': masked(isDNS1035Label),
  // rbac/validation ValidateRBACName: the same check for names and prefixes.
  'path-segment': (name) => isValidPathSegmentName(name),
};

export function nameValidator(kind: NameValidation): NameValidator {
  return VALIDATORS[kind];
}

/** ValidateNamespaceName: a DNS-1123 label. */
export const validateNamespaceName: NameValidator = VALIDATORS.label;
