// An object version's JSON as the watch cache keeps and serves it: one buffer, or parts whose
// concatenation is the JSON. A write that leaves an object's managedFields as they were keeps
// them as the bytes an earlier version wrote (object-codec.ts): [before, managedFields, after].

export type JSONBytes = Uint8Array | readonly Uint8Array[];

export function jsonParts(json: JSONBytes): readonly Uint8Array[] {
  return json instanceof Uint8Array ? [json] : json;
}

/** The JSON in one buffer: itself, or its parts copied into a new one. */
export function joinedJSON(json: JSONBytes): Uint8Array {
  return json instanceof Uint8Array ? json : Buffer.concat(json);
}
