// The names a CustomResourceDefinition is given (naming_controller.go): each requested name is
// taken unless another CRD of the group holds it; the last conflict is the NamesAccepted reason.
import {
  isConditionTrue,
  type CustomResourceDefinition,
  type CustomResourceDefinitionCondition as CRDCondition,
  type CustomResourceDefinitionNames as CRDNames,
} from '../registry/apiextensions/types.js';

/** The names a CRD holds, and its group. */
export interface HeldNames {
  group: string;
  names: CRDNames;
}

export interface NamesOutcome {
  names: CRDNames;
  conditions: CRDCondition[];
}

/** equalToAcceptedOrFresh: a name is ours already, or nobody's in the group. */
function claim(requested: string | undefined, accepted: string | undefined, used: Set<string>): string | undefined {
  if (requested === accepted || requested === undefined || !used.has(requested)) return undefined;
  return `"${requested}" is already in use`;
}

/** The names as Go encodes CustomResourceDefinitionNames: its field order, empty lists left out. */
function inFieldOrder(n: CRDNames): CRDNames {
  const names: CRDNames = { plural: n.plural ?? '' };
  if (n.singular) names.singular = n.singular;
  if (n.shortNames?.length) names.shortNames = n.shortNames;
  names.kind = n.kind ?? '';
  if (n.listKind) names.listKind = n.listKind;
  if (n.categories?.length) names.categories = n.categories;
  return names;
}

/**
 * NamingConditionController.calculateNamesAndConditions, with the establishing controller's step:
 * the names the CRD may have given those `held` by the CRDs (by name), and its two conditions.
 */
export function namesAndConditions(crd: CustomResourceDefinition, held: ReadonlyMap<string, HeldNames>): NamesOutcome {
  const resources = new Set<string>();
  const kinds = new Set<string>();
  for (const [other, { group, names: n }] of held) {
    if (group !== crd.spec?.group || other === crd.metadata.name) continue;
    for (const r of [n.plural, n.singular, ...(n.shortNames ?? [])]) if (r) resources.add(r);
    for (const k of [n.kind, n.listKind]) if (k) kinds.add(k);
  }
  const requested = crd.spec?.names ?? {};
  const accepted = crd.status?.acceptedNames ?? {};
  const names: CRDNames = { ...accepted };
  let problem: { reason: string; message: string } | undefined;
  const take = (field: 'plural' | 'singular' | 'kind' | 'listKind', used: Set<string>, reason: string): void => {
    const message = claim(requested[field], accepted[field], used);
    if (message) problem = { reason, message };
    else if (requested[field] !== undefined) names[field] = requested[field];
  };
  take('plural', resources, 'PluralConflict');
  take('singular', resources, 'SingularConflict');
  const own = new Set(accepted.shortNames ?? []);
  const shortNameProblems = (requested.shortNames ?? []).filter((s) => !own.has(s)).map((s) => claim(s, '', resources)).filter((m): m is string => !!m);
  if (shortNameProblems.length) problem = { reason: 'ShortNamesConflict', message: shortNameProblems.length === 1 ? shortNameProblems[0] : `[${shortNameProblems.join(', ')}]` };
  else names.shortNames = requested.shortNames;
  take('kind', kinds, 'KindConflict');
  take('listKind', kinds, 'ListKindConflict');
  names.categories = requested.categories;
  const namesAccepted: CRDCondition = problem
    ? { type: 'NamesAccepted', status: 'False', ...problem }
    : { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' };
  const established: CRDCondition =
    isConditionTrue(crd, 'Established') || !problem
      ? { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' }
      : { type: 'Established', status: 'False', reason: 'NotAccepted', message: 'not all names are accepted' };
  return { names: inFieldOrder(names), conditions: [namesAccepted, established] };
}
