// The ClusterRole aggregation controller (pkg/controller/clusterroleaggregation): a ClusterRole
// with an aggregationRule gets, as its rules, the rules of every other ClusterRole its selectors
// match, in name order and without duplicates. Level-based: any ClusterRole change re-checks
// every aggregated role, so chains (view → edit → admin) settle.
import type { KubeObject } from '../api/types.js';
import { StatusError } from '../api/errors.js';
import type { PolicyRule, AggregationRule } from '../auth/rbac/types.js';
import type { Registry } from '../registry/registry.js';
import { labelSelectorFromObject, type LabelSelectorObject } from '../selectors/label-selector.js';
import type { Watcher } from '../storage/interfaces.js';
import { WorkQueue } from './work-queue.js';

const PREFIX = '/registry/clusterroles/';
/** Passes over the aggregated roles at start: enough for chains as deep as this. */
const MAX_SYNC_PASSES = 8;

function selectorsOf(role: KubeObject): LabelSelectorObject[] | undefined {
  return (role.aggregationRule as AggregationRule | undefined)?.clusterRoleSelectors as LabelSelectorObject[] | undefined;
}

/** The rules an aggregated role should carry, given every ClusterRole. */
export function aggregatedRules(role: KubeObject, all: readonly KubeObject[]): PolicyRule[] {
  const selectors = (selectorsOf(role) ?? []).map((s) => labelSelectorFromObject(s));
  const sorted = [...all].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
  const rules: PolicyRule[] = [];
  const seen = new Set<string>();
  for (const other of sorted) {
    if (other.metadata.name === role.metadata.name) continue;
    if (!selectors.some((s) => s.matches(other.metadata.labels))) continue;
    for (const rule of (other.rules as PolicyRule[] | undefined) ?? []) {
      const key = JSON.stringify(rule);
      if (seen.has(key)) continue;
      seen.add(key);
      rules.push(rule);
    }
  }
  return rules;
}

export class ClusterRoleAggregationController {
  readonly #registry: Registry;
  readonly #queue: WorkQueue;
  #watcher: Watcher | undefined;

  constructor(registry: Registry) {
    this.#registry = registry;
    this.#queue = new WorkQueue(
      async (name) => {
        await this.#reconcile(name);
      },
      (name, err) => process.stderr.write(`kubefake: clusterrole aggregation: ${name}: ${(err as Error).message}\n`),
    );
  }

  /** Brings every aggregated role up to date, then follows ClusterRole changes. */
  async start(): Promise<void> {
    for (let pass = 0; pass < MAX_SYNC_PASSES; pass++) {
      let changed = false;
      for (const name of this.#aggregatedNames()) changed = (await this.#reconcile(name)) || changed;
      if (!changed) break;
    }
    const storage = this.#registry.storage;
    this.#watcher = storage.watch(PREFIX, storage.revision, () => {
      for (const name of this.#aggregatedNames()) this.#queue.add(name);
    });
  }

  stop(): void {
    this.#watcher?.stop();
    this.#queue.stop();
  }

  #aggregatedNames(): string[] {
    return this.#registry.storage.list(PREFIX).items.filter((r) => selectorsOf(r)).map((r) => r.metadata.name ?? '');
  }

  /** Writes the role's aggregated rules; true when they changed. */
  async #reconcile(name: string): Promise<boolean> {
    const storage = this.#registry.storage;
    const role = storage.get(`${PREFIX}${name}`);
    if (!role || !selectorsOf(role)) return false;
    const rules = aggregatedRules(role, storage.list(PREFIX).items);
    if (JSON.stringify(rules) === JSON.stringify(role.rules ?? [])) return false;
    try {
      await this.#registry.store('rbac.authorization.k8s.io', 'clusterroles').guaranteedUpdate('', name, (cur) => ({ ...structuredClone(cur), rules }), { dryRun: false });
    } catch (err) {
      if (err instanceof StatusError && err.code === 404) return false;
      throw err;
    }
    return true;
  }
}
