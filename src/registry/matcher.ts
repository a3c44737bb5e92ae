// The predicate a list or watch filters with (registry/generic/matcher.go): label selector on
// metadata.labels, field selector on the kind's selectable fields after its label conversion.
// It reads stored versions: labels without decoding, the object only for a field selector.
import type { StoredObject } from '../storage/interfaces.js';
import { newBadRequest } from '../api/errors.js';
import { parseLabelSelector } from '../selectors/label-selector.js';
import { parseFieldSelector } from '../selectors/field-selector.js';
import { defaultFieldSelection } from './field-labels.js';
import type { ResourceDefinition } from './resource.js';

export type ObjectMatcher = (version: StoredObject) => boolean;

/**
 * Builds the predicate. `name` is set for requests addressed to one object (the legacy
 * `/watch/.../<name>` form), which then also match on metadata.name.
 */
export function buildMatcher(def: ResourceDefinition, labelSelector: string, fieldSelector: string, name?: string): ObjectMatcher {
  const labels = parseLabelSelector(labelSelector);
  const selection = def.fieldSelection ?? defaultFieldSelection(def.namespaced);
  let fields = parseFieldSelector(fieldSelector).withConvertedLabels((label) => selection.convertLabel(label));
  if (name) {
    const conflicting = fields.requirements.some((r) => r.field === 'metadata.name' && r.operator === '=' && r.value !== name);
    if (conflicting) throw newBadRequest("fieldSelector metadata.name doesn't match requested name");
    fields = parseFieldSelector(fieldSelector ? `${fieldSelector},metadata.name=${name}` : `metadata.name=${name}`).withConvertedLabels((l) => selection.convertLabel(l));
  }
  if (labels.empty && fields.empty) return () => true;
  return (v) => labels.matches(v.labels) && (fields.empty || fields.matches(selection.fields(v.object)));
}
