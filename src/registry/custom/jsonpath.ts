// JSONPath as kube-apiserver evaluates a CRD's printer columns and selectable fields: the path is
// wrapped as the client-go template `{<path>}` and run over the object with missing keys allowed
// (k8s.io/client-go/util/jsonpath, jsonpath.go). Results come back per top-level template node,
// as FindResults gives them; evaluation errors carry Go's text.
import type { JSONPathNode, ListNode, SliceParam } from './jsonpath-nodes.js';
import { parseTemplate } from './jsonpath-parser.js';
import { goJSON } from '../../api/go-format.js';
import { GoFloat, goSprint, goTypeName, isMap } from './go-values.js';
import { goCompare } from './go-compare.js';

export { JSONPathParseError } from './jsonpath-nodes.js';

/** An evaluation that fails; `partial` is what the failing step hands back beside the error in Go. */
export class JSONPathEvalError extends Error {
  override name = 'JSONPathEvalError';
  constructor(
    message: string,
    readonly partial: readonly unknown[],
  ) {
    super(message);
  }
}

function rethrow(err: unknown, partial: readonly unknown[]): never {
  if (err instanceof JSONPathEvalError) throw new JSONPathEvalError(err.message, partial);
  throw err;
}

/** What `*` and `..` descend into: map values, list items, the bytes of a string. */
function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return Object.values(v);
  if (typeof v === 'string') return [...Buffer.from(v, 'utf8')];
  return [];
}

function evalField(input: readonly unknown[], name: string): unknown[] {
  return input.filter((v) => isMap(v) && Object.hasOwn(v, name)).map((v) => (v as Record<string, unknown>)[name]);
}

function evalArray(input: readonly unknown[], params: readonly [SliceParam, SliceParam, SliceParam]): unknown[] {
  const result: unknown[] = [];
  for (const v of input) {
    if (v === null || v === undefined) continue;
    if (!Array.isArray(v)) throw new JSONPathEvalError(`${goTypeName(v)} is not array or slice`, input);
    const length = v.length;
    let start = params[0].known ? params[0].value : 0;
    if (start < 0) start += length;
    let end = params[1].known ? params[1].value : length;
    if (end < 0 || (end === 0 && params[1].derived)) end += length;
    if (end === start) return result;
    if (start >= length || start < 0) throw new JSONPathEvalError(`array index out of bounds: index ${start}, length ${length}`, input);
    if (end > length || end < 0) throw new JSONPathEvalError(`array index out of bounds: index ${end - 1}, length ${length}`, input);
    if (start > end) throw new JSONPathEvalError(`starting index ${start} is greater than ending index ${end}`, input);
    if (params[2].known && params[2].value <= 0) throw new JSONPathEvalError('step must be > 0', input);
    const step = params[2].known ? params[2].value : 1;
    for (let i = start; i < end; i += step) result.push(v[i]);
  }
  return result;
}

function evalRecursive(input: readonly unknown[]): unknown[] {
  const result: unknown[] = [];
  for (const v of input) {
    const inner = children(v);
    if (inner.length) result.push(v, ...evalRecursive(inner));
  }
  return result;
}

/** One FindResults call: the walk, and the state `range` … `end` keeps between top-level nodes. */
class Evaluation {
  #beginRange = 0;
  #inRange = 0;
  #endRange = 0;
  #lastEnd: JSONPathNode | undefined;

  find(data: unknown, nodes: readonly JSONPathNode[]): unknown[][] {
    const full: unknown[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const results = this.#walk([data], nodes[i]);
      if (this.#endRange > 0 && this.#endRange <= this.#inRange) {
        this.#endRange--;
        this.#lastEnd = nodes[i];
        break;
      }
      if (this.#beginRange > 0) {
        i = this.#range(results, nodes, i, full);
        continue;
      }
      full.push(results);
    }
    return full;
  }

