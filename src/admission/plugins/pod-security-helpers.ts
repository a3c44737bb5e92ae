// Shapes and wording shared by the Pod Security Standards checks (pod-security-admission/policy):
// the pod fields they read, every container in visiting order, and the message helpers.
import type { ObjectMeta } from '../../api/types.js';

export interface SecurityContext {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  procMount?: string;
  capabilities?: { add?: string[]; drop?: string[] };
  seLinuxOptions?: { type?: string; user?: string; role?: string };
  seccompProfile?: { type?: string };
  appArmorProfile?: { type?: string };
  windowsOptions?: { hostProcess?: boolean };
  sysctls?: { name?: string }[];
}

export interface Container {
  name?: string;
  securityContext?: SecurityContext;
  ports?: { hostPort?: number }[];
}

export interface PodSpec {
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  securityContext?: SecurityContext;
  volumes?: ({ name?: string } & Record<string, unknown>)[];
  containers?: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
  os?: { name?: string };
}

export interface CheckResult {
  reason: string;
  detail: string;
}

export type CheckPod = (meta: ObjectMeta, spec: PodSpec) => CheckResult | undefined;

/** Init containers, then containers, then ephemeral containers. */
export function allContainers(spec: PodSpec): Container[] {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])];
}

export function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural;
}

/** `"a", "b"` (Go's %q of each, comma-joined). */
export function joinQuote(items: readonly string[]): string {
  return items.map((i) => JSON.stringify(i)).join(', ');
}

/** `container "a"` / `containers "a", "b"`. */
export function containersText(names: readonly string[]): string {
  return `${pluralize('container', 'containers', names.length)} ${joinQuote(names)}`;
}

export const sortedUnique = (items: Iterable<string>): string[] => [...new Set(items)].sort();

/** Names of the containers the predicate picks. */
export function badContainers(spec: PodSpec, bad: (c: Container) => boolean): string[] {
  return allContainers(spec)
    .filter(bad)
    .map((c) => c.name ?? '');
}

/** `pod and containers "a"` style setters: the pod when it set the bad value, then the containers. */
export function setters(podBad: boolean, containers: readonly string[]): string[] {
  return [...(podBad ? ['pod'] : []), ...(containers.length ? [containersText(containers)] : [])];
}
