// Field selectors of a custom resource (apiextensions-apiserver): the converter accepts
// metadata.name, metadata.namespace when the CRD is namespaced, and the version's selectableFields
// (a jsonPath without its leading dot); the strategy's field set holds each one's value as
// fmt.Sprint prints it, "" when the path finds nothing.
import type { KubeObject } from '../../api/types.js';
import type { FieldSelection } from '../resource.js';
import { conversionFieldSelection } from '../field-labels.js';
import { goSprint } from '../../api/go-format.js';
import { JSONPathEvalError, JSONPathParseError, parseJSONPath } from './jsonpath.js';
import type { JSONPath } from './jsonpath.js';

interface SelectableField {
  /** The field label: the jsonPath without its leading `.`. */
  label: string;
  value(obj: KubeObject): string;
}

/**
 * The value of one selectable field, as customResourceStrategy.selectableFields reads it. A path
 * that does not parse, fails, or finds more than one value makes Go's GetAttrs fail; here the
 * read throws an Error with the same text. CRD validation keeps such paths out.
 */
function selectableField(jsonPath: string): SelectableField {
  const label = jsonPath.startsWith('.') ? jsonPath.slice(1) : jsonPath;
  let path: JSONPath;
  try {
    path = parseJSONPath(jsonPath);
  } catch (err) {
    if (!(err instanceof JSONPathParseError)) throw err;
    const message = `unexpected error parsing jsonPath: ${err.message}`;
    return {
      label,
      value() {
        throw new Error(message);
      },
    };
  }
  return {
    label,
    value(obj) {
      let results: unknown[][];
      try {
        results = path.findResults(obj);
      } catch (e) {
        if (e instanceof JSONPathEvalError) throw new Error(`unexpected error finding value with jsonPath: ${e.message}`);
        throw e;
      }
      if (!results.length || !results[0].length) return '';
      if (results.length > 1 || results[0].length > 1) throw new Error('unexpectedly received more than one JSON path result');
      const value = results[0][0];
      return value === null || value === undefined ? '' : goSprint(value);
    },
  };
}

/** The field selection of a custom resource version: metadata's fields and the CRD's selectable ones. */
export function customFieldSelection(namespaced: boolean, selectableFields: readonly { jsonPath: string }[]): FieldSelection {
  const fields = Object.fromEntries(selectableFields.map((f) => selectableField(f.jsonPath)).map((f) => [f.label, f.value]));
  return conversionFieldSelection({ namespaced, acceptsNamespace: namespaced, fields });
}
