// validateContainers, validateInitContainers and validateContainerCommon: names, images, ports,
// env, mounts, pull policy, resources and probes; names unique across regular and init containers.
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../../api/field-errors.js';
import { dns1123Label, isValidPortNum, PORT_RANGE, portNameErrors } from './common.js';
import { validateLifecycle, validateProbe } from './probes.js';
import { validateResources } from './resources.js';
import { validateVolumeMounts } from './volumes.js';
import { list, str, type Obj } from './values.js';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const ENV_NAME = "a valid environment variable name must consist only of printable ASCII characters other than '='";

function enumField(path: string, value: unknown, supported: readonly string[]): FieldError[] {
  const text = str(value);
  if (!text) return [required(path, '')];
  return supported.includes(text) ? [] : [notSupported(path, text, supported)];
}

function validatePorts(ports: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list(ports).forEach((port, i) => {
    const p = `${path}[${i}]`;
    const name = str(port.name);
    if (name) {
      const msgs = portNameErrors(name);
      if (msgs.length) errs.push(...msgs.map((msg) => invalid(`${p}.name`, name, msg)));
      else if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
      else names.add(name);
    }
    const containerPort = port.containerPort;
    if (!containerPort) errs.push(required(`${p}.containerPort`, ''));
    else if (!isValidPortNum(Number(containerPort))) errs.push(invalid(`${p}.containerPort`, containerPort, PORT_RANGE));
    if (port.hostPort && !isValidPortNum(Number(port.hostPort))) errs.push(invalid(`${p}.hostPort`, port.hostPort, PORT_RANGE));
    errs.push(...enumField(`${p}.protocol`, port.protocol, PROTOCOLS));
  });
  return errs;
}

function validateEnv(env: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  list(env).forEach((entry, i) => {
    const name = str(entry.name);
    if (!name) errs.push(required(`${path}[${i}].name`, ''));
    else if (!/^[ -<>-~]+$/.test(name)) errs.push(invalid(`${path}[${i}].name`, name, ENV_NAME));
  });
  return errs;
}

function validateContainerCommon(container: Obj, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(container.name);
  if (!name) errs.push(required(`${path}.name`, ''));
  else errs.push(...dns1123Label(`${path}.name`, name));
  if (!str(container.image)) errs.push(required(`${path}.image`, ''));
  errs.push(...enumField(`${path}.terminationMessagePolicy`, container.terminationMessagePolicy, MESSAGE_POLICIES));
  errs.push(...validatePorts(container.ports, `${path}.ports`));
  errs.push(...validateEnv(container.env, `${path}.env`));
  errs.push(...validateVolumeMounts(container.volumeMounts, volumes, `${path}.volumeMounts`));
  errs.push(...enumField(`${path}.imagePullPolicy`, container.imagePullPolicy, PULL_POLICIES));
  errs.push(...validateResources(container.resources, `${path}.resources`));
  return errs;
}

function probesAndLifecycle(container: Obj, path: string): FieldError[] {
  const errs = container.lifecycle === undefined ? [] : validateLifecycle(container.lifecycle, `${path}.lifecycle`);
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) errs.push(...validateProbe(container[kind], kind, `${path}.${kind}`));
  return errs;
}

export function validateContainers(containers: unknown, volumes: Set<string>, path: string): FieldError[] {
  const items = list(containers);
  if (!items.length) return [required(path, '')];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  items.forEach((container, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(container, volumes, p));
    const name = str(container.name);
    if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
    else names.add(name);
    errs.push(...probesAndLifecycle(container, p));
    if (container.restartPolicy !== undefined) errs.push(forbidden(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  });
  return errs;
}

const NOT_FOR_INIT = 'may not be set for init containers without restartPolicy=Always';

function initContainerHooks(container: Obj, path: string): FieldError[] {
  if (container.restartPolicy === 'Always') return probesAndLifecycle(container, path);
  const errs: FieldError[] = [];
  if (container.lifecycle !== undefined) errs.push(forbidden(`${path}.lifecycle`, NOT_FOR_INIT));
  if (container.livenessProbe !== undefined) errs.push(forbidden(`${path}.livenessProbe`, NOT_FOR_INIT));
  if (container.readinessProbe !== undefined) errs.push(forbidden(`${path}.readinessProbe`, 'may not be set for init containers'));
  if (container.startupProbe !== undefined) errs.push(forbidden(`${path}.startupProbe`, NOT_FOR_INIT));
  return errs;
}

export function validateInitContainers(initContainers: unknown, containers: unknown, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(list(containers).map((c) => str(c.name)));
  list(initContainers).forEach((container, i) => {
    const p = `${path}[${i}]`;
    errs.push(...validateContainerCommon(container, volumes, p));
    const policy = container.restartPolicy;
    if (policy !== undefined && policy !== 'Always') errs.push(notSupported(`${p}.restartPolicy`, policy, ['Always']));
    const name = str(container.name);
    if (names.has(name)) errs.push(duplicate(`${p}.name`, name));
    else if (name) names.add(name);
    errs.push(...initContainerHooks(container, p));
  });
  return errs;
}
