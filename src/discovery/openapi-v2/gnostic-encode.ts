// Applies the message table to a yaml.v3-style node tree the way gnostic's generated NewX
// functions read it, writing each message straight to protobuf as Go's proto.Marshal would:
// fields by ascending number; empty strings, false, 0 and empty repeated fields left out; a
// present sub-message written even when empty; a oneof member written even when it is false.
import { WireWriter } from '../../protobuf/encode-wire.js';
import type { YamlNode } from './json-nodes.js';
import { MESSAGES, type Field, type Message, type Oneof, type Special } from './gnostic-messages.js';
import { yamlText } from './yaml-text.js';

const RESPONSE_CODE = /^([0-9]{3})$|^(default)$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** compiler.StringForScalarNode: ints, strings and null (as "") read as strings. */
function stringOf(node: YamlNode): string | undefined {
  if (node.kind !== 'scalar') return undefined;
  if (node.tag === '!!null') return '';
  return node.tag === '!!str' || node.tag === '!!int' ? node.value : undefined;
}

function boolOf(node: YamlNode): boolean | undefined {
  return node.kind === 'scalar' && node.tag === '!!bool' ? node.value === 'true' : undefined;
}

function valueOf(node: YamlNode, key: string): YamlNode | undefined {
  return node.kind === 'map' ? node.entries.find(([k]) => k === key)?.[1] : undefined;
}

/** A yaml.Node's Content: a mapping's keys and values in turn, a sequence's items, nothing for a scalar. */
function contentOf(node: YamlNode): YamlNode[] {
  if (node.kind === 'seq') return node.items;
  if (node.kind === 'scalar') return [];
  return node.entries.flatMap(([key, value]): YamlNode[] => [{ kind: 'scalar', tag: '!!str', value: key }, value]);
}

function keyPasses(key: string, keys: 'extension' | 'path' | 'response' | undefined): boolean {
  if (keys === 'extension') return key.startsWith('x-');
  if (keys === 'path') return key.startsWith('/');
  return keys === 'response' ? RESPONSE_CODE.test(key) : true;
}

class GnosticEncoder {
  errors: string[] = [];
  readonly #allowedKeys = new Map<Message, Set<string>>();

  encode(type: string, node: YamlNode): Uint8Array {
    const spec = MESSAGES[type];
    if (!spec) throw new Error(`openapi v2: no message ${type}`);
    const w = new WireWriter();
    if ('special' in spec) this.#special(spec, node, w);
    else if ('oneof' in spec) this.#oneof(type, spec, node, w);
    else this.#message(type, spec, node, w);
    return w.finish();
  }

