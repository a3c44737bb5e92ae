// The label selector parser (apimachinery pkg/labels Parser): a recursive descent over the tokens
// with the grammar and, word for word, the errors of labels.Parse.
//
//   selector    ::= requirement | requirement "," selector
//   requirement ::= ["!"] KEY [ ("in" | "notin") "(" VALUES ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
import { fieldErrorString, invalid } from '../api/field-errors.js';
import { isQualifiedName } from '../validation/names.js';
import { tokenize, type Token, type TokenKind } from './label-lexer.js';
import { LabelSelectorError, newRequirement, type LabelOperator, type LabelRequirement } from './label-requirement.js';

const BINARY_OPERATORS: Partial<Record<TokenKind, LabelOperator>> = {
  in: 'in',
  notin: 'notin',
  '=': '=',
  '==': '==',
  '!=': '!=',
  '>': 'gt',
  '<': 'lt',
};

const fail = (message: string): LabelSelectorError => new LabelSelectorError(message);

class Parser {
  readonly #tokens: Token[];
  #pos = 0;

  constructor(input: string) {
    this.#tokens = tokenize(input);
  }

  /**
   * The next token. Where a value may stand (`values`), the keywords in and notin are plain
   * identifiers, so `x in (in)` and `in=notin` parse.
   */
  #peek(values: boolean): Token {
    const token = this.#tokens[Math.min(this.#pos, this.#tokens.length - 1)];
    return values && (token.kind === 'in' || token.kind === 'notin') ? { kind: 'identifier', literal: token.literal } : token;
  }

  #next(values: boolean): Token {
    const token = this.#peek(values);
    this.#pos++;
    return token;
  }

  parse(): LabelRequirement[] {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const start = this.#peek(true);
      if (start.kind === 'end') return requirements;
      if (start.kind !== 'identifier' && start.kind !== '!') {
        throw fail(`found '${start.literal}', expected: !, identifier, or 'end of string'`);
      }
      requirements.push(this.#requirement());
      const after = this.#next(true);
      if (after.kind === 'end') return requirements;
      if (after.kind !== ',') throw fail(`found '${after.literal}', expected: ',' or 'end of string'`);
      const following = this.#peek(true);
      if (following.kind !== 'identifier' && following.kind !== '!') {
        throw fail(`found '${following.literal}', expected: identifier after ','`);
      }
    }
  }

  #requirement(): LabelRequirement {
    try {
      const { key, unary } = this.#keyAndUnaryOperator();
      if (unary) return newRequirement(key, unary, []);
      const operator = this.#operator();
      const values = operator === 'in' || operator === 'notin' ? this.#valueSet() : [this.#exactValue()];
      return newRequirement(key, operator, values);
    } catch (err) {
      if (err instanceof LabelSelectorError) throw fail(`unable to parse requirement: ${err.message}`);
      throw err;
    }
  }

  /** The key, and `exists` or `!` when no binary operator follows it. */
  #keyAndUnaryOperator(): { key: string; unary?: LabelOperator } {
    let token = this.#next(true);
    const negated = token.kind === '!';
    if (negated) token = this.#next(true);
    if (token.kind !== 'identifier') throw fail(`found '${token.literal}', expected: identifier`);
    const keyErrs = isQualifiedName(token.literal);
    // The parser reports key errors on a nil field path, which Go prints as <nil>.
    if (keyErrs.length) throw fail(fieldErrorString(invalid('<nil>', token.literal, keyErrs.join('; '))));
    if (negated) return { key: token.literal, unary: '!' };
    const following = this.#peek(true).kind;
    return { key: token.literal, unary: following === 'end' || following === ',' ? 'exists' : undefined };
  }

  #operator(): LabelOperator {
    const token = this.#next(false);
    const operator = BINARY_OPERATORS[token.kind];
    if (!operator) throw fail(`found '${token.literal}', expected: in, notin, =, ==, !=, gt, lt`);
    return operator;
  }

  /** `( a, b, ... )`; empty entries stand for "". Returns the sorted set. */
  #valueSet(): string[] {
    const open = this.#next(true);
    if (open.kind !== '(') throw fail(`found '${open.literal}' expected: '('`);
    const first = this.#peek(true);
    if (first.kind === ')') {
      this.#next(true);
      return [''];
    }
    if (first.kind !== 'identifier' && first.kind !== ',') throw fail(`found '${first.literal}', expected: ',', ')' or identifier`);
    const values = this.#identifierList();
    this.#next(true); // the ')' that ended the list
    return [...values].sort();
  }

  #identifierList(): Set<string> {
    const values = new Set<string>();
    for (;;) {
      const token = this.#next(true);
      if (token.kind === 'identifier') {
        values.add(token.literal);
        const following = this.#peek(true);
        if (following.kind === ')') return values;
        if (following.kind !== ',') throw fail(`found '${following.literal}', expected: ',' or ')'`);
      } else if (token.kind === ',') {
        if (values.size === 0) values.add(''); // "(,"
        const following = this.#peek(true).kind;
        if (following === ')') return values.add(''); // ",)"
        if (following === ',') {
          this.#next(true);
          values.add(''); // ",,"
        }
      } else {
        throw fail(`found '${token.literal}', expected: ',', or identifier`);
      }
    }
  }

  /** The value after =, ==, !=, > or <; nothing before ',' or the end means "". */
  #exactValue(): string {
    const ahead = this.#peek(true).kind;
    if (ahead === 'end' || ahead === ',') return '';
    const token = this.#next(true);
    if (token.kind !== 'identifier') throw fail(`found '${token.literal}', expected: identifier`);
    return token.literal;
  }
}

/** labels.Parse: the requirements, sorted by key; throws LabelSelectorError with Kubernetes' text. */
export function parseLabelRequirements(selector: string): LabelRequirement[] {
  const requirements = new Parser(selector).parse();
  return requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
