// apps/v1 validation (pkg/apis/apps/validation): Deployment, ReplicaSet, StatefulSet and DaemonSet
// specs. Selector immutability on update stays in the strategies.
import { forbidden, invalid, notSupported, required, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { regexError } from '../names.js';
import { nonNegative } from './common.js';
import { alwaysRestartingTemplate, selectorErrors, templateLabelErrors } from './workload-template.js';
import { obj, str, type Obj } from './values.js';

const PERCENT = regexError("a valid percent string must be a numeric string followed by an ending '%'", '[0-9]+%', '1%', '93%');

function intOrPercent(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') return /^[0-9]+%$/.test(value) ? [] : [invalid(path, value, PERCENT)];
  return nonNegative(path, value);
}

function amount(value: unknown): number {
  return typeof value === 'string' ? Number.parseInt(value, 10) || 0 : typeof value === 'number' ? value : 0;
}

function rollingUpdate(update: Obj, path: string): FieldError[] {
  const errs = [...intOrPercent(update.maxUnavailable, `${path}.maxUnavailable`), ...intOrPercent(update.maxSurge, `${path}.maxSurge`)];
  if (amount(update.maxUnavailable) === 0 && amount(update.maxSurge) === 0) {
    errs.push(invalid(`${path}.maxUnavailable`, update.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'));
  }
  const unavailable = update.maxUnavailable;
  if (typeof unavailable === 'string' && /^[0-9]+%$/.test(unavailable) && amount(unavailable) > 100) {
    errs.push(invalid(`${path}.maxUnavailable`, unavailable, 'must not be greater than 100%'));
  }
  return errs;
}

function deploymentStrategy(strategy: Obj): FieldError[] {
  const path = 'spec.strategy';
  const type = str(strategy.type);
  if (type === 'Recreate') return strategy.rollingUpdate === undefined ? [] : [forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")];
  if (type !== 'RollingUpdate') return [notSupported(path, strategy, ['Recreate', 'RollingUpdate'])];
  const update = obj(strategy.rollingUpdate);
  return update ? rollingUpdate(update, `${path}.rollingUpdate`) : [required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
}

export function validateDeployment(deployment: KubeObject): FieldError[] {
  const spec = obj(deployment.spec) ?? {};
  const errs = [...nonNegative('spec.replicas', spec.replicas), ...selectorErrors(spec, { emptyName: 'deployment', requireSelector: true })];
  errs.push(...templateLabelErrors(spec), ...alwaysRestartingTemplate(spec, 'ReplicaSet'));
  errs.push(...deploymentStrategy(obj(spec.strategy) ?? {}), ...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  errs.push(...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
  const deadline = spec.progressDeadlineSeconds;
  if (typeof deadline === 'number') {
    errs.push(...nonNegative('spec.progressDeadlineSeconds', deadline));
    if (deadline <= (typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0)) {
      errs.push(invalid('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

export function validateReplicaSet(replicaSet: KubeObject): FieldError[] {
  const spec = obj(replicaSet.spec) ?? {};
  const errs = [...nonNegative('spec.replicas', spec.replicas), ...nonNegative('spec.minReadySeconds', spec.minReadySeconds)];
  errs.push(...selectorErrors(spec, { emptyName: 'deployment', requireSelector: true }));
  errs.push(...templateLabelErrors(spec), ...alwaysRestartingTemplate(spec, 'ReplicaSet'));
  return errs;
}

function statefulSetPolicies(spec: Obj): FieldError[] {
  const policy = str(spec.podManagementPolicy);
  if (!policy) return [required('spec.podManagementPolicy', '')];
  if (policy === 'OrderedReady' || policy === 'Parallel') return [];
  return [invalid('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'")];
}

function statefulSetStrategy(strategy: Obj): FieldError[] {
  const type = str(strategy.type);
  if (!type) return [required('spec.updateStrategy', '')];
  if (type === 'OnDelete') return strategy.rollingUpdate === undefined ? [] : [invalid('spec.updateStrategy.rollingUpdate', strategy.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'")];
  if (type !== 'RollingUpdate') return [invalid('spec.updateStrategy', strategy, "must be 'RollingUpdate' or 'OnDelete'")];
  return nonNegative('spec.updateStrategy.rollingUpdate.partition', obj(strategy.rollingUpdate)?.partition);
}

export function validateStatefulSet(statefulSet: KubeObject): FieldError[] {
  const spec = obj(statefulSet.spec) ?? {};
  const errs = [...statefulSetPolicies(spec), ...statefulSetStrategy(obj(spec.updateStrategy) ?? {})];
  errs.push(...nonNegative('spec.replicas', spec.replicas), ...nonNegative('spec.minReadySeconds', spec.minReadySeconds));
  errs.push(...selectorErrors(spec, { emptyName: 'statefulset', requireSelector: true }));
  errs.push(...templateLabelErrors(spec), ...alwaysRestartingTemplate(spec, 'StatefulSet'));
  return errs;
}

function daemonSetStrategy(strategy: Obj): FieldError[] {
  const type = str(strategy.type);
  if (type === 'OnDelete') return [];
  if (type !== 'RollingUpdate') return [notSupported('spec.updateStrategy', type, ['OnDelete', 'RollingUpdate'])];
  const update = obj(strategy.rollingUpdate) ?? {};
  const path = 'spec.updateStrategy.rollingUpdate';
  const errs = [...intOrPercent(update.maxUnavailable, `${path}.maxUnavailable`), ...intOrPercent(update.maxSurge, `${path}.maxSurge`)];
  if (amount(update.maxUnavailable) === 0 && amount(update.maxSurge) === 0) {
    errs.push(invalid(`${path}.maxUnavailable`, update.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'));
  }
  return errs;
}

export function validateDaemonSet(daemonSet: KubeObject): FieldError[] {
  const spec = obj(daemonSet.spec) ?? {};
  const errs = selectorErrors(spec, { emptyName: 'daemonset', requireSelector: true });
  errs.push(...templateLabelErrors(spec), ...alwaysRestartingTemplate(spec, 'DaemonSet'));
  errs.push(...nonNegative('spec.minReadySeconds', spec.minReadySeconds), ...daemonSetStrategy(obj(spec.updateStrategy) ?? {}));
  errs.push(...nonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
  return errs;
}
