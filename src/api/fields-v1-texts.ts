// The JSON texts of the fieldsV1 trees written lately, kept so that a request body that sends one
// back (client-go's read-modify-write, kubectl replace and edit send managedFields as they got
// them) gets the very tree instead of a parse of it. Kubernetes keeps fieldsV1 as raw bytes
// (metav1.FieldsV1{Raw}); a tree found here is the same value, shared as every fieldsV1 tree is
// shared: treat it as immutable. The storage codec adds the trees it serializes; at most
// TEXT_BUDGET characters are kept, the oldest texts going first.

/** Characters kept in all (one byte each in V8's one-byte strings: ~4 MB at most). */
const TEXT_BUDGET = 4 * 1024 * 1024;
/**
 * Texts are found by their first PREFIX characters, where a body's value starts; shorter ones,
 * quick to parse, are not kept.
 */
const PREFIX = 64;
/** Texts of one prefix tried per lookup, newest first (objects of one shape share prefixes). */
const PER_PREFIX = 8;

interface Known {
  tree: object;
  text: string;
}

/** Every kept tree; insertion order is age, the first the oldest. */
const byTree = new Map<object, Known>();
/** The newest PER_PREFIX kept trees of each prefix. */
const byPrefix = new Map<string, Known[]>();
let kept = 0;

/** Keeps `text`, the JSON of `tree`. */
export function rememberFieldsV1Text(tree: object, text: string): void {
  if (byTree.has(tree) || text.length < PREFIX || text.length > TEXT_BUDGET) return;
  const known: Known = { tree, text };
  byTree.set(tree, known);
  kept += text.length;
  const prefix = text.slice(0, PREFIX);
  const samePrefix = byPrefix.get(prefix);
  if (samePrefix) {
    samePrefix.unshift(known);
    if (samePrefix.length > PER_PREFIX) samePrefix.pop();
  } else byPrefix.set(prefix, [known]);
  for (const oldest of byTree.values()) {
    if (kept <= TEXT_BUDGET) break;
    forget(oldest);
  }
}

function forget(known: Known): void {
  byTree.delete(known.tree);
  kept -= known.text.length;
  const prefix = known.text.slice(0, PREFIX);
  const samePrefix = byPrefix.get(prefix);
  const at = samePrefix?.indexOf(known) ?? -1;
  if (!samePrefix || at < 0) return;
  samePrefix.splice(at, 1);
  if (samePrefix.length === 0) byPrefix.delete(prefix);
}

/** A kept tree whose JSON is in `text` from `start`, and where that JSON ends; undefined when none is. */
export function knownFieldsV1At(text: string, start: number): { tree: object; end: number } | undefined {
  const candidates = byPrefix.get(text.slice(start, start + PREFIX));
  if (!candidates) return undefined;
  for (const known of candidates) {
    const end = start + known.text.length;
    // A slice compared whole: V8 compares flat strings as memory, ~100× sooner than startsWith.
    if (text.slice(start, end) === known.text) return { tree: known.tree, end };
  }
  return undefined;
}

/** The JSON of a tree that is kept; undefined for others. */
export function fieldsV1TextOf(tree: object): string | undefined {
  return byTree.get(tree)?.text;
}
