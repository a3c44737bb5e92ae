// The Pod Security Standards as versioned checks (pod-security-admission/policy registry.go):
// evaluating a level at a version runs, in ID order, baseline's checks and then (for restricted)
// restricted's, each in its newest variant not newer than the version; a restricted check may
// override a baseline one. Failures print as `reason (detail), reason (detail)`.
import type { ObjectMeta } from '../../api/types.js';
import type { CheckPod, CheckResult, PodSpec } from './pod-security-helpers.js';
import * as baseline from './pod-security-baseline.js';
import * as restricted from './pod-security-restricted.js';

export type Level = 'privileged' | 'baseline' | 'restricted';

/** A level at a Kubernetes minor version (1.x), or at the newest. */
export interface LevelVersion {
  level: Level;
  minor: number | 'latest';
}

interface Variant {
  minMinor: number;
  check: CheckPod;
  overrides?: string[];
}

interface Check {
  id: string;
  level: 'baseline' | 'restricted';
  variants: Variant[];
}

const base = (id: string, ...variants: Variant[]): Check => ({ id, level: 'baseline', variants });
const strict = (id: string, ...variants: Variant[]): Check => ({ id, level: 'restricted', variants });

const CHECKS: Check[] = [
  base('appArmorProfile', { minMinor: 0, check: baseline.appArmorProfile }),
  base('capabilities_baseline', { minMinor: 0, check: baseline.capabilitiesBaseline }),
  base('hostNamespaces', { minMinor: 0, check: baseline.hostNamespaces }),
  base('hostPathVolumes', { minMinor: 0, check: baseline.hostPathVolumes }),
  base('hostPorts', { minMinor: 0, check: baseline.hostPorts }),
  base('privileged', { minMinor: 0, check: baseline.privileged }),
  base('procMount', { minMinor: 0, check: baseline.procMount }),
  base('seLinuxOptions', { minMinor: 0, check: baseline.seLinuxOptions }),
  base('seccompProfile_baseline', { minMinor: 0, check: baseline.seccompBaselineAnnotations }, { minMinor: 19, check: baseline.seccompBaseline }),
  base('sysctls', { minMinor: 0, check: baseline.sysctls1_0 }, { minMinor: 27, check: baseline.sysctls1_27 }, { minMinor: 29, check: baseline.sysctls1_29 }),
  base('windowsHostProcess', { minMinor: 0, check: baseline.windowsHostProcess }),
  strict('allowPrivilegeEscalation', { minMinor: 8, check: restricted.allowPrivilegeEscalation }, { minMinor: 25, check: restricted.exceptWindows(restricted.allowPrivilegeEscalation) }),
  strict(
    'capabilities_restricted',
    { minMinor: 22, check: restricted.capabilitiesRestricted, overrides: ['capabilities_baseline'] },
    { minMinor: 25, check: restricted.exceptWindows(restricted.capabilitiesRestricted), overrides: ['capabilities_baseline'] },
  ),
  strict('restrictedVolumes', { minMinor: 0, check: restricted.restrictedVolumes, overrides: ['hostPathVolumes'] }),
  strict('runAsNonRoot', { minMinor: 0, check: restricted.runAsNonRoot }),
  strict('runAsUser', { minMinor: 23, check: restricted.runAsUser }),
  strict(
    'seccompProfile_restricted',
    { minMinor: 19, check: restricted.seccompRestricted, overrides: ['seccompProfile_baseline'] },
    { minMinor: 25, check: restricted.exceptWindows(restricted.seccompRestricted), overrides: ['seccompProfile_baseline'] },
  ),
];

/** Baseline IDs sorted, then restricted IDs sorted (byte order, as Go's sort.Strings). */
const ORDERED = [...CHECKS.filter((c) => c.level === 'baseline'), ...CHECKS.filter((c) => c.level === 'restricted')].sort((a, b) =>
  a.level !== b.level ? (a.level === 'baseline' ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
);

function variantAt(check: Check, minor: number): Variant | undefined {
  return check.variants.filter((v) => v.minMinor <= minor).at(-1);
}

/** The failed checks of a pod against a level and version, in kube's order. */
export function evaluatePod(lv: LevelVersion, meta: ObjectMeta, spec: PodSpec): CheckResult[] {
  if (lv.level === 'privileged') return [];
  const minor = lv.minor === 'latest' ? Number.MAX_SAFE_INTEGER : lv.minor;
  const active = ORDERED.map((c) => ({ check: c, variant: variantAt(c, minor) })).filter((a) => a.variant && (lv.level === 'restricted' || a.check.level === 'baseline'));
  const overridden = new Set(active.flatMap((a) => (a.check.level === 'restricted' ? (a.variant!.overrides ?? []) : [])));
  const failures: CheckResult[] = [];
  for (const { check, variant } of active) {
    if (overridden.has(check.id)) continue;
    const result = variant!.check(meta, spec);
    if (result) failures.push(result);
  }
  return failures;
}

export function levelVersionText(lv: LevelVersion): string {
  return `${lv.level}:${lv.minor === 'latest' ? 'latest' : `v1.${lv.minor}`}`;
}

/** AggregateCheckResult.ForbiddenDetail. */
export function forbiddenDetail(failures: readonly CheckResult[]): string {
  return failures.map((f) => (f.detail ? `${f.reason} (${f.detail})` : f.reason)).join(', ');
}
