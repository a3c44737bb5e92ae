// The RoleBindings and ClusterRoleBindings indexed by subject, kept current from the watch cache
// (events arrive synchronously with each write, so a binding counts as soon as its create
// returns). Finding the bindings of a user costs one map lookup per name and group, whatever the
// number of bindings: this is what keeps authorization fast with thousands of them.
import type { KubeObject } from '../../api/types.js';
import type { ObjectStorage, StoredEvent, Watcher } from '../../storage/interfaces.js';
import type { UserInfo } from '../../server/context.js';
import type { RoleRef, Subject } from './types.js';

export const CLUSTER_ROLE_BINDINGS_PREFIX = '/registry/clusterrolebindings/';
export const ROLE_BINDINGS_PREFIX = '/registry/rolebindings/';
const SERVICE_ACCOUNT_PREFIX = 'system:serviceaccount:';

/** One subject of one binding that applies to someone. */
export interface BindingMatch {
  binding: KubeObject;
  roleRef: RoleRef;
  subject: Subject;
}

type Entries = Map<string, BindingMatch[]>;

/** `user:<name>` or `group:<name>`; ServiceAccount subjects are indexed as their user name. */
function subjectKey(subject: Subject, bindingNamespace: string): string | undefined {
  if (subject.kind === 'User') return `user:${subject.name}`;
  if (subject.kind === 'Group') return `group:${subject.name}`;
  if (subject.kind !== 'ServiceAccount') return undefined;
  const ns = subject.namespace || bindingNamespace;
  return ns ? `user:${SERVICE_ACCOUNT_PREFIX}${ns}:${subject.name}` : undefined;
}

function keysOf(user: UserInfo): string[] {
  return [`user:${user.username}`, ...user.groups.map((g) => `group:${g}`)];
}

export class BindingIndex {
  readonly #storage: ObjectStorage;
  /** Scope (`` for cluster bindings, the namespace for role bindings) → subject key → matches. */
  readonly #byScope = new Map<string, Entries>();
  readonly #watchers: Watcher[] = [];

  constructor(storage: ObjectStorage) {
    this.#storage = storage;
  }

  start(): void {
    for (const prefix of [CLUSTER_ROLE_BINDINGS_PREFIX, ROLE_BINDINGS_PREFIX]) {
      const { items, revision } = this.#storage.list(prefix);
      for (const b of items) this.#add(b);
      this.#watchers.push(this.#storage.watch(prefix, revision, (e) => this.#apply(e)));
    }
  }

  stop(): void {
    for (const w of this.#watchers.splice(0)) w.stop();
  }

  /** The cluster bindings (namespace '') or a namespace's role bindings that name this user. */
  matches(user: UserInfo, namespace: string): BindingMatch[] {
    const entries = this.#byScope.get(namespace);
    if (!entries) return [];
    const out: BindingMatch[] = [];
    for (const key of keysOf(user)) {
      const found = entries.get(key);
      if (found) out.push(...found);
    }
    return out;
  }

  #apply(e: StoredEvent): void {
    if (e.previous) this.#remove(e.previous.object);
    if (e.type !== 'DELETED') this.#add(e.current.object);
  }

  #add(binding: KubeObject): void {
    const scope = binding.metadata.namespace ?? '';
    const roleRef = binding.roleRef as RoleRef;
    let entries = this.#byScope.get(scope);
    if (!entries) this.#byScope.set(scope, (entries = new Map()));
    for (const subject of (binding.subjects as Subject[] | undefined) ?? []) {
      const key = subjectKey(subject, scope);
      if (!key) continue;
      const list = entries.get(key);
      const match = { binding, roleRef, subject };
      if (list) list.push(match);
      else entries.set(key, [match]);
    }
  }

  #remove(binding: KubeObject): void {
    const scope = binding.metadata.namespace ?? '';
    const entries = this.#byScope.get(scope);
    if (!entries) return;
    const name = binding.metadata.name;
    for (const subject of (binding.subjects as Subject[] | undefined) ?? []) {
      const key = subjectKey(subject, scope);
      const list = key ? entries.get(key) : undefined;
      if (!key || !list) continue;
      const kept = list.filter((m) => m.binding.metadata.name !== name);
      if (kept.length) entries.set(key, kept);
      else entries.delete(key);
    }
  }
}
