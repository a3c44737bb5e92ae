// The shape of a message schema: what a Kubernetes generated.proto says about a message (field
// numbers, wire types) plus what its Go json tags say about how the JSON looks (omitempty,
// pointers). Schemas are data: adding a kind is adding entries, never code.

/**
 * Wire scalars, plus the small apimachinery messages whose Go types write a scalar JSON value:
 * metav1.Time / metav1.MicroTime ({1 seconds int64, 2 nanos int32}) as RFC 3339 strings,
 * intstr.IntOrString ({1 type int64, 2 intVal int32, 3 strVal string}) as a number or a string,
 * resource.Quantity ({1 string}) as its string.
 */
export type ScalarType = 'string' | 'int32' | 'int64' | 'bool' | 'bytes' | 'time' | 'microtime' | 'intorstring' | 'quantity';

/** A scalar or another message of the table, by its table name (`message:meta.v1.ObjectMeta`). */
export type ValueType = ScalarType | `message:${string}`;

/** Protobuf maps are repeated {1 key, 2 value} entries; Kubernetes keys are always strings. */
export type FieldType = ValueType | `map<string,${ValueType}>`;

export interface FieldSpec {
  /** The JSON field name. */
  name: string;
  type: FieldType;
  repeated?: true;
  /**
   * The Go json tag has no `omitempty` (`json:"allowed"`): a zero scalar is written anyway, also
   * when absent from the wire. Empty lists and maps are still left out (Go writes `null`).
   */
  keepZero?: true;
  /**
   * The Go field is a pointer (`*int64`, `*ResourceAttributes`): it is written exactly when it is on
   * the wire, zero or not, and left out otherwise. A message field without it is a Go struct value,
   * which encoding/json always writes (as `{}` when empty).
   */
  pointer?: true;
  /**
   * A Go embedded struct (`json:",inline"`): the message's JSON fields are written into the
   * enclosing object rather than under `name` (which is only its generated.proto name).
   */
  inline?: true;
}

export interface MessageSchema {
  /** Field number → field. JSON keys come out in field-number order (Go's would follow the struct). */
  fields: Record<number, FieldSpec>;
  /**
   * The Go type is a named slice over this one repeated field (`type ExtraValue []string`): its
   * JSON is that list alone.
   */
  wraps?: number;
}

/** Message table name (`<group>.<version>.<Message>`, e.g. `authorization.v1.ResourceAttributes`) → schema. */
export type SchemaTable = Record<string, MessageSchema>;

/** apiVersion → kind → the table name of the message the envelope's raw bytes hold. */
export type KindTable = Record<string, Record<string, string>>;
