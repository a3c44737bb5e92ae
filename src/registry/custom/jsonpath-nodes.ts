// The parse tree of a k8s.io/client-go/util/jsonpath template (node.go): what the parser builds
// and the evaluator walks.

export interface ListNode {
  kind: 'list';
  nodes: JSONPathNode[];
}

/** One bound of `[start:end:step]`; `derived` marks the end a single index implies (index + 1). */
export interface SliceParam {
  known: boolean;
  value: number;
  derived: boolean;
}

export type JSONPathNode =
  | ListNode
  | { kind: 'text'; text: string }
  | { kind: 'field'; name: string }
  | { kind: 'array'; params: readonly [SliceParam, SliceParam, SliceParam] }
  | { kind: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { kind: 'int' | 'float'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'wildcard' }
  | { kind: 'recursive' }
  | { kind: 'union'; lists: ListNode[] }
  | { kind: 'identifier'; name: string };

/** A template that does not parse; the message is the Go parser's. */
export class JSONPathParseError extends Error {
  override name = 'JSONPathParseError';
}
