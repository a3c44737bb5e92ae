// Label and field selectors as kube-apiserver reads them from `?labelSelector=` and
// `?fieldSelector=`, and as controllers build them from metav1.LabelSelector objects. Parsing,
// matching, printing and every error text follow k8s.io/apimachinery pkg/labels and pkg/fields.
//
// This file: the label selector matcher and its three sources (a query string, a
// metav1.LabelSelector, a plain label set).
import { newBadRequest } from '../api/errors.js';
import { parseLabelRequirements } from './label-parser.js';
import {
  LabelSelectorError,
  newRequirement,
  requirementMatches,
  requirementString,
  type LabelOperator,
  type LabelRequirement,
} from './label-requirement.js';

export class LabelSelector {
  /** Requirements sorted by key; all must match. */
  readonly requirements: readonly LabelRequirement[];
  /** labels.Nothing(): the selector of a nil metav1.LabelSelector. */
  readonly #nothing: boolean;

  constructor(requirements: readonly LabelRequirement[], nothing = false) {
    this.requirements = requirements;
    this.#nothing = nothing;
  }

  static everything(): LabelSelector {
    return new LabelSelector([]);
  }

  static nothing(): LabelSelector {
    return new LabelSelector([], true);
  }

  /** True when the selector restricts nothing (Nothing() is not empty: it matches nothing). */
  get empty(): boolean {
    return !this.#nothing && this.requirements.length === 0;
  }

  matches(labels: Readonly<Record<string, string>> | undefined): boolean {
    return !this.#nothing && this.requirements.every((r) => requirementMatches(r, labels));
  }

  toString(): string {
    return this.requirements.map(requirementString).join(',');
  }
}

/** `?labelSelector=` as the apiserver decodes it; a syntax error is a 400 with labels.Parse's text. */
export function parseLabelSelector(selector: string): LabelSelector {
  try {
    return new LabelSelector(parseLabelRequirements(selector));
  } catch (err) {
    if (err instanceof LabelSelectorError) throw newBadRequest(err.message);
    throw err;
  }
}

export interface LabelSelectorRequirementObject {
  key: string;
  operator: string;
  values?: string[];
}

/** metav1.LabelSelector as objects carry it (spec.selector of a Deployment, ReplicaSet, ...). */
export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirementObject[];
}

const EXPRESSION_OPERATORS: Record<string, LabelOperator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

const byKey = (a: LabelRequirement, b: LabelRequirement): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * metav1.LabelSelectorAsSelector: null/undefined matches nothing, an empty selector everything.
 * An invalid selector throws LabelSelectorError with Kubernetes' text; the caller decides what
 * kind of Status, if any, it becomes.
 */
export function labelSelectorFromObject(sel: LabelSelectorObject | null | undefined): LabelSelector {
  if (!sel) return LabelSelector.nothing();
  const labels = Object.entries(sel.matchLabels ?? {});
  const expressions = sel.matchExpressions ?? [];
  const requirements = labels.map(([key, value]) => newRequirement(key, '=', [value]));
  for (const expr of expressions) {
    const operator = EXPRESSION_OPERATORS[expr.operator];
    if (!operator) throw new LabelSelectorError(`${JSON.stringify(expr.operator)} is not a valid label selector operator`);
    requirements.push(newRequirement(expr.key, operator, expr.values ?? []));
  }
  return new LabelSelector(requirements.sort(byKey));
}

/** labels.SelectorFromSet: each label must be present with that value; no validation. */
export function labelSelectorFromSet(set: Record<string, string> | undefined): LabelSelector {
  const requirements = Object.entries(set ?? {}).map(([key, value]): LabelRequirement => ({ key, operator: '=', values: [value] }));
  return new LabelSelector(requirements.sort(byKey));
}

export { LabelSelectorError, type LabelOperator, type LabelRequirement };
