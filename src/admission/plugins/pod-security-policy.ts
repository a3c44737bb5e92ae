// A namespace's Pod Security policy from its labels (pod-security-admission/api
// PolicyToEvaluate): a level and version for each of enforce, audit and warn. Unset modes are
// privileged:latest, except that warn follows a stricter enforce level; values that do not parse
// are errors and count as restricted:latest (failing closed).
import type { FieldError } from '../../api/field-errors.js';
import type { Level, LevelVersion } from './pod-security-evaluator.js';

export const MODES = ['enforce', 'audit', 'warn'] as const;
export type Mode = (typeof MODES)[number];
export type Policy = Record<Mode, LevelVersion>;

const LABEL_PREFIX = 'pod-security.kubernetes.io/';
const LEVELS: Level[] = ['privileged', 'baseline', 'restricted'];
/** Versions newer than the server's are evaluated as latest. */
const SERVER_MINOR = 32;

function invalid(label: string, value: string, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field: `metadata.labels[${label}]`, value, detail };
}

function parseMinor(value: string): number | 'latest' | undefined {
  if (value === 'latest') return 'latest';
  const m = /^v1\.(0|[1-9]\d*)$/.exec(value);
  if (!m) return undefined;
  const minor = Number(m[1]);
  return minor > SERVER_MINOR ? 'latest' : minor;
}

export function policyFromLabels(labels: Record<string, string> | undefined): { policy: Policy; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const policy = {} as Policy;
  for (const mode of MODES) {
    const lv: LevelVersion = { level: 'privileged', minor: 'latest' };
    const level = labels?.[`${LABEL_PREFIX}${mode}`];
    if (level !== undefined) {
      if (LEVELS.includes(level as Level)) lv.level = level as Level;
      else {
        lv.level = 'restricted';
        errors.push(invalid(`${LABEL_PREFIX}${mode}`, level, `must be one of ${LEVELS.join(', ')}`));
      }
    }
    const version = labels?.[`${LABEL_PREFIX}${mode}-version`];
    if (version !== undefined) {
      const minor = parseMinor(version);
      if (minor === undefined) errors.push(invalid(`${LABEL_PREFIX}${mode}-version`, version, 'must be "latest" or "v1.x"'));
      lv.minor = minor ?? 'latest';
    }
    policy[mode] = lv;
  }
  const enforceSet = labels?.[`${LABEL_PREFIX}enforce`] !== undefined && LEVELS.includes(labels[`${LABEL_PREFIX}enforce`] as Level);
  if (labels?.[`${LABEL_PREFIX}warn`] === undefined && enforceSet && LEVELS.indexOf(policy.warn.level) < LEVELS.indexOf(policy.enforce.level)) {
    policy.warn = { level: policy.enforce.level, minor: labels?.[`${LABEL_PREFIX}warn-version`] === undefined ? policy.enforce.minor : policy.warn.minor };
  }
  return { policy, errors };
}
