// Turns the schema tables into linked lookup structures once, at start-up, and checks them: a
// typo in a type string or a dangling message reference fails loudly here, not on a request.
import type { FieldSpec, KindTable, MessageSchema, ScalarType, SchemaTable } from './schema-types.js';

export type CompiledValue = { kind: 'scalar'; scalar: ScalarType } | { kind: 'message'; message: CompiledMessage };

export interface CompiledField {
  number: number;
  name: string;
  /** The Go field name, as gogo-protobuf's errors print it. */
  goName: string;
  value: CompiledValue;
  map: boolean;
  repeated: boolean;
  keepZero: boolean;
  pointer: boolean;
  /** The message's fields are written into the enclosing object (Go's `json:",inline"`). */
  inline: boolean;
}

export interface CompiledMessage {
  name: string;
  /** The bare message name (`ObjectMeta`), as gogo-protobuf's errors print it. */
  shortName: string;
  byNumber: Map<number, CompiledField>;
  /** Fields in output order. */
  fields: CompiledField[];
  wraps?: CompiledField;
}

export interface CompiledSchemas {
  /** The message for an envelope's apiVersion and kind, if the table has one. */
  lookup(apiVersion: string, kind: string): CompiledMessage | undefined;
}

const SCALARS: readonly string[] = ['string', 'int32', 'int64', 'bool', 'bytes', 'time', 'microtime', 'intorstring', 'quantity'];
const MAX_FIELD_NUMBER = 2 ** 29 - 1;
const MAP_TYPE = /^map<string,(.+)>$/;

export function compileSchemas(messages: SchemaTable, kinds: KindTable): CompiledSchemas {
  const compiled = new Map<string, CompiledMessage>();
  for (const name of Object.keys(messages)) {
    compiled.set(name, { name, shortName: name.slice(name.lastIndexOf('.') + 1), byNumber: new Map(), fields: [] });
  }
  for (const [name, schema] of Object.entries(messages)) linkMessage(compiled.get(name)!, schema, compiled);
  const table = new Map<string, CompiledMessage>();
  for (const [apiVersion, byKind] of Object.entries(kinds)) {
    for (const [kind, messageName] of Object.entries(byKind)) {
      table.set(`${apiVersion}/${kind}`, resolve(messageName, compiled, `kind ${apiVersion}/${kind}`));
    }
  }
  return { lookup: (apiVersion, kind) => table.get(`${apiVersion}/${kind}`) };
}

function linkMessage(target: CompiledMessage, schema: MessageSchema, all: Map<string, CompiledMessage>): void {
  const names = new Set<string>();
  for (const [key, spec] of Object.entries(schema.fields)) {
    const field = compileField(Number(key), spec, all, `${target.name}.${spec.name}`);
    if (!field.inline) {
      if (names.has(field.name)) throw new Error(`protobuf schema ${target.name}: JSON name ${field.name} used twice`);
      names.add(field.name);
    }
    target.byNumber.set(field.number, field);
    target.fields.push(field);
  }
  if (schema.wraps !== undefined) {
    target.wraps = target.byNumber.get(schema.wraps);
    if (!target.wraps?.repeated) throw new Error(`protobuf schema ${target.name}: wraps must name a repeated field, not ${schema.wraps}`);
  }
}

function compileField(number: number, spec: FieldSpec, all: Map<string, CompiledMessage>, where: string): CompiledField {
  if (!Number.isInteger(number) || number < 1 || number > MAX_FIELD_NUMBER) {
    throw new Error(`protobuf schema ${where}: invalid field number ${number}`);
  }
  if (!spec.name) throw new Error(`protobuf schema ${where}: empty JSON name`);
  const mapMatch = MAP_TYPE.exec(spec.type);
  const value = compileValue(mapMatch ? mapMatch[1] : spec.type, all, where);
  const field: CompiledField = {
    number,
    name: spec.name,
    goName: spec.name[0].toUpperCase() + spec.name.slice(1),
    value,
    map: mapMatch !== null,
    repeated: spec.repeated === true,
    keepZero: spec.keepZero === true,
    pointer: spec.pointer === true,
    inline: spec.inline === true,
  };
  if ((field.map || field.repeated) && (field.keepZero || field.pointer)) {
    throw new Error(`protobuf schema ${where}: keepZero and pointer apply to singular fields only`);
  }
  if (field.map && field.repeated) throw new Error(`protobuf schema ${where}: a map is not also repeated`);
  const plainMessage = value.kind === 'message' && !field.map && !field.repeated && !field.keepZero && !field.pointer;
  if (field.inline && !plainMessage) throw new Error(`protobuf schema ${where}: inline applies to a singular, non-pointer message only`);
  return field;
}

function compileValue(type: string, all: Map<string, CompiledMessage>, where: string): CompiledValue {
  if (SCALARS.includes(type)) return { kind: 'scalar', scalar: type as ScalarType };
  if (type.startsWith('message:')) return { kind: 'message', message: resolve(type.slice('message:'.length), all, where) };
  throw new Error(`protobuf schema ${where}: unknown type ${type}`);
}

function resolve(name: string, all: Map<string, CompiledMessage>, where: string): CompiledMessage {
  const message = all.get(name);
  if (!message) throw new Error(`protobuf schema ${where}: unknown message ${name}`);
  return message;
}
