// The label selector tokenizer (apimachinery pkg/labels Lexer): identifiers, the keywords `in` and
// `notin`, and the symbols ( ) , ! = == != > <. Whitespace separates tokens and is dropped.

export type TokenKind = 'end' | 'identifier' | 'in' | 'notin' | '(' | ')' | ',' | '!' | '=' | '==' | '!=' | '>' | '<';

export interface Token {
  kind: TokenKind;
  literal: string;
}

const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);
const KEYWORDS = new Set(['in', 'notin']);
/** The reader yields NUL past the end, and a NUL in the input reads the same way, as in Go. */
const END = '\0';

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const read = (): string => (pos < input.length ? input[pos++] : END);
  for (;;) {
    let ch = read();
    while (WHITESPACE.has(ch)) ch = read();
    if (ch === END) {
      tokens.push({ kind: 'end', literal: '' });
      return tokens;
    }
    if (SPECIAL.has(ch)) {
      // Every symbol is one character except != and ==, which the scanner extends to greedily.
      const pair = ch + (input[pos] ?? '');
      const literal = pair === '!=' || pair === '==' ? pair : ch;
      pos += literal.length - 1;
      tokens.push({ kind: literal as TokenKind, literal });
      continue;
    }
    let word = ch;
    for (let next = read(); next !== END; next = read()) {
      if (SPECIAL.has(next) || WHITESPACE.has(next)) {
        pos--;
        break;
      }
      word += next;
    }
    tokens.push({ kind: KEYWORDS.has(word) ? (word as TokenKind) : 'identifier', literal: word });
  }
}
