// A CEL compile error as cel-go's Issues.String() words it, which is what a CRD's
// `compilation failed: …` detail carries: `ERROR: <input>:<line>:<column>: <message>`, then the
// source line and a caret under the column. The CEL package reports its own texts and positions;
// they are translated here to cel-go's (`undefined field 'x'` at the select's dot, `found no
// matching overload for '_==_' applied to '(int, string)'` at the operator, …). Where the package
// says something cel-go has no fixed text for, its own message is kept.
import type { ASTNode, Environment } from '@marcbachmann/cel-js';
import { namespaceOf } from '../../admission/policy/cel/namespaces.js';
import { AT } from './cel-decl-types.js';

/** The expected-token set ANTLR lists when an expression is missing. */
const EXPECTING_EXPRESSION =
  "{'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}";
const CLOSERS: Record<string, string> = { RPAREN: ')', RBRACKET: ']', RBRACE: '}' };
const BINARY_NAMES: Record<string, string> = { in: '@in' };

interface CelError {
  message: string;
  code?: string;
  node?: ASTNode;
  range?: { start: number };
}

/** The CEL package's name of a checked node's type. */
const rawType = (n: ASTNode | undefined): string => (n as { checkedType?: { toString(): string } } | undefined)?.checkedType?.toString() ?? 'dyn';
const typed = (n: ASTNode | undefined): string => celGoType(rawType(n));

/** cel-go's spelling of a type: `selfType1.items.@idx`, `list(string)`, `map(string, int)`, `optional_type(int)`, `null_type`. */
function celGoType(t: string): string {
  return t.replaceAll(AT, '@').replace(/optional</g, 'optional_type<').replace(/</g, '(').replace(/>/g, ')').replace(/\bnull\b/g, 'null_type');
}

/** The offset of the first token at or after `from`, past blanks and closing parentheses. */
function scanForward(src: string, from: number): number {
  let at = from;
  while (at < src.length && /[\s)]/.test(src[at])) at++;
  return at;
}

const BINARY = new Set(['==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', 'in', '&&', '||']);

/** Where cel-go puts a node: a select at its dot, an operator at its token, a call at its `(`. */
function locationOf(node: ASTNode, src: string): number {
  const args = node.args as unknown;
  switch (node.op) {
    case '.':
    case '.?': {
      let at = node.pos - 1;
      while (at > 0 && /[\s?]/.test(src[at])) at--;
      return src[at] === '.' ? at : node.pos;
    }
    case 'call':
      return Math.max(src.indexOf('(', node.start), node.start);
    case 'rcall': {
      const [name, receiver] = args as [string, ASTNode];
      return Math.max(src.indexOf('(', src.indexOf(name, receiver.end)), node.start);
    }
    case '?:':
    case '[]':
    case '[?]':
      return scanForward(src, (args as ASTNode[])[0].end);
    default:
      return BINARY.has(node.op) ? scanForward(src, (args as ASTNode[])[0].end) : node.start;
  }
}

function knownFunction(env: Environment, name: string): boolean {
  return env.getDefinitions().functions.some((f) => f.name === name);
}

function overloadMessage(env: Environment, node: ASTNode): string {
  if (node.op === 'call') {
    const [name, args] = node.args;
    if (!knownFunction(env, name)) return `undeclared reference to '${name}' (in container '')`;
    return `found no matching overload for '${name}' applied to '(${args.map(typed).join(', ')})'`;
  }
  if (node.op === 'rcall') {
    const [name, receiver, args] = node.args;
    if (!knownFunction(env, name)) return `undeclared reference to '${name}' (in container '')`;
    const namespace = namespaceOf(rawType(receiver));
    if (namespace) return `found no matching overload for '${namespace}.${name}' applied to '(${args.map(typed).join(', ')})'`;
    return `found no matching overload for '${name}' applied to '${typed(receiver)}.(${args.map(typed).join(', ')})'`;
  }
  if (node.op === '!_' || node.op === '-_') return `found no matching overload for '${node.op}' applied to '(${typed(node.args)})'`;
  const [left, right] = node.args as [ASTNode, ASTNode];
  const name = node.op === '[]' || node.op === '[?]' ? '_[_]' : (BINARY_NAMES[node.op] ?? `_${node.op}_`);
  return `found no matching overload for '${name}' applied to '(${typed(left)}, ${typed(right)})'`;
}

/** The message of a type-check error, in cel-go's words where it has them. */
function checkMessage(env: Environment, err: CelError, node: ASTNode): string {
  const first = err.message.split('\n')[0] ?? err.message;
  switch (err.code) {
    case 'no_such_key':
      return node.op === '.' || node.op === '.?' ? `undefined field '${node.args[1] as string}'` : first;
    case 'unknown_variable':
      return `undeclared reference to '${node.args as string}' (in container '')`;
    case 'no_such_overload':
    case 'no_matching_overload':
    case 'invalid_logical_operand':
    case 'invalid_index_type':
      return overloadMessage(env, node);
    case 'cannot_index_type':
      return node.op === '.' ? `type '${typed((node.args as [ASTNode, unknown])[0])}' does not support field selection` : overloadMessage(env, node);
    case 'invalid_comprehension_range':
      return `expression of type '${typed(node)}' cannot be range of a comprehension (must be list, map, or dynamic)`;
    default:
      return first;
  }
}

function parseMessage(err: CelError): string {
  const first = err.message.split('\n')[0] ?? err.message;
  if (first === 'Unexpected token: EOF') return `Syntax error: mismatched input '<EOF>' expecting ${EXPECTING_EXPRESSION}`;
  const missing = /^Expected (\w+), got EOF$/.exec(first);
  if (missing && CLOSERS[missing[1]]) return `Syntax error: missing '${CLOSERS[missing[1]]}' at '<EOF>'`;
  return `Syntax error: ${first}`;
}

const utf8Wide = (ch: string): boolean => (ch.codePointAt(0) ?? 0) > 0x7f;

/** `ERROR: <input>:L:C: message` with the source line and cel-go's caret line. */
function formatIssue(src: string, offset: number, message: string): string {
  const before = src.slice(0, offset);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = src.indexOf('\n', lineStart);
  const text = src.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\t/g, ' ');
  const chars = Array.from(text);
  const column = Array.from(src.slice(lineStart, offset)).length;
  const dots = chars.slice(0, column).map((c) => (utf8Wide(c) ? '\uff0e' : '.')).join('');
  const caret = chars[column] !== undefined && utf8Wide(chars[column]) ? '\uff3e' : '^';
  return `ERROR: <input>:${line}:${column + 1}: ${message}\n | ${text}\n | ${dots}${caret}`;
}

/** A parse error of `src`, as cel-go reports it. */
export function parseIssue(src: string, err: unknown): string {
  const e = err as CelError;
  return formatIssue(src, e.range?.start ?? 0, parseMessage(e));
}

/** A type-check error of `src` in `env`, as cel-go reports it. */
export function checkIssue(env: Environment, src: string, err: unknown): string {
  const e = err as CelError;
  if (!e.node) return formatIssue(src, e.range?.start ?? 0, e.message.split('\n')[0] ?? e.message);
  return formatIssue(src, locationOf(e.node, src), checkMessage(env, e, e.node));
}
