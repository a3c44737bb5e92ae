// The Baseline Pod Security Standard's checks (pod-security-admission/policy check_*.go): no
// host namespaces, privileged containers, added capabilities beyond the default set, hostPath
// volumes, host ports, unconfined AppArmor or seccomp, custom SELinux, unmasked /proc, unsafe
// sysctls or Windows host processes. Each returns kube's reason and detail.
import type { CheckPod, CheckResult, PodSpec } from './pod-security-helpers.js';
import { badContainers, containersText, joinQuote, pluralize, setters, sortedUnique, allContainers } from './pod-security-helpers.js';
import type { ObjectMeta } from '../../api/types.js';

const fail = (reason: string, detail: string): CheckResult => ({ reason, detail });

export const hostNamespaces: CheckPod = (_meta, spec) => {
  const used = sortedUnique([spec.hostNetwork && 'hostNetwork', spec.hostPID && 'hostPID', spec.hostIPC && 'hostIPC'].filter((n): n is string => Boolean(n)));
  return used.length ? fail('host namespaces', used.join(', ')) : undefined;
};

export const privileged: CheckPod = (_meta, spec) => {
  const bad = badContainers(spec, (c) => c.securityContext?.privileged === true);
  return bad.length ? fail('privileged', `${containersText(bad)} must not set securityContext.privileged=true`) : undefined;
};

const DEFAULT_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

export const capabilitiesBaseline: CheckPod = (_meta, spec) => {
  const added = allContainers(spec).flatMap((c) => (c.securityContext?.capabilities?.add ?? []).filter((cap) => !DEFAULT_CAPABILITIES.has(cap)));
  const bad = badContainers(spec, (c) => (c.securityContext?.capabilities?.add ?? []).some((cap) => !DEFAULT_CAPABILITIES.has(cap)));
  return bad.length ? fail('non-default capabilities', `${containersText(bad)} must not include ${joinQuote(sortedUnique(added))} in securityContext.capabilities.add`) : undefined;
};

export const hostPathVolumes: CheckPod = (_meta, spec) => {
  const bad = (spec.volumes ?? []).filter((v) => v.hostPath !== undefined).map((v) => v.name ?? '');
  return bad.length ? fail('hostPath volumes', `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)}`) : undefined;
};

export const hostPorts: CheckPod = (_meta, spec) => {
  const ports = allContainers(spec).flatMap((c) => (c.ports ?? []).map((p) => p.hostPort ?? 0).filter((p) => p !== 0));
  const bad = badContainers(spec, (c) => (c.ports ?? []).some((p) => (p.hostPort ?? 0) !== 0));
  if (!bad.length) return undefined;
  const unique = sortedUnique(ports.map(String));
  return fail('hostPort', `${containersText(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('hostPort', 'hostPorts', unique.length)} ${unique.join(', ')}`);
};

const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

export const appArmorProfile: CheckPod = (meta, spec) => {
  const allowedType = (t: string | undefined): boolean => t === 'RuntimeDefault' || t === 'Localhost';
  const badValues = new Set<string>();
  const podType = spec.securityContext?.appArmorProfile?.type;
  const podBad = spec.securityContext?.appArmorProfile !== undefined && !allowedType(podType);
  if (podBad) badValues.add(podType ?? '');
  const bad = badContainers(spec, (c) => c.securityContext?.appArmorProfile !== undefined && !allowedType(c.securityContext.appArmorProfile.type));
  for (const c of allContainers(spec)) if (c.securityContext?.appArmorProfile !== undefined && !allowedType(c.securityContext.appArmorProfile.type)) badValues.add(c.securityContext.appArmorProfile.type ?? '');
  const annotations = Object.entries(meta.annotations ?? {})
    .filter(([k, v]) => k.startsWith(APPARMOR_ANNOTATION_PREFIX) && v !== '' && v !== 'runtime/default' && !v.startsWith('localhost/'))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .sort();
  const who = setters(podBad, bad);
  if (annotations.length) who.push(pluralize('annotation', 'annotations', annotations.length));
  if (!who.length) return undefined;
  const values = [...sortedUnique(badValues), ...annotations];
  return fail(pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', values.length), `${who.join(' and ')} must not set AppArmor profile type to ${joinQuote(values)}`);
};

const SELINUX_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);

