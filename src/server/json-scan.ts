// A structural scan of a JSON body, before JSON.parse reads it, for what JSON.parse cannot say:
// the keys an object repeats (JSON.parse silently keeps the last; kube-apiserver's strict decoder
// reports `duplicate field "spec.replicas"`), and the managedFields fieldsV1 values a caller knows.
// Built-in kinds decode fieldsV1 as raw bytes (metav1.FieldsV1 has its own UnmarshalJSON): for
// them the scan passes over those values as Go's decoder does, whole, with no duplicate check
// inside. Custom resources decode into plain maps, fieldsV1 included, duplicates and all.
// It builds no values, decodes a key only when it has an escape, and renders a path only for a key
// it reports. Text that is not JSON may be taken apart wrongly or refused (ScanError); every step
// reads at least one character, so it always ends. Callers parse the text for its errors.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Past this many keys an object's keys go into a Set; fewer are compared one by one. */
const LINEAR_KEYS = 16;

/** A value the scan recognised: what it is, and where its text ends. */
export interface Recognised {
  value: object;
  end: number;
}

export interface ScanOptions {
  /**
   * Reads the top-level object's metadata.managedFields[*].fieldsV1 as raw values; `recognise`
   * may name the value whose JSON is in the text at `start` (entry is the item's index), which
   * is then passed over without reading it.
   */
  rawFieldsV1?: { recognise(entry: number, start: number): Recognised | undefined };
}

/** A fieldsV1 value recognised in the text: which entry's, and where. */
interface RecognisedFieldsV1 extends Recognised {
  entry: number;
  start: number;
}

export interface JSONScan {
  /** Paths of the keys an object repeats, as `spec.containers[0].name`, in the order they appear. */
  duplicates: string[];
  recognised: RecognisedFieldsV1[];
}

export class ScanError extends Error {}

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

/** Whether a path is a managedFields entry's fieldsV1: metadata, managedFields, an index, fieldsV1. */
function isFieldsV1(path: readonly (string | number)[]): boolean {
  return path.length === 4 && path[3] === 'fieldsV1' && typeof path[2] === 'number' && path[1] === 'managedFields' && path[0] === 'metadata';
}

class Scan implements JSONScan {
  readonly duplicates: string[] = [];
  readonly recognised: RecognisedFieldsV1[] = [];
  /** Keys and indexes from the top to the value being read. */
  readonly #path: (string | number)[] = [];
  readonly #rawFieldsV1: ScanOptions['rawFieldsV1'];
  #i = 0;

  constructor(
    readonly text: string,
    options: ScanOptions,
  ) {
    this.#rawFieldsV1 = options.rawFieldsV1;
  }

  value(): void {
    this.#skipSpace();
    const c = this.text.charCodeAt(this.#i);
    if (c === OPEN_OBJECT) return this.#object();
    if (c === OPEN_ARRAY) return this.#array();
    if (c === QUOTE) return this.#skipString();
    const start = this.#i;
    while (this.#i < this.text.length && !this.#endsLiteral(this.text.charCodeAt(this.#i))) this.#i++;
    if (this.#i === start) throw new ScanError(`no value at ${start}`);
  }

  #endsLiteral(c: number): boolean {
    return c === COMMA || c === CLOSE_ARRAY || c === CLOSE_OBJECT || c === COLON || isSpace(c);
  }

  #skipSpace(): void {
    while (isSpace(this.text.charCodeAt(this.#i))) this.#i++;
  }

  /** Reads `expected` at the cursor, after any space. */
  #expect(expected: number): void {
    this.#skipSpace();
    if (this.text.charCodeAt(this.#i) !== expected) throw new ScanError(`expected ${String.fromCharCode(expected)} at ${this.#i}`);
    this.#i++;
  }

  /** Skips the string at the cursor (its opening quote); returns its raw text between the quotes. */
  #string(): string {
    const start = this.#i + 1;
    this.#skipString();
    return this.text.slice(start, this.#i - 1);
  }

  /** Moves the cursor past the string at it. */
  #skipString(): void {
    const start = this.#i + 1;
    let end = this.text.indexOf('"', start);
    for (;;) {
      if (end < 0) throw new ScanError(`unterminated string at ${start - 1}`);
      let slashes = 0;
      while (this.text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
      if (slashes % 2 === 0) break;
      end = this.text.indexOf('"', end + 1);
    }
    this.#i = end + 1;
  }

  #key(): string {
    this.#skipSpace();
    if (this.text.charCodeAt(this.#i) !== QUOTE) throw new ScanError(`expected a key at ${this.#i}`);
    const raw = this.#string();
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  /** After a member or an item: whether `close` ends the object or array (else a comma follows). */
  #ends(close: number): boolean {
    this.#skipSpace();
    const c = this.text.charCodeAt(this.#i++);
    if (c === close) return true;
    if (c !== COMMA) throw new ScanError(`expected , or ${String.fromCharCode(close)} at ${this.#i - 1}`);
    return false;
  }

  #object(): void {
    this.#i++;
    this.#skipSpace();
    if (this.text.charCodeAt(this.#i) === CLOSE_OBJECT) return void this.#i++;
    const keys: string[] = [];
    let set: Set<string> | undefined;
    do {
      const key = this.#key();
      this.#path.push(key);
      if (repeats(keys, set, key)) this.duplicates.push(this.#pathText());
      if (!set && keys.length > LINEAR_KEYS) set = new Set(keys);
      this.#expect(COLON);
      if (this.#rawFieldsV1 && isFieldsV1(this.#path)) this.#raw(this.#rawFieldsV1);
      else this.value();
      this.#path.pop();
    } while (!this.#ends(CLOSE_OBJECT));
  }

  #array(): void {
    this.#i++;
    this.#skipSpace();
    if (this.text.charCodeAt(this.#i) === CLOSE_ARRAY) return void this.#i++;
    let index = 0;
    do {
      this.#path.push(index++);
      this.value();
      this.#path.pop();
    } while (!this.#ends(CLOSE_ARRAY));
  }

  /** A value taken whole (a fieldsV1): its keys are not read, nor is its text when it is recognised. */
  #raw(reader: NonNullable<ScanOptions['rawFieldsV1']>): void {
    this.#skipSpace();
    const start = this.#i;
    const entry = this.#path[2] as number;
    const recognised = reader.recognise(entry, start);
    if (recognised) {
      this.#i = recognised.end;
      this.recognised.push({ entry, start, ...recognised });
      return;
    }
    const c = this.text.charCodeAt(start);
    if (c !== OPEN_OBJECT && c !== OPEN_ARRAY) this.value();
    else this.#skipNested();
  }

  /** Skips an object or array by its brackets, strings read as strings. */
  #skipNested(): void {
    let depth = 0;
    do {
      const c = this.text.charCodeAt(this.#i);
      if (c === QUOTE) {
        this.#skipString();
        continue;
      }
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
      else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
      else if (Number.isNaN(c)) throw new ScanError('unexpected end of text');
      this.#i++;
    } while (depth > 0);
  }

  /** The path as Kubernetes prints it: `spec.containers[0].name`. */
  #pathText(): string {
    let out = '';
    for (const segment of this.#path) out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
    return out;
  }
}

/** Scans a JSON text; throws ScanError where it cannot be read as JSON. */
export function scanJSON(text: string, options: ScanOptions = {}): JSONScan {
  const scan = new Scan(text, options);
  scan.value();
  return scan;
}
