// Names each client-node model as Kubernetes names its schema (io.k8s.api.core.v1.Pod, …). A model
// belongs to the package the overlay says, else to the group version whose resources reach it
// first: the core group is walked before the others, so shared core types stay core.
import type { ApiClass } from './client-apis.js';
import type { Model } from './client-models.js';
import { GROUP_PACKAGES, MODEL_PACKAGES } from './overlay.js';

const VERSION_PREFIX = /^(?:[A-Z][a-z]+)*V\d+(?:(?:alpha|beta)\d+)?(?=[A-Z])/;

/** The kind a model name carries: V1Pod → Pod, CoreV1Event → Event. */
export function kindOf(model: string): string {
  return model.replace(VERSION_PREFIX, '');
}

export function packageOf(groupVersion: string): string {
  const [group, version] = groupVersion.includes('/') ? groupVersion.split('/') : ['', groupVersion];
  const pkg = GROUP_PACKAGES[group];
  if (!pkg) throw new Error(`no package known for group ${JSON.stringify(group)}`);
  return `${pkg}.${version}`;
}

/** Model names a type expression refers to: `Array<V1Container>` → V1Container. */
export function referencedModels(type: string, models: Map<string, Model>): string[] {
  return [...type.matchAll(/\w+/g)].map((m) => m[0]).filter((name) => models.has(name));
}

/** Models a group version's resources are made of: bodies and responses of collection paths. */
function rootModels(api: ApiClass, models: Map<string, Model>): string[] {
  const roots = api.operations
    .filter((op) => !op.path.includes('{name}'))
    .flatMap((op) => [op.body?.type ?? '', ...op.responses.values()]);
  return roots.flatMap((t) => referencedModels(t, models));
}

export function assignSchemaNames(models: Map<string, Model>, apis: ApiClass[]): Map<string, string> {
  const names = new Map<string, string>();
  const walk = (start: string[], pkg: (model: string) => string): void => {
    const queue = [...new Set(start)].filter((m) => !names.has(m));
    for (const m of queue) names.set(m, `${pkg(m)}.${kindOf(m)}`);
    for (let i = 0; i < queue.length; i++) {
      for (const field of models.get(queue[i])!.fields) {
        for (const ref of referencedModels(field.type, models)) {
          if (names.has(ref)) continue;
          names.set(ref, `${names.get(queue[i])!.replace(/\.[^.]+$/, '')}.${kindOf(ref)}`);
          queue.push(ref);
        }
      }
    }
  };
  walk(Object.keys(MODEL_PACKAGES).filter((m) => models.has(m)), (m) => MODEL_PACKAGES[m]);
  const ordered = [...apis].sort((a, b) => Number(b.groupVersion === 'v1') - Number(a.groupVersion === 'v1'));
  for (const api of ordered) walk(rootModels(api, models), () => packageOf(api.groupVersion));
  return names;
}
