// validateProbe, validateLifecycle and validateHandler: exactly one handler (exec, httpGet,
// tcpSocket, grpc for probes; sleep instead of grpc for lifecycle hooks), valid ports, and the
// probe timings.
import { forbidden, invalid, notSupported, required, type FieldError } from '../../api/field-errors.js';
import { isValidPortNum, nonNegative, PORT_RANGE, portNumOrName } from './common.js';
import { obj, str, type Obj } from './values.js';

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

function handlerErrors(kind: string, handler: Obj, path: string): FieldError[] {
  switch (kind) {
    case 'exec':
      return Array.isArray(handler.command) && handler.command.length ? [] : [required(`${path}.command`, '')];
    case 'httpGet': {
      const errs = str(handler.path) ? [] : [required(`${path}.path`, '')];
      errs.push(...portNumOrName(`${path}.port`, handler.port));
      const scheme = str(handler.scheme);
      if (scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(notSupported(`${path}.scheme`, scheme, ['HTTP', 'HTTPS']));
      return errs;
    }
    case 'tcpSocket':
      return portNumOrName(`${path}.port`, handler.port);
    case 'grpc': {
      const port = handler.port;
      return typeof port === 'number' && isValidPortNum(port) ? [] : [invalid(`${path}.port`, port, PORT_RANGE)];
    }
    default:
      return nonNegative(`${path}.seconds`, handler.seconds);
  }
}

function validateHandler(holder: Obj, kinds: readonly string[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of kinds) {
    const handler = obj(holder[kind]);
    if (!handler) continue;
    if (count++ > 0) errs.push(forbidden(`${path}.${kind}`, 'may not specify more than 1 handler type'));
    else errs.push(...handlerErrors(kind, handler, `${path}.${kind}`));
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

export function validateProbe(value: unknown, kind: ProbeKind, path: string): FieldError[] {
  const probe = obj(value);
  if (!probe) return [];
  const errs = validateHandler(probe, PROBE_HANDLERS, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) errs.push(...nonNegative(`${path}.${f}`, probe[f]));
  const grace = probe.terminationGracePeriodSeconds;
  if (typeof grace === 'number' && grace <= 0) errs.push(invalid(`${path}.terminationGracePeriodSeconds`, grace, 'must be greater than 0'));
  if (kind === 'readinessProbe' && grace !== undefined) errs.push(invalid(`${path}.terminationGracePeriodSeconds`, grace, 'must not be set for readinessProbes'));
  if (kind !== 'readinessProbe' && probe.successThreshold !== 1) errs.push(invalid(`${path}.successThreshold`, probe.successThreshold ?? 0, 'must be 1'));
  return errs;
}

export function validateLifecycle(value: unknown, path: string): FieldError[] {
  const lifecycle = obj(value) ?? {};
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop']) {
    const handler = obj(lifecycle[hook]);
    if (handler) errs.push(...validateHandler(handler, LIFECYCLE_HANDLERS, `${path}.${hook}`));
  }
  return errs;
}