  /** Parses `type` as a oneof alternative: its bytes, or undefined if it has an error. */
  #attempt(type: string, node: YamlNode): Uint8Array | undefined {
    const outer = this.errors;
    this.errors = [];
    const bytes = this.encode(type, node);
    const failed = this.errors.length > 0;
    this.errors = outer;
    return failed ? undefined : bytes;
  }

  #oneof(type: string, spec: Oneof, node: YamlNode, w: WireWriter): void {
    let chosen: { n: number; bytes: Uint8Array } | undefined;
    for (const alt of spec.oneof) {
      const bytes = this.#attempt(alt.type, node);
      if (bytes) chosen = { n: alt.n, bytes };
    }
    if (chosen) w.bytesField(chosen.n, chosen.bytes);
    else this.errors.push(`contains an invalid ${type}`);
  }

  #special(spec: Special, node: YamlNode, w: WireWriter): void {
    switch (spec.special) {
      case 'Any':
        return w.stringField(2, yamlText(node));
      case 'ItemsItem':
        return w.bytesField(1, this.encode('Schema', node));
      case 'TypeItem':
        return this.#typeItem(node, w);
      case 'StringArray':
        // NewStringArray reads the node's Content: a sequence's items, or a mapping's keys and values.
        for (const item of contentOf(node)) w.stringField(1, stringOf(item) ?? '');
        return;
      case 'AdditionalPropertiesItem': {
        const schema = this.#attempt('Schema', node);
        const bool = boolOf(node);
        if (bool !== undefined) w.boolField(2, bool);
        else if (schema) w.bytesField(1, schema);
        else this.errors.push('contains an invalid AdditionalPropertiesItem');
      }
    }
  }

  #typeItem(node: YamlNode, w: WireWriter): void {
    if (node.kind === 'scalar') return w.stringField(1, node.value);
    if (node.kind === 'map') return void this.errors.push('TypeItem: has unexpected value for string array');
    for (const item of node.items) {
      if (item.kind === 'scalar') w.stringField(1, item.value);
      else this.errors.push('TypeItem: has unexpected value for string array element');
    }
  }

  #message(type: string, spec: Message, node: YamlNode, w: WireWriter): void {
    const missing = (spec.required ?? []).filter((k) => valueOf(node, k) === undefined);
    if (missing.length > 0) this.errors.push(`${type}: is missing required ${missing.join(', ')}`);
    if (spec.checkKeys !== false && node.kind === 'map') {
      const allowed = this.#allowed(spec);
      const patterns = spec.patterns ?? [];
      const invalid = node.entries.filter(([k]) => !allowed.has(k) && !k.startsWith('x-') && !patterns.some((p) => keyPasses(k, p)));
      if (invalid.length > 0) this.errors.push(`${type}: has invalid ${invalid.map(([k]) => k).join(', ')}`);
    }
    for (const field of spec.fields) {
      if (field.kind === 'named') this.#named(field, node, w);
      else {
        const value = valueOf(node, field.key);
        if (value !== undefined) this.#field(type, field, value, w);
      }
    }
  }

  #allowed(spec: Message): Set<string> {
    let keys = this.#allowedKeys.get(spec);
    if (!keys) {
      keys = new Set(spec.fields.flatMap((f) => ('key' in f ? [f.key] : [])));
      this.#allowedKeys.set(spec, keys);
    }
    return keys;
  }

  /** Named<type>{name = 1, value = 2} for each entry passing the field's key filter. */
  #named(field: Extract<Field, { kind: 'named' }>, node: YamlNode, w: WireWriter): void {
    if (node.kind !== 'map') return;
    for (const [key, value] of node.entries) {
      if (!keyPasses(key, field.keys)) continue;
      const pair = new WireWriter();
      if (key !== '') pair.stringField(1, key);
      if (field.type !== 'String') pair.bytesField(2, this.encode(field.type, value));
      else if (stringOf(value)) pair.stringField(2, stringOf(value)!);
      w.bytesField(field.n, pair.finish());
    }
  }

  #field(type: string, field: Exclude<Field, { kind: 'named' }>, value: YamlNode, w: WireWriter): void {
    const bad = (): void => void this.errors.push(`${type}: has unexpected value for ${field.key}`);
    switch (field.kind) {
      case 'string': {
        const s = stringOf(value);
        if (s === undefined || (field.enum && !field.enum.includes(s))) return bad();
        if (s !== '') w.stringField(field.n, s);
        return;
      }
      case 'strings': {
        if (value.kind !== 'seq') return bad();
        const list = value.items.map(stringOf).filter((s): s is string => s !== undefined);
        if (field.enum && !list.every((s) => field.enum!.includes(s))) bad();
        for (const s of list) w.stringField(field.n, s);
        return;
      }
      case 'bool': {
        const b = boolOf(value);
        if (b === undefined) return bad();
        if (b) w.boolField(field.n, true);
        return;
      }
      case 'double':
        return this.#double(field.n, value, w, bad);
      case 'int64':
        return this.#int64(field.n, value, w, bad);
      case 'any':
      case 'message':
        return w.bytesField(field.n, this.encode('type' in field ? field.type : 'Any', value));
      case 'anys':
      case 'messages':
        if (value.kind !== 'seq') return;
        for (const item of value.items) w.bytesField(field.n, this.encode('type' in field ? field.type : 'Any', item));
    }
  }

  /** compiler.FloatForScalarNode: an !!int or !!float; Go omits +0 but writes -0. */
  #double(n: number, value: YamlNode, w: WireWriter, bad: () => void): void {
    if (value.kind !== 'scalar' || (value.tag !== '!!int' && value.tag !== '!!float')) return bad();
    const d = Number(value.value);
    if (d !== 0 || Object.is(d, -0)) w.doubleField(n, d);
  }

  /** compiler.IntForScalarNode: an !!int that strconv.ParseInt(…, 10, 64) accepts. */
  #int64(n: number, value: YamlNode, w: WireWriter, bad: () => void): void {
    if (value.kind !== 'scalar' || value.tag !== '!!int' || !/^[-+]?\d+$/.test(value.value)) return bad();
    const i = BigInt(value.value);
    if (i < INT64_MIN || i > INT64_MAX) return bad();
    if (i !== 0n) w.int64Field(n, i);
  }
}

/**
 * The gnostic openapi_v2.Document message of a document already read into nodes, as bytes.
 * Throws when gnostic's ParseDocument would have failed (kube-openapi then serves no protobuf).
 */
export function encodeGnosticDocument(root: YamlNode): Uint8Array {
  const encoder = new GnosticEncoder();
  const bytes = encoder.encode('Document', root);
  if (encoder.errors.length > 0) throw new Error(`openapi v2 document: ${encoder.errors[0]}`);
  return bytes;
}
