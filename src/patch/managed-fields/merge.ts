// The two object operations of server-side apply: merging an applied configuration into the live
// object (structured-merge-diff's Merge, the configuration winning at every leaf, lists merged
// per list type), and pruning the fields an applier stopped applying that nobody else owns.
import type { PatchMeta } from '../patch-meta.js';
import { isAtomic, isObj, itemElement, kindAt } from './compare.js';
import { FieldSet, type PathElement } from './field-set.js';
import { setMember } from '../../api/types.js';

type Obj = Record<string, unknown>;

const EMPTY = new FieldSet();

/** `live` with `config` merged in; neither is modified (the result may share their subtrees). */
export function mergeApplied(live: unknown, config: unknown, meta: PatchMeta): unknown {
  if (config === undefined) return live;
  if (live === undefined || live === null || config === null) return config;
  const kind = kindAt(meta, config);
  if (kind === 'scalar' || kindAt(meta, live) !== kind || isAtomic(meta, kind)) return config;
  if (kind === 'list') return mergeLists(live as unknown[], config as unknown[], meta);
  const out: Obj = { ...(live as Obj) };
  for (const [key, value] of Object.entries(config as Obj)) setMember(out, key, mergeApplied(Object.hasOwn(out, key) ? out[key] : undefined, value, meta.field(key)));
  return out;
}

interface Keyed {
  elements: PathElement[];
  items: Map<PathElement, unknown>;
}

function keyed(list: unknown[], meta: PatchMeta): Keyed {
  const elements: PathElement[] = [];
  const items = new Map<PathElement, unknown>();
  list.forEach((item, i) => {
    const element = itemElement(meta, item, i);
    elements.push(element);
    if (!items.has(element)) items.set(element, item);
  });
  return { elements, items };
}

/**
 * Merges two granular lists: live-only items keep their place, items in both follow the
 * configuration's order, and configuration-only items go where the configuration puts them.
 */
function mergeLists(live: unknown[], config: unknown[], meta: PatchMeta): unknown[] {
  const l = keyed(live, meta);
  const r = keyed(config, meta);
  const shared = r.elements.filter((e) => l.items.has(e));
  let nextShared = 0;
  const done = new Set<PathElement>();
  const out: unknown[] = [];
  const take = (e: PathElement): void => {
    done.add(e);
    out.push(mergeApplied(l.items.get(e), r.items.get(e), meta.items));
    if (shared[nextShared] === e) nextShared++;
  };
  let li = 0;
  let ri = 0;
  while (li < l.elements.length || ri < r.elements.length) {
    const le = l.elements[li];
    if (li < l.elements.length && ri < r.elements.length) {
      if (le === r.elements[ri]) {
        if (!done.has(le)) take(le);
        li++;
        ri++;
        continue;
      }
      if (r.items.has(le) && nextShared < shared.length && shared[nextShared] !== le) {
        li++;
        continue;
      }
    }
    if (li < l.elements.length && (!r.items.has(le) || done.has(le))) {
      if (!r.items.has(le)) out.push(live[li]);
      li++;
      continue;
    }
    if (ri < r.elements.length) {
      const re = r.elements[ri++];
      if (!done.has(re)) take(re);
    }
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
