// Duplicate keys in a JSON body, which JSON.parse silently collapses (the last one wins) but
// kube-apiserver's strict decoder reports (`duplicate field "spec.replicas"`). A structural scan
// of text JSON.parse has already accepted: it builds no values, decodes a key only when it has an
// escape, and renders a path only for a key it reports.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/** Past this many keys an object's keys go into a Set; fewer are compared one by one. */
const LINEAR_KEYS = 16;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** An object's keys so far: whether `key` is one of them (and remembers it if not). */
function repeats(keys: string[], set: Set<string> | undefined, key: string): boolean {
  if (set) {
    if (set.has(key)) return true;
    set.add(key);
    return false;
  }
  if (keys.includes(key)) return true;
  keys.push(key);
  return false;
}

class Scan {
  readonly found: string[] = [];
  /** Keys and indexes from the top to the value being read. */
  readonly #path: (string | number)[] = [];
  #i = 0;

  constructor(readonly text: string) {}

  value(): void {
    this.#skipSpace();
    const c = this.text.charCodeAt(this.#i);
    if (c === OPEN_OBJECT) return this.#object();
    if (c === OPEN_ARRAY) return this.#array();
    if (c === QUOTE) return void this.#string();
    while (this.#i < this.text.length && !this.#endsLiteral(this.text.charCodeAt(this.#i))) this.#i++;
  }

  #endsLiteral(c: number): boolean {
    return c === COMMA || c === CLOSE_ARRAY || c === CLOSE_OBJECT || isSpace(c);
  }

  #skipSpace(): void {
    while (isSpace(this.text.charCodeAt(this.#i))) this.#i++;
  }

  /** Skips the string at the cursor; returns its raw text between the quotes. */
  #string(): string {
    const start = this.#i + 1;
    let end = this.text.indexOf('"', start);
    for (;;) {
      let slashes = 0;
      while (this.text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
      if (slashes % 2 === 0) break;
      end = this.text.indexOf('"', end + 1);
    }
    this.#i = end + 1;
    return this.text.slice(start, end);
  }

  #key(): string {
    const raw = this.#string();
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  #object(): void {
    this.#i++;
    this.#skipSpace();
    if (this.text.charCodeAt(this.#i) === CLOSE_OBJECT) return void this.#i++;
    const keys: string[] = [];
    let set: Set<string> | undefined;
    for (;;) {
      this.#skipSpace();
      const key = this.#key();
      this.#path.push(key);
      if (repeats(keys, set, key)) this.found.push(this.#pathText());
      if (!set && keys.length > LINEAR_KEYS) set = new Set(keys);
      this.#skipSpace();
      this.#i++; // ':'
      this.value();
      this.#path.pop();
      this.#skipSpace();
      if (this.text.charCodeAt(this.#i++) === CLOSE_OBJECT) return;
    }
  }

  #array(): void {
    this.#i++;
    this.#skipSpace();
    if (this.text.charCodeAt(this.#i) === CLOSE_ARRAY) return void this.#i++;
    for (let index = 0; ; index++) {
      this.#path.push(index);
      this.value();
      this.#path.pop();
      this.#skipSpace();
      if (this.text.charCodeAt(this.#i++) === CLOSE_ARRAY) return;
    }
  }

  /** The path as Kubernetes prints it: `spec.containers[0].name`. */
  #pathText(): string {
    let out = '';
    for (const segment of this.#path) out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
    return out;
  }
}

/** Paths of the keys that appear twice in one object, as `spec.containers[0].name`. */
export function duplicateFields(text: string): string[] {
  const scan = new Scan(text);
  scan.value();
  return scan.found;
}