export const seLinuxOptions: CheckPod = (_meta, spec) => {
  const badTypes = new Set<string>();
  let setUser = false;
  let setRole = false;
  const invalid = (opts: { type?: string; user?: string; role?: string } | undefined): boolean => {
    if (!opts) return false;
    const badType = !SELINUX_TYPES.has(opts.type ?? '');
    if (badType) badTypes.add(opts.type ?? '');
    if (opts.user) setUser = true;
    if (opts.role) setRole = true;
    return badType || Boolean(opts.user) || Boolean(opts.role);
  };
  const podBad = invalid(spec.securityContext?.seLinuxOptions);
  const bad = badContainers(spec, (c) => invalid(c.securityContext?.seLinuxOptions));
  const who = setters(podBad, bad);
  if (!who.length) return undefined;
  // As kube words it: user and role are only mentioned next to a bad type.
  const data: string[] = [];
  if (badTypes.size) {
    data.push(`${pluralize('type', 'types', badTypes.size)} ${joinQuote(sortedUnique(badTypes))}`);
    if (setUser) data.push('user may not be set');
    if (setRole) data.push('role may not be set');
  }
  return fail('seLinuxOptions', `${who.join(' and ')} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}`);
};

export const procMount: CheckPod = (_meta, spec) => {
  const isBad = (t: string | undefined): boolean => t !== undefined && t !== 'Default';
  const bad = badContainers(spec, (c) => isBad(c.securityContext?.procMount));
  if (!bad.length) return undefined;
  const types = sortedUnique(allContainers(spec).map((c) => c.securityContext?.procMount).filter((t): t is string => isBad(t)));
  return fail('procMount', `${containersText(bad)} must not set securityContext.procMount to ${joinQuote(types)}`);
};

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

/** Before 1.19 seccomp profiles were annotations. */
export const seccompBaselineAnnotations: CheckPod = (meta, spec) => {
  const valid = (v: string): boolean => v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/');
  const annotations = meta.annotations ?? {};
  const keys = [SECCOMP_POD_ANNOTATION, ...allContainers(spec).map((c) => SECCOMP_CONTAINER_PREFIX + (c.name ?? ''))];
  const bad = sortedUnique(keys.filter((k) => annotations[k] !== undefined && !valid(annotations[k])).map((k) => `${k}=${JSON.stringify(annotations[k])}`));
  return bad.length ? fail('seccompProfile', `forbidden ${pluralize('annotation', 'annotations', bad.length)} ${bad.join(', ')}`) : undefined;
};

export const validSeccomp = (t: string | undefined): boolean => t === 'RuntimeDefault' || t === 'Localhost';

export const seccompBaseline: CheckPod = (_meta, spec) => {
  const badValues = new Set<string>();
  const podProfile = spec.securityContext?.seccompProfile;
  const podBad = podProfile !== undefined && !validSeccomp(podProfile.type);
  if (podBad) badValues.add(podProfile?.type ?? '');
  const bad = badContainers(spec, (c) => c.securityContext?.seccompProfile !== undefined && !validSeccomp(c.securityContext.seccompProfile.type));
  for (const c of allContainers(spec)) if (c.securityContext?.seccompProfile && !validSeccomp(c.securityContext.seccompProfile.type)) badValues.add(c.securityContext.seccompProfile.type ?? '');
  const who = setters(podBad, bad);
  return who.length ? fail('seccompProfile', `${who.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedUnique(badValues))}`) : undefined;
};

const SYSCTLS_1_0 = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start'];
const SYSCTLS_1_27 = [...SYSCTLS_1_0, 'net.ipv4.ip_local_reserved_ports'];
const SYSCTLS_1_29 = [...SYSCTLS_1_27, 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];

function sysctlsCheck(allowed: readonly string[]): CheckPod {
  return (_meta: ObjectMeta, spec: PodSpec) => {
    const bad = (spec.securityContext?.sysctls ?? []).map((s) => s.name ?? '').filter((n) => !allowed.includes(n));
    return bad.length ? fail('forbidden sysctls', bad.join(', ')) : undefined;
  };
}

export const sysctls1_0 = sysctlsCheck(SYSCTLS_1_0);
export const sysctls1_27 = sysctlsCheck(SYSCTLS_1_27);
export const sysctls1_29 = sysctlsCheck(SYSCTLS_1_29);

export const windowsHostProcess: CheckPod = (_meta, spec) => {
  const bad = badContainers(spec, (c) => c.securityContext?.windowsOptions?.hostProcess === true);
  const who = setters(spec.securityContext?.windowsOptions?.hostProcess === true, bad);
  return who.length ? fail('hostProcess', `${who.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`) : undefined;
};
