// JSON read the way gopkg.in/yaml.v3 reads it into a yaml.Node tree, which is what gnostic's
// ParseDocument works on: mappings keep their key order (JSON.parse would move integer-like keys
// first), and scalars keep their source text with the tag yaml.v3 resolves for them (a JSON string
// is !!str; a number is !!int when it fits 64 bits, else !!float; true/false !!bool; null !!null).

type ScalarTag = '!!str' | '!!int' | '!!float' | '!!bool' | '!!null';

export type YamlNode =
  | { kind: 'map'; entries: [string, YamlNode][] }
  | { kind: 'seq'; items: YamlNode[] }
  | { kind: 'scalar'; tag: ScalarTag; value: string };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** yaml.v3's tag for a JSON number: !!int if it parses as int64 or uint64, else !!float. */
function numberTag(text: string): ScalarTag {
  if (!/^-?\d+$/.test(text) || text === '-0') return '!!float';
  const n = BigInt(text);
  return n >= INT64_MIN && n <= UINT64_MAX ? '!!int' : '!!float';
}

class JsonReader {
  readonly #text: string;
  #pos = 0;

  constructor(text: string) {
    this.#text = text;
  }

  document(): YamlNode {
    const node = this.#value();
    this.#skipSpace();
    if (this.#pos !== this.#text.length) this.#fail('unexpected data after the document');
    return node;
  }

  #value(): YamlNode {
    this.#skipSpace();
    const c = this.#text[this.#pos];
    if (c === '{') return this.#map();
    if (c === '[') return this.#seq();
    if (c === '"') return { kind: 'scalar', tag: '!!str', value: this.#string() };
    for (const [word, tag] of [['true', '!!bool'], ['false', '!!bool'], ['null', '!!null']] as const) {
      if (this.#text.startsWith(word, this.#pos)) {
        this.#pos += word.length;
        return { kind: 'scalar', tag, value: word };
      }
    }
    NUMBER.lastIndex = this.#pos;
    const m = NUMBER.exec(this.#text);
    if (!m) this.#fail('unexpected character');
    this.#pos += m[0].length;
    return { kind: 'scalar', tag: numberTag(m[0]), value: m[0] };
  }

  #map(): YamlNode {
    const entries: [string, YamlNode][] = [];
    this.#pos++;
    if (this.#peek() === '}') {
      this.#pos++;
      return { kind: 'map', entries };
    }
    for (;;) {
      if (this.#peek() !== '"') this.#fail('expected a key');
      const key = this.#string();
      if (this.#peek() !== ':') this.#fail("expected ':'");
      this.#pos++;
      entries.push([key, this.#value()]);
      const next = this.#peek();
      this.#pos++;
      if (next === '}') return { kind: 'map', entries };
      if (next !== ',') this.#fail("expected ',' or '}'");
    }
  }

  #seq(): YamlNode {
    const items: YamlNode[] = [];
    this.#pos++;
    if (this.#peek() === ']') {
      this.#pos++;
      return { kind: 'seq', items };
    }
    for (;;) {
      items.push(this.#value());
      const next = this.#peek();
      this.#pos++;
      if (next === ']') return { kind: 'seq', items };
      if (next !== ',') this.#fail("expected ',' or ']'");
    }
  }

  /** A string starting at the current quote; escapes are decoded by JSON.parse. */
  #string(): string {
    const start = this.#pos;
    let escaped = false;
    let i = start + 1;
    for (; i < this.#text.length; i++) {
      const c = this.#text.charCodeAt(i);
      if (c === 0x5c) {
        escaped = true;
        i++;
      } else if (c === 0x22) break;
    }
    if (i >= this.#text.length) this.#fail('unterminated string');
    this.#pos = i + 1;
    return escaped ? (JSON.parse(this.#text.slice(start, i + 1)) as string) : this.#text.slice(start + 1, i);
  }

  #peek(): string {
    this.#skipSpace();
    return this.#text[this.#pos];
  }

  #skipSpace(): void {
    WHITESPACE.lastIndex = this.#pos;
    WHITESPACE.exec(this.#text);
    this.#pos = WHITESPACE.lastIndex;
  }

  #fail(message: string): never {
    throw new SyntaxError(`JSON: ${message} at offset ${this.#pos}`);
  }
}

/** Reads one JSON document into yaml.v3-style nodes. Throws SyntaxError on malformed input. */
export function readJsonNodes(text: string): YamlNode {
  return new JsonReader(text).document();
}
