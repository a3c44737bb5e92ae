// The warnings a namespace gets when its enforce level tightens (EvaluatePodsInNamespace): one
// line naming the level, then one per distinct set of violations with the first pod's name and
// how many others share it.
import type { CheckResult } from './pod-security-helpers.js';
import { levelVersionText, type LevelVersion } from './pod-security-evaluator.js';

export interface PodVerdict {
  name: string;
  failures: CheckResult[];
}

export function existingPodWarnings(namespace: string, enforce: LevelVersion, pods: readonly PodVerdict[]): string[] {
  const groups = new Map<string, string[]>();
  for (const pod of pods) {
    if (!pod.failures.length) continue;
    const reasons = pod.failures.map((f) => f.reason).join(', ');
    groups.set(reasons, [...(groups.get(reasons) ?? []), pod.name]);
  }
  if (!groups.size) return [];
  const lines = [`existing pods in namespace "${namespace}" violate the new PodSecurity enforce level "${levelVersionText(enforce)}"`];
  for (const [reasons, names] of groups) {
    const others = names.length - 1;
    lines.push(others ? `${names[0]} (and ${others} other ${others === 1 ? 'pod' : 'pods'}): ${reasons}` : `${names[0]}: ${reasons}`);
  }
  return lines;
}
