// ValidatePodSpec and ValidatePodTemplateSpec (pkg/apis/core/validation), in Kubernetes' order.
import { forbidden, invalid, notSupported, required, type FieldError } from '../../api/field-errors.js';
import { validateAnnotations, validateLabels } from '../metadata-fields.js';
import { isDNS1123Subdomain } from '../names.js';
import { dns1123Label } from './common.js';
import { validateContainers, validateInitContainers } from './containers.js';
import { validateVolumes } from './volumes.js';
import { obj, str, stringMap, type Obj } from './values.js';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const MAX_INT32 = 2147483647;

function enumField(path: string, value: unknown, supported: readonly string[]): FieldError[] {
  const text = str(value);
  if (!text) return [required(path, '')];
  return supported.includes(text) ? [] : [notSupported(path, text, supported)];
}

function namedFields(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['serviceAccountName', 'nodeName']) {
    const value = str(spec[f]);
    if (value) for (const msg of isDNS1123Subdomain(value)) errs.push(invalid(`${path}.${f}`, value, msg));
  }
  const deadline = spec.activeDeadlineSeconds;
  if (typeof deadline === 'number' && (deadline < 1 || deadline > MAX_INT32)) {
    errs.push(invalid(`${path}.activeDeadlineSeconds`, deadline, `must be between 1 and ${MAX_INT32}, inclusive`));
  }
  for (const f of ['hostname', 'subdomain']) if (str(spec[f])) errs.push(...dns1123Label(`${path}.${f}`, str(spec[f])));
  return errs;
}

export function validatePodSpec(value: unknown, path: string): FieldError[] {
  const spec = obj(value) ?? {};
  const errs: FieldError[] = [];
  if (spec.terminationGracePeriodSeconds === undefined) errs.push(required(`${path}.terminationGracePeriodSeconds`, ''));
  const volumes = validateVolumes(spec.volumes, `${path}.volumes`);
  errs.push(...volumes.errors);
  errs.push(...validateContainers(spec.containers, volumes.names, `${path}.containers`));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, volumes.names, `${path}.initContainers`));
  errs.push(...enumField(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES));
  errs.push(...enumField(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  errs.push(...validateLabels(stringMap(spec.nodeSelector), `${path}.nodeSelector`));
  errs.push(...namedFields(spec, path));
  return errs;
}

/** A template's labels and annotations are checked under `<path>.labels`, not `.metadata.labels`. */
export function validatePodTemplateSpec(value: unknown, path: string): FieldError[] {
  const template = obj(value) ?? {};
  const meta = obj(template.metadata) ?? {};
  const errs = [...validateLabels(stringMap(meta.labels), `${path}.labels`), ...validateAnnotations(stringMap(meta.annotations), `${path}.annotations`)];
  errs.push(...validatePodSpec(template.spec, `${path}.spec`));
  if (Array.isArray(obj(template.spec)?.ephemeralContainers) && (obj(template.spec)?.ephemeralContainers as unknown[]).length) {
    errs.push(forbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}
