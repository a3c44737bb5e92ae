// core/v1 Event validation (legacyValidateEvent, all that ValidateEventCreate and -Update run for
// v1): the involved object's namespace agrees with the event's, and events with an eventTime
// name their reporter, action and reason within Kubernetes' length limits.
import { invalid, required, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { byteLength, isDNS1123Subdomain, isQualifiedName } from '../names.js';
import { obj, str } from './values.js';

const NAMESPACE_MISMATCH = 'does not match event.namespace';

function limited(path: string, value: string, max: number, requiredToo: boolean): FieldError[] {
  const errs = requiredToo && !value ? [required(path, '')] : [];
  if (byteLength(value) > max) errs.push(invalid(path, '', `can have at most ${max} characters`));
  return errs;
}

function involvedNamespace(event: KubeObject, timed: boolean): FieldError[] {
  const own = event.metadata.namespace ?? '';
  const involved = str(obj(event.involvedObject)?.namespace);
  const agrees = timed
    ? involved !== '' || own === 'default' || own === 'kube-system'
    : involved === '' ? own === '' || own === 'default' : involved === own;
  return agrees ? [] : [invalid('involvedObject.namespace', involved, NAMESPACE_MISMATCH)];
}

function reporting(event: KubeObject): FieldError[] {
  const controller = str(event.reportingComponent);
  const errs = controller ? [] : [required('reportingComponent', '')];
  errs.push(...isQualifiedName(controller).map((msg) => invalid('reportingComponent', controller, msg)));
  errs.push(...limited('reportingInstance', str(event.reportingInstance), 128, true));
  errs.push(...limited('action', str(event.action), 128, true));
  errs.push(...limited('reason', str(event.reason), 128, true));
  errs.push(...limited('message', str(event.message), 1024, false));
  return errs;
}

export function validateEvent(event: KubeObject): FieldError[] {
  const timed = Boolean(event.eventTime);
  const errs = [...involvedNamespace(event, timed), ...(timed ? reporting(event) : [])];
  const namespace = event.metadata.namespace ?? '';
  errs.push(...isDNS1123Subdomain(namespace).map((msg) => invalid('namespace', namespace, msg)));
  return errs;
}
