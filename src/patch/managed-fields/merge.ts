// The two object operations of server-side apply: merging an applied configuration into the live
// object (structured-merge-diff's Merge, the configuration winning at every leaf, lists merged
// per list type), and pruning the fields an applier stopped applying that nobody else owns.
import type { PatchMeta } from '../patch-meta.js';
import { isAtomic, isObj, itemElement, keysAligned, keysUnique, kindAt } from './compare.js';
import { FieldSet, type PathElement } from './field-set.js';
import { setMember } from '../../api/types.js';

type Obj = Record<string, unknown>;

const EMPTY = new FieldSet();

/** Longest lists paired by index when aligned (keysUnique compares items pairwise). */
const ALIGNED_MAX = 64;

/** `live` with `config` merged in; neither is modified (the result may share their subtrees). */
export function mergeApplied(live: unknown, config: unknown, meta: PatchMeta): unknown {
  if (config === undefined) return live;
  if (live === undefined || live === null || config === null) return config;
  const kind = kindAt(meta, config);
  if (kind === 'scalar' || kindAt(meta, live) !== kind || isAtomic(meta, kind)) return config;
  if (kind === 'list') return mergeLists(live as unknown[], config as unknown[], meta);
  const out: Obj = { ...(live as Obj) };
  const fields = config as Obj;
  for (const key in fields) {
    if (Object.hasOwn(fields, key)) setMember(out, key, mergeApplied(Object.hasOwn(out, key) ? out[key] : undefined, fields[key], meta.field(key)));
  }
  return out;
}

interface Keyed {
  elements: PathElement[];
  items: Map<PathElement, unknown>;
}

function keyed(list: unknown[], meta: PatchMeta): Keyed {
  const elements: PathElement[] = [];
  const items = new Map<PathElement, unknown>();
  for (let i = 0; i < list.length; i++) {
    const element = itemElement(meta, list[i], i);
    elements.push(element);
    if (!items.has(element)) items.set(element, list[i]);
  }
  return { elements, items };
}

/**
 * Merges two granular lists: live-only items keep their place, items in both follow the
 * configuration's order, and configuration-only items go where the configuration puts them.
 * Loops without closures: every apply merges every list of the object.
 */
function mergeLists(live: unknown[], config: unknown[], meta: PatchMeta): unknown[] {
  // Both lists the same items in the same order (an apply changing values only): pairs by index.
  if (live.length <= ALIGNED_MAX && keysAligned(meta, live, config) && keysUnique(meta, config as Obj[])) {
    return config.map((item, i) => mergeApplied(live[i], item, meta.items));
  }
  const l = keyed(live, meta);
  const r = keyed(config, meta);
  const shared: PathElement[] = [];
  for (const e of r.elements) if (l.items.has(e)) shared.push(e);
  let nextShared = 0;
  const done = new Set<PathElement>();
  const out: unknown[] = [];
  let li = 0;
  let ri = 0;
  while (li < l.elements.length || ri < r.elements.length) {
    const le = l.elements[li];
    let take: PathElement | undefined;
    if (li < l.elements.length && ri < r.elements.length && le === r.elements[ri]) {
      take = le;
      li++;
      ri++;
    } else if (li < l.elements.length && ri < r.elements.length && r.items.has(le) && nextShared < shared.length && shared[nextShared] !== le) {
      li++;
      continue;
    } else if (li < l.elements.length && (!r.items.has(le) || done.has(le))) {
      if (!r.items.has(le)) out.push(live[li]);
      li++;
      continue;
    } else if (ri < r.elements.length) take = r.elements[ri++];
    if (take === undefined || done.has(take)) continue;
    done.add(take);
    out.push(mergeApplied(l.items.get(take), r.items.get(take), meta.items));
    if (shared[nextShared] === take) nextShared++;
  }
  return out;
}

/**
 * Removes from `merged` what `last` (the applier's previous set) has and `owned` (every
 * manager's set, the applier's new one included) does not. A struct field stays while anything
 * below it is owned; a list item or map entry goes unless it is itself owned.
 */
export function pruneUnowned(merged: unknown, last: FieldSet, owned: FieldSet, meta: PatchMeta): unknown {
  const kind = kindAt(meta, merged);
  if (kind === 'list' && Array.isArray(merged)) {
    const drop = new Set<number>();
    const out = merged.map((item, i) => {
      const element = itemElement(meta, item, i);
      const lastChild = last.children.get(element);
      if (!lastChild) return item;
      const ownedChild = owned.children.get(element);
      if (lastChild.member && !ownedChild?.member) {
        drop.add(i);
        return item;
      }
      return pruneUnowned(item, lastChild, ownedChild ?? EMPTY, meta.items);
    });
    return out.filter((_, i) => !drop.has(i));
  }
  if ((kind !== 'struct' && kind !== 'map') || !isObj(merged)) return merged;
  const out: Obj = { ...merged };
  for (const [element, lastChild] of last.children) {
    if (!element.startsWith('f:')) continue;
    const key = element.slice(2);
    if (!Object.hasOwn(out, key)) continue;
    const ownedChild = owned.children.get(element);
    const named = meta.hasField(key);
    const ownedHere = ownedChild !== undefined && (ownedChild.member || (named && !ownedChild.isEmpty()));
    if ((lastChild.member || named) && !ownedHere) delete out[key];
    else setMember(out, key, pruneUnowned(out[key], lastChild, ownedChild ?? EMPTY, meta.field(key)));
  }
  return out;
}
