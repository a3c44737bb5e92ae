// corev1.ResourceList arithmetic over Quantities (quota/v1 resources.go and the limitranger's
// helpers): reading one from JSON, adding, taking the larger per name, printing.
import { addQuantity, formatQuantity, toQuantity, type Quantity } from './quantity.js';

export type ResourceList = Map<string, Quantity>;

/** A ResourceList from an object's `{name: "quantity"}`; values that do not parse are left out. */
export function readResourceList(value: unknown): ResourceList {
  const list: ResourceList = new Map();
  if (!value || typeof value !== 'object') return list;
  for (const [name, text] of Object.entries(value as Record<string, unknown>)) {
    const q = toQuantity(String(text));
    if (q) list.set(name, q);
  }
  return list;
}

export function writeResourceList(list: ResourceList): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [...list.keys()].sort()) out[name] = formatQuantity(list.get(name)!);
  return out;
}

/** quota.Add: a new list with every name of both. */
export function addLists(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = new Map(a);
  for (const [name, q] of b) out.set(name, out.has(name) ? addQuantity(out.get(name)!, q) : q);
  return out;
}

/** Raises each of target's values to source's where source's is larger (maxResourceList). */
export function maxInto(target: ResourceList, source: ResourceList): void {
  for (const [name, q] of source) {
    const current = target.get(name);
    if (!current || q.nanos > current.nanos) target.set(name, q);
  }
}

/** quota.Mask: only the given names. */
export function mask(list: ResourceList, names: Iterable<string>): ResourceList {
  const out: ResourceList = new Map();
  for (const name of names) if (list.has(name)) out.set(name, list.get(name)!);
  return out;
}

/** quota's prettyPrint: `name=value` sorted by name, comma-joined. */
export function prettyPrint(list: ResourceList): string {
  return [...list.keys()].sort().map((name) => `${name}=${formatQuantity(list.get(name)!)}`).join(',');
}
