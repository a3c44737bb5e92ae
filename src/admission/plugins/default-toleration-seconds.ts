// DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds): every pod tolerates
// the not-ready and unreachable NoExecute taints for 300 s unless it already tolerates them.
import type { KubeObject } from '../../api/types.js';
import type { AdmissionAttributes, AdmissionPlugin, Operation } from '../interfaces.js';
import type { PluginFactory } from '../plugin-order.js';
import { isResource } from './attributes.js';

const DEFAULT_SECONDS = 300;
const TAINTS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

interface Toleration {
  key?: string;
  effect?: string;
}

/** An empty key tolerates every taint, an empty effect every effect. */
function tolerates(tolerations: readonly Toleration[], key: string): boolean {
  return tolerations.some((t) => (!t.key || t.key === key) && (!t.effect || t.effect === 'NoExecute'));
}

export function addDefaultTolerations(pod: KubeObject): void {
  const spec = ((pod.spec ??= {}) as { tolerations?: Record<string, unknown>[] });
  const tolerations = spec.tolerations ?? [];
  const missing = TAINTS.filter((key) => !tolerates(tolerations, key));
  if (!missing.length) return;
  spec.tolerations = [...tolerations, ...missing.map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_SECONDS }))];
}

class DefaultTolerationSeconds implements AdmissionPlugin {
  readonly name = 'DefaultTolerationSeconds';

  handles(operation: Operation): boolean {
    return operation === 'CREATE' || operation === 'UPDATE';
  }

  admit(attrs: AdmissionAttributes): void {
    if (isResource(attrs, 'pods') && attrs.object) addDefaultTolerations(attrs.object);
  }
}

export const defaultTolerationSeconds: PluginFactory = { name: 'DefaultTolerationSeconds', defaultOn: true, create: () => new DefaultTolerationSeconds() };
