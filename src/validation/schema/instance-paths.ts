// Paths into a decoded object: ajv's JSON Pointers turned into segments, ordered as the fields
// appear in the document (the order Go's decoder meets them), printed as strict decoding prints
// them (`spec.containers[0].imagee`), and the removal of unknown fields.
import { isPlainObject } from '../../api/types.js';

export type Segment = string | number;

/** The segments of a JSON Pointer, array indexes as numbers (read off the value itself). */
export function pointerSegments(root: unknown, pointer: string): Segment[] {
  if (pointer === '') return [];
  const segments: Segment[] = [];
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment: Segment = Array.isArray(node) ? Number(key) : key;
    segments.push(segment);
    node = valueAt(node, [segment]);
  }
  return segments;
}

export function valueAt(root: unknown, segments: readonly Segment[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isPlainObject(node) && typeof segment === 'string') node = node[segment];
    else return undefined;
  }
  return node;
}

function position(container: unknown, segment: Segment): number {
  if (typeof segment === 'number') return segment;
  return isPlainObject(container) ? Object.keys(container).indexOf(segment) : -1;
}

/** Negative when `a` comes before `b` in the document; a parent comes before its fields. */
export function compareDocumentOrder(root: unknown, a: readonly Segment[], b: readonly Segment[]): number {
  let node = root;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return position(node, a[i]) - position(node, b[i]);
    node = valueAt(node, [a[i]]);
  }
  return a.length - b.length;
}

/** `spec.template.spec.containers[0].imagee` */
export function formatPath(segments: readonly Segment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

/** Deletes the field a path names, if it is there. */
export function removeField(root: unknown, segments: readonly Segment[]): void {
  const parent = valueAt(root, segments.slice(0, -1));
  const last = segments[segments.length - 1];
  if (isPlainObject(parent) && typeof last === 'string') delete parent[last];
}
