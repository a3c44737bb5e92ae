// The parameter objects of a binding (paramRef): one by name or several by selector, of the
// policy's paramKind, in the binding's namespace or the request's. Errors are configuration
// errors, which the policy's failurePolicy decides on.
import type { KubeObject } from '../../api/types.js';
import { listPrefix, objectKey } from '../../registry/keys.js';
import type { Registry } from '../../registry/registry.js';
import type { ObjectStorage } from '../../storage/interfaces.js';
import type { AdmissionAttributes } from '../interfaces.js';
import type { CompiledBinding, CompiledPolicy } from './compiled-policy.js';

export interface ParamDeps {
  storage: ObjectStorage;
  registry(): Registry;
}

/** The params to evaluate with: [null] when the policy takes none, [] when none apply (Allow). */
export function collectParams(policy: CompiledPolicy, binding: CompiledBinding, attrs: AdmissionAttributes, deps: ParamDeps): (KubeObject | null)[] {
  const kind = policy.paramKind;
  if (!kind) return [null];
  const ref = binding.paramRef;
  if (!ref) throw new Error(`paramRef is required when paramKind is specified`);
  const [group, version] = (kind.apiVersion ?? '').includes('/') ? (kind.apiVersion ?? '').split('/') : ['', kind.apiVersion ?? ''];
  const def = deps.registry().resourcesOf(group ?? '', version ?? '').find((r) => r.def.kind === kind.kind)?.def;
  if (!def) throw new Error(`failed to find resource referenced by paramKind: '${kind.apiVersion ?? ''}, Kind=${kind.kind ?? ''}'`);
  let namespace = '';
  if (def.namespaced) {
    namespace = ref.namespace || attrs.namespace;
    if (!namespace) throw new Error('cannot use namespaced paramRef in policy binding that matches cluster-scoped resources');
  }
  let params: KubeObject[];
  if (ref.name) {
    const found = deps.storage.get(objectKey(def, namespace, ref.name));
    params = found ? [found] : [];
  } else {
    const sel = binding.paramSelector;
    if (sel instanceof Error) throw sel;
    params = deps.storage.list(listPrefix(def, namespace)).items.filter((o) => !sel || sel.matches(o.metadata.labels));
  }
  if (!params.length && ref.parameterNotFoundAction === 'Deny') throw new Error('no params found for policy binding with `Deny` parameterNotFoundAction');
  return params;
}
