// What every controller with a selector and a pod template checks (ValidatePodTemplateSpecFor-
// ReplicaSet and its StatefulSet, DaemonSet and Job siblings): a required, valid, non-empty
// selector that matches the template's labels, and the restart policies the controller allows.
import { forbidden, invalid, notSupported, required, type FieldError } from '../../api/field-errors.js';
import { labelSelectorFromObject, type LabelSelectorObject } from '../../selectors/label-selector.js';
import { labelSelector, selectorIsEmpty } from './common.js';
import { validatePodTemplateSpec } from './pod-spec.js';
import { obj, str, stringMap, type Obj } from './values.js';

export interface SelectorRules {
  /** The kind named in `empty selector is invalid for <kind>`. */
  emptyName: string;
  requireSelector: boolean;
}

export function selectorErrors(spec: Obj, rules: SelectorRules): FieldError[] {
  if (spec.selector === undefined) return rules.requireSelector ? [required('spec.selector', '')] : [];
  const errs = labelSelector(spec.selector, 'spec.selector');
  if (selectorIsEmpty(spec.selector)) errs.push(invalid('spec.selector', spec.selector, `empty selector is invalid for ${rules.emptyName}`));
  return errs;
}

/** `selector` does not match template `labels`, when the selector parses and selects something. */
export function templateLabelErrors(spec: Obj, path = 'spec.template'): FieldError[] {
  let selector;
  try {
    selector = labelSelectorFromObject(obj(spec.selector) as LabelSelectorObject | undefined);
  } catch {
    return [invalid('spec.selector', spec.selector, 'invalid label selector')];
  }
  const labels = stringMap(obj(obj(spec.template)?.metadata)?.labels);
  if (selector.empty || selector.matches(labels)) return [];
  return [invalid(`${path}.metadata.labels`, labels ?? null, '`selector` does not match template `labels`')];
}

/** The template's own rules and a restart policy of Always, with no activeDeadlineSeconds. */
export function alwaysRestartingTemplate(spec: Obj, kind: string): FieldError[] {
  const errs = validatePodTemplateSpec(spec.template, 'spec.template');
  const podSpec = obj(obj(spec.template)?.spec) ?? {};
  if (str(podSpec.restartPolicy) !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', str(podSpec.restartPolicy), ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', `activeDeadlineSeconds in ${kind} is not Supported`));
  }
  return errs;
}
