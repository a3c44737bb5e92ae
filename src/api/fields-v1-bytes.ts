// The JSON bytes of fieldsV1 trees, made once per tree. A manager whose fields did not change
// keeps the same tree from write to write (the field manager shares them), and a tree is never
// changed once made, so the storage serializes each tree once instead of on every write, and a
// request body that sends a live object's fieldsV1 back is recognised by these bytes.
const bytesOfTree = new WeakMap<object, Uint8Array>();
const encoder = new TextEncoder();

export function fieldsV1Bytes(tree: object): Uint8Array {
  let bytes = bytesOfTree.get(tree);
  if (bytes === undefined) {
    bytes = encoder.encode(JSON.stringify(tree));
    bytesOfTree.set(tree, bytes);
  }
  return bytes;
}
