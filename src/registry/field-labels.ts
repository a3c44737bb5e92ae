// Field-label conversions (pkg/apis/*/v1/conversion.go): which `?fieldSelector=` labels a kind
// accepts, the exact rejection text, and the selectable field sets they match against.
import type { KubeObject } from '../api/types.js';
import { newBadRequest } from '../api/errors.js';
import type { FieldSelection } from './resource.js';

type FieldGetter = (obj: KubeObject) => string;

function metadataFields(obj: KubeObject, namespaced: boolean): Record<string, string> {
  const fields: Record<string, string> = { 'metadata.name': obj.metadata.name ?? '' };
  if (namespaced) fields['metadata.namespace'] = obj.metadata.namespace ?? '';
  return fields;
}

/**
 * Kinds without a conversion function of their own: only metadata.name and metadata.namespace,
 * and the scheme's default rejection text.
 */
export function defaultFieldSelection(namespaced: boolean): FieldSelection {
  return {
    convertLabel(label) {
      if (label === 'metadata.name' || label === 'metadata.namespace') return label;
      throw newBadRequest(`"${label}" is not a known field selector: only "metadata.name", "metadata.namespace"`);
    },
    fields: (obj) => metadataFields(obj, namespaced),
  };
}

export interface ConversionOptions {
  namespaced: boolean;
  /** Extra selectable fields and how to read them. */
  fields: Record<string, FieldGetter>;
  /** Labels the conversion accepts and rewrites (Pod: spec.host → spec.nodeName). */
  aliases?: Record<string, string>;
  /** Labels the conversion accepts although the field set lacks them (Pod: status.podIPs). */
  acceptedOnly?: readonly string[];
  /** Whether metadata.namespace is accepted (not for Node). */
  acceptsNamespace?: boolean;
  /** The rejection text; `field label not supported: <label>` unless said. */
  reject?: (label: string) => string;
}

/** Kinds with a field-label conversion function in their v1 conversion.go. */
export function conversionFieldSelection(options: ConversionOptions): FieldSelection {
  const accepted = new Set<string>(['metadata.name', ...Object.keys(options.fields), ...(options.acceptedOnly ?? [])]);
  if (options.acceptsNamespace ?? true) accepted.add('metadata.namespace');
  const reject = options.reject ?? ((label: string) => `field label not supported: ${label}`);
  return {
    convertLabel(label) {
      const alias = options.aliases?.[label];
      if (alias) return alias;
      if (accepted.has(label)) return label;
      throw newBadRequest(reject(label));
    },
    fields(obj) {
      const fields = metadataFields(obj, options.namespaced);
      for (const [label, get] of Object.entries(options.fields)) fields[label] = get(obj);
      return fields;
    },
  };
}

/** Reads a dotted path of plain fields as a string, "" when absent. */
export function fieldPath(path: string): FieldGetter {
  const parts = path.split('.');
  return (obj) => {
    let cur: unknown = obj;
    for (const p of parts) {
      if (typeof cur !== 'object' || cur === null) return '';
      cur = (cur as Record<string, unknown>)[p];
    }
    return cur === undefined || cur === null ? '' : String(cur);
  };
}