  /** Runs the nodes after a `range` once per result; returns the index of the `end` met. */
  #range(results: unknown[], nodes: readonly JSONPathNode[], i: number, full: unknown[][]): number {
    this.#beginRange--;
    this.#inRange++;
    const rest = nodes.slice(i + 1);
    if (results.length) for (const value of results) full.push(...this.find(value, rest));
    else this.find(null, rest);
    this.#inRange--;
    const end = this.#lastEnd ? nodes.indexOf(this.#lastEnd, i + 1) : -1;
    return end >= 0 ? end : i;
  }

  #walk(input: readonly unknown[], node: JSONPathNode): unknown[] {
    switch (node.kind) {
      case 'list':
        return this.#evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return evalField(input, node.name);
      case 'array':
        return evalArray(input, node.params);
      case 'filter':
        return this.#evalFilter(input, node);
      case 'int':
      case 'bool':
        return input.map(() => node.value);
      case 'float':
        return input.map(() => new GoFloat(node.value));
      case 'wildcard':
        return input.flatMap(children);
      case 'recursive':
        return evalRecursive(input);
      case 'union':
        return node.lists.flatMap((list) => this.#evalBranch(input, list));
      case 'identifier':
        return this.#evalIdentifier(input, node.name);
    }
  }

  #evalList(input: readonly unknown[], list: ListNode): unknown[] {
    let cur = [...input];
    for (const node of list.nodes) cur = this.#walk(cur, node);
    return cur;
  }

  /** A list under a union: a failure hands back the union's input. */
  #evalBranch(input: readonly unknown[], list: ListNode): unknown[] {
    try {
      return this.#evalList(input, list);
    } catch (err) {
      return rethrow(err, input);
    }
  }

  #evalIdentifier(input: readonly unknown[], name: string): unknown[] {
    if (name === 'range') {
      this.#beginRange++;
      return [...input];
    }
    if (name !== 'end') throw new JSONPathEvalError(`unrecognized identifier ${name}`, input);
    if (this.#inRange === 0) throw new JSONPathEvalError('not in range, nothing to end', []);
    this.#endRange++;
    return [];
  }

  #evalFilter(input: readonly unknown[], node: Extract<JSONPathNode, { kind: 'filter' }>): unknown[] {
    const result: unknown[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new JSONPathEvalError(`${goSprint(v)} is not array or slice and cannot be filtered`, input);
      for (const item of v) if (this.#passes(item, node, input, result)) result.push(item);
    }
    return result;
  }

  #passes(item: unknown, node: Extract<JSONPathNode, { kind: 'filter' }>, input: readonly unknown[], passed: unknown[]): boolean {
    let lefts: readonly unknown[];
    try {
      lefts = this.#evalList([item], node.left);
    } catch (err) {
      if (node.operator !== 'exists') rethrow(err, input);
      lefts = err instanceof JSONPathEvalError ? err.partial : rethrow(err, input);
    }
    if (node.operator === 'exists') return lefts.length > 0;
    if (lefts.length > 1) throw new JSONPathEvalError('can only compare one element at a time', input);
    if (!lefts.length) return false;
    let rights: unknown[];
    try {
      rights = this.#evalList([item], node.right);
    } catch (err) {
      return rethrow(err, input);
    }
    if (rights.length > 1) throw new JSONPathEvalError('can only compare one element at a time', input);
    if (!rights.length) return false;
    try {
      return goCompare(node.operator, lefts[0], rights[0]);
    } catch (err) {
      throw new JSONPathEvalError((err as Error).message, passed);
    }
  }
}

const unbox = (v: unknown): unknown => (v instanceof GoFloat ? v.value : v);

/** A parsed `{<path>}` template, ready to run over objects. */
export class JSONPath {
  readonly #root: ListNode;

  constructor(root: ListNode) {
    this.#root = root;
  }

  /**
   * FindResults with missing keys allowed: one list of values per top-level template node.
   * Throws JSONPathEvalError where Go returns an error.
   */
  findResults(data: unknown): unknown[][] {
    return new Evaluation().find(data, this.#root.nodes).map((results) => results.map(unbox));
  }
}

/**
 * Parses a CRD jsonPath (`.spec.replicas`, `.status.conditions[?(@.type=="Ready")].status`) as
 * kube-apiserver does, wrapped as `{<path>}`. Throws JSONPathParseError with the parser's text.
 */
export function parseJSONPath(path: string): JSONPath {
  return new JSONPath(parseTemplate(`{${path}}`));
}

/**
 * What PrintResults writes for one value taken out of the results (the table convertor's string
 * cells): maps and lists as JSON, null as `<no value>`, anything else as fmt.Sprint does.
 */
export function printResult(value: unknown): string {
  if (value === null || value === undefined) return '<no value>';
  return Array.isArray(value) || isMap(value) ? goJSON(value) : goSprint(value);
}
