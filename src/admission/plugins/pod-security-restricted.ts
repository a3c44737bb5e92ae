// The Restricted Pod Security Standard's own checks (on top of Baseline): only ephemeral-safe
// volume types, no privilege escalation, non-root users, a RuntimeDefault or Localhost seccomp
// profile, and all capabilities dropped (NET_BIND_SERVICE may be added back). From 1.25 the
// Linux-only ones do not apply to Windows pods.
import type { CheckPod, CheckResult, PodSpec } from './pod-security-helpers.js';
import { allContainers, badContainers, containersText, joinQuote, pluralize, setters, sortedUnique } from './pod-security-helpers.js';
import { validSeccomp } from './pod-security-baseline.js';

const fail = (reason: string, detail: string): CheckResult => ({ reason, detail });

/** The 1.25 variants: a pod that says it runs on Windows passes. */
export function exceptWindows(check: CheckPod): CheckPod {
  return (meta, spec) => (spec.os?.name === 'windows' ? undefined : check(meta, spec));
}

const ALLOWED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];
const RESTRICTED_VOLUMES = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'fc',
  'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
];

export const restrictedVolumes: CheckPod = (_meta, spec) => {
  const bad: string[] = [];
  const types = new Set<string>();
  for (const volume of spec.volumes ?? []) {
    if (ALLOWED_VOLUMES.some((t) => volume[t] !== undefined && volume[t] !== null)) continue;
    bad.push(volume.name ?? '');
    types.add(RESTRICTED_VOLUMES.find((t) => volume[t] !== undefined && volume[t] !== null) ?? 'unknown');
  }
  if (!bad.length) return undefined;
  return fail(
    'restricted volume types',
    `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('restricted volume type', 'restricted volume types', types.size)} ${joinQuote(sortedUnique(types))}`,
  );
};

export const allowPrivilegeEscalation: CheckPod = (_meta, spec) => {
  const bad = badContainers(spec, (c) => c.securityContext?.allowPrivilegeEscalation !== false);
  return bad.length ? fail('allowPrivilegeEscalation != false', `${containersText(bad)} must set securityContext.allowPrivilegeEscalation=false`) : undefined;
};

/** A setting the pod may make for all containers, which each container may override. */
function podOrContainers(spec: PodSpec, read: (sc: PodSpec['securityContext']) => unknown, good: (v: unknown) => boolean) {
  const podValue = read(spec.securityContext);
  const podBad = podValue !== undefined && !good(podValue);
  const podGood = podValue !== undefined && good(podValue);
  const explicit: string[] = [];
  const implicit: string[] = [];
  for (const c of allContainers(spec)) {
    const value = read(c.securityContext);
    if (value !== undefined) {
      if (!good(value)) explicit.push(c.name ?? '');
    } else if (!podGood) {
      implicit.push(c.name ?? '');
    }
  }
  return { podBad, explicit, implicit };
}

export const runAsNonRoot: CheckPod = (_meta, spec) => {
  const { podBad, explicit, implicit } = podOrContainers(spec, (sc) => sc?.runAsNonRoot, (v) => v === true);
  const who = setters(podBad, explicit);
  if (who.length) return fail('runAsNonRoot != true', `${who.join(' and ')} must not set securityContext.runAsNonRoot=false`);
  if (implicit.length) return fail('runAsNonRoot != true', `pod or ${containersText(implicit)} must set securityContext.runAsNonRoot=true`);
  return undefined;
};

export const runAsUser: CheckPod = (_meta, spec) => {
  const bad = badContainers(spec, (c) => c.securityContext?.runAsUser === 0);
  const who = setters(spec.securityContext?.runAsUser === 0, bad);
  return who.length ? fail('runAsUser=0', `${who.join(' and ')} must not set runAsUser=0`) : undefined;
};

export const seccompRestricted: CheckPod = (_meta, spec) => {
  const { podBad, explicit, implicit } = podOrContainers(spec, (sc) => sc?.seccompProfile, (v) => validSeccomp((v as { type?: string }).type));
  const badValues = new Set<string>();
  if (podBad) badValues.add(spec.securityContext?.seccompProfile?.type ?? '');
  for (const c of allContainers(spec)) if (c.securityContext?.seccompProfile && !validSeccomp(c.securityContext.seccompProfile.type)) badValues.add(c.securityContext.seccompProfile.type ?? '');
  const who = setters(podBad, explicit);
  if (who.length) return fail('seccompProfile', `${who.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedUnique(badValues))}`);
  if (implicit.length) return fail('seccompProfile', `pod or ${containersText(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`);
  return undefined;
};

export const capabilitiesRestricted: CheckPod = (_meta, spec) => {
  const missingDropAll: string[] = [];
  const addingForbidden: string[] = [];
  const forbidden = new Set<string>();
  for (const c of allContainers(spec)) {
    const caps = c.securityContext?.capabilities;
    if (!caps) {
      missingDropAll.push(c.name ?? '');
      continue;
    }
    if (!(caps.drop ?? []).includes('ALL')) missingDropAll.push(c.name ?? '');
    const added = (caps.add ?? []).filter((cap) => cap !== 'NET_BIND_SERVICE');
    added.forEach((cap) => forbidden.add(cap));
    if (added.length) addingForbidden.push(c.name ?? '');
  }
  const details: string[] = [];
  if (missingDropAll.length) details.push(`${containersText(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`);
  if (addingForbidden.length) details.push(`${containersText(addingForbidden)} must not include ${joinQuote(sortedUnique(forbidden))} in securityContext.capabilities.add`);
  return details.length ? fail('unrestricted capabilities', details.join('; ')) : undefined;
};
