// The template parser of k8s.io/client-go/util/jsonpath (parser.go), rune for rune: `{…}` actions
// between plain text, and inside them fields, `[…]` indexes, slices, unions and quoted keys,
// `[?(…)]` filters, `..`, `*`, numbers, quoted strings and identifiers. Errors carry Go's text.
import { JSONPathParseError } from './jsonpath-nodes.js';
import type { ListNode, SliceParam } from './jsonpath-nodes.js';
import { unquoteExtend } from './go-unquote.js';

const EOF = '';
const INT64_MAX = 2n ** 63n - 1n;

const isDigit = (r: string): boolean => /^\p{Nd}$/u.test(r);
const isAlphaNumeric = (r: string): boolean => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
const isTerminator = (r: string): boolean => r === EOF || ' \t\r\n.,[]$@{}'.includes(r);

/** Go's `%#U`: `U+007E '~'`, without the quoted rune when it is not printable. */
function formatRune(r: string): string {
  const code = `U+${r.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(r) ? `${code} '${r}'` : code;
}

/** strconv.Atoi: a decimal int64, or undefined. */
function atoi(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const n = BigInt(text);
  return n > INT64_MAX || n < -INT64_MAX - 1n ? undefined : Number(n);
}

function parseFloat64(text: string): number | undefined {
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function sliceParams(text: string): [SliceParam, SliceParam, SliceParam] {
  const match = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/.exec(text);
  if (!match) throw new JSONPathParseError(`invalid array index ${text}`);
  const params: SliceParam[] = [];
  for (let i = 0; i < 3; i++) {
    const raw = match[i + 1] ?? '';
    const bound = i > 0 ? raw.slice(1) : raw;
    if (raw === '') {
      params.push(i === 1 ? { known: true, value: params[0].value + 1, derived: true } : { known: false, value: 0, derived: false });
    } else if (bound === '') {
      params.push({ known: false, value: 0, derived: false });
    } else {
      const value = atoi(bound);
      if (value === undefined) throw new JSONPathParseError(`array index ${bound} is not a number`);
      params.push({ known: true, value, derived: false });
    }
  }
  return [params[0], params[1], params[2]];
}

/** parseAction: the action list of `{text}`. */
function parseAction(text: string): ListNode {
  return new TemplateParser(`{${text}}`).parse().nodes[0] as ListNode;
}

class TemplateParser {
  readonly #input: string;
  #pos = 0;
  #start = 0;
  #width = 0;

  constructor(input: string) {
    this.#input = input;
  }

  parse(): ListNode {
    const root: ListNode = { kind: 'list', nodes: [] };
    for (;;) {
      if (this.#input.startsWith('{', this.#pos)) {
        if (this.#pos > this.#start) root.nodes.push({ kind: 'text', text: this.#consume() });
        this.#pos += 1;
        this.#consume();
        const action: ListNode = { kind: 'list', nodes: [] };
        root.nodes.push(action);
        this.#parseInsideAction(action);
      } else if (this.#next() === EOF) {
        break;
      }
    }
    if (this.#pos > this.#start) root.nodes.push({ kind: 'text', text: this.#consume() });
    return root;
  }

  #consume(): string {
    const text = this.#input.slice(this.#start, this.#pos);
    this.#start = this.#pos;
    return text;
  }

  #next(): string {
    if (this.#pos >= this.#input.length) {
      this.#width = 0;
      return EOF;
    }
    const r = String.fromCodePoint(this.#input.codePointAt(this.#pos)!);
    this.#width = r.length;
    this.#pos += r.length;
    return r;
  }

  #backup(): void {
    this.#pos -= this.#width;
  }

  #peek(): string {
    const r = this.#next();
    this.#backup();
    return r;
  }

  /** Parses up to and including the `}` that closes the action. */
  #parseInsideAction(cur: ListNode): void {
    for (;;) {
      if (this.#input.startsWith('}', this.#pos)) {
        this.#pos += 1;
        this.#consume();
        return;
      }
      if (this.#input.startsWith('[?(', this.#pos)) this.#parseFilter(cur);
      else if (this.#input.startsWith('..', this.#pos)) this.#parseRecursive(cur);
      else this.#parseToken(cur);
    }
  }

  #parseToken(cur: ListNode): void {
    const r = this.#next();
    if (r === EOF || r === '\r' || r === '\n') throw new JSONPathParseError('unclosed action');
    if (r === ' ' || r === '@' || r === '$') {
      this.#consume();
    } else if (r === '[') {
      this.#parseArray(cur);
    } else if (r === '"' || r === "'") {
      this.#parseQuote(cur, r);
    } else if (r === '.') {
      this.#parseField(cur);
    } else if (r === '+' || r === '-' || isDigit(r)) {
      this.#backup();
      this.#parseNumber(cur);
    } else if (isAlphaNumeric(r)) {
      this.#backup();
      this.#parseIdentifier(cur);
    } else {
      throw new JSONPathParseError(`unrecognized character in action: ${formatRune(r)}`);
    }
  }

  #parseIdentifier(cur: ListNode): void {
    while (!isTerminator(this.#next()));
    this.#backup();
    const value = this.#consume();
    cur.nodes.push(value === 'true' || value === 'false' ? { kind: 'bool', value: value === 'true' } : { kind: 'identifier', name: value });
  }

  #parseRecursive(cur: ListNode): void {
    if (cur.nodes.at(-1)?.kind === 'recursive') throw new JSONPathParseError('invalid multiple recursive descent');
    this.#pos += 2;
    this.#consume();
    cur.nodes.push({ kind: 'recursive' });
    if (isAlphaNumeric(this.#peek())) this.#parseField(cur);
  }

  #parseNumber(cur: ListNode): void {
    const sign = this.#peek();
    if (sign === '+' || sign === '-') this.#next();
    for (let r = this.#next(); r === '.' || isDigit(r); r = this.#next());
    this.#backup();
    const text = this.#consume();
    const int = atoi(text);
    const float = parseFloat64(text);
    if (int !== undefined) cur.nodes.push({ kind: 'int', value: int });
    else if (float !== undefined) cur.nodes.push({ kind: 'float', value: float });
    else throw new JSONPathParseError(`cannot parse number ${text}`);
  }

  #parseArray(cur: ListNode): void {
    for (let r = this.#next(); r !== ']'; r = this.#next()) {
      if (r === EOF || r === '\n') throw new JSONPathParseError('unterminated array');
    }
    const inner = this.#consume().slice(1, -1);
    const text = inner === '*' ? ':' : inner;
    const parts = text.split(',');
    if (parts.length > 1) {
      cur.nodes.push({ kind: 'union', lists: parts.map((part) => parseAction(`[${part.replace(/^ +| +$/g, '')}]`)) });
      return;
    }
    const key = /^'([^']*)'$/.exec(text);
    if (key) cur.nodes.push(...parseAction(`.${key[1]}`).nodes);
    else cur.nodes.push({ kind: 'array', params: sliceParams(text) });
  }

  #parseFilter(cur: ListNode): void {
    this.#pos += 3;
    this.#consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.#next();
      if (r === EOF || r === '\n') throw new JSONPathParseError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
        } else if (this.#input[this.#pos - 2] !== '\\' && r === pair) {
          end = true;
        }
      } else if (r === ')' && begin === end) {
        break;
      }
    }
    if (this.#next() !== ']') throw new JSONPathParseError('unclosed array expect ]');
    const text = this.#consume().slice(0, -2);
    const match = /^([^!<>=]+)([!<>=]+)([^\n]+?)$/.exec(text);
    cur.nodes.push(
      match
        ? { kind: 'filter', left: parseAction(match[1]), right: parseAction(match[3]), operator: match[2] }
        : { kind: 'filter', left: parseAction(text), right: { kind: 'list', nodes: [] }, operator: 'exists' },
    );
  }

  #parseQuote(cur: ListNode, quote: string): void {
    for (;;) {
      const r = this.#next();
      if (r === EOF || r === '\n') throw new JSONPathParseError('unterminated quoted string');
      if (r === quote && this.#input[this.#pos - 2] !== '\\') break;
    }
    const value = this.#consume();
    try {
      cur.nodes.push({ kind: 'text', text: unquoteExtend(value) });
    } catch (err) {
      throw new JSONPathParseError(`unquote string ${value} error ${(err as Error).message}`);
    }
  }

  #parseField(cur: ListNode): void {
    this.#consume();
    while (this.#advance());
    const value = this.#consume();
    cur.nodes.push(value === '*' ? { kind: 'wildcard' } : { kind: 'field', name: value.replaceAll('\\', '') });
  }

  /** Steps over one rune of a field name (a backslash escapes the next); false at a terminator. */
  #advance(): boolean {
    const r = this.#next();
    if (r === '\\') this.#next();
    else if (isTerminator(r)) {
      this.#backup();
      return false;
    }
    return true;
  }
}

/** Parses a whole template (`{.a}` and text around it). Throws JSONPathParseError. */
export function parseTemplate(text: string): ListNode {
  return new TemplateParser(text).parse();
}
