// Priority (plugin/pkg/admission/priority): a pod's priorityClassName resolves to spec.priority and
// spec.preemptionPolicy (the globalDefault class, or 0 when there is none); only one PriorityClass
// may be the global default.
import type { KubeObject } from '../../api/types.js';
import type { AdmissionAttributes, AdmissionPlugin, Operation } from '../interfaces.js';
import type { AdmissionDeps, PluginFactory } from '../plugin-order.js';
import { WatchedObjects } from '../webhooks/watched-objects.js';
import { admissionForbidden, isResource } from './attributes.js';

interface PriorityClass extends KubeObject {
  value?: number;
  globalDefault?: boolean;
  preemptionPolicy?: string;
}

interface PodPriority {
  priorityClassName?: string;
  priority?: number;
  preemptionPolicy?: string;
}

/** scheduling.DefaultPriorityWhenNoDefaultClassExists. */
const NO_DEFAULT_PRIORITY = 0;

/** With several defaults (a race), the lowest value wins. */
export function globalDefaultClass(classes: readonly KubeObject[]): PriorityClass | undefined {
  let chosen: PriorityClass | undefined;
  for (const pc of classes as PriorityClass[]) if (pc.globalDefault && (!chosen || (chosen.value ?? 0) > (pc.value ?? 0))) chosen = pc;
  return chosen;
}

class Priority implements AdmissionPlugin {
  readonly name = 'Priority';
  readonly #deps: AdmissionDeps;
  #watched: WatchedObjects<PriorityClass> | undefined;

  constructor(deps: AdmissionDeps) {
    this.#deps = deps;
  }

  handles(operation: Operation): boolean {
    return operation === 'CREATE' || operation === 'UPDATE';
  }

  /** Every PriorityClass by name, listed once and then kept current by a watch (not listed per pod). */
  #classes(): readonly PriorityClass[] {
    this.#watched ??= new WatchedObjects(this.#deps.storage, this.#deps.registry().store('scheduling.k8s.io', 'priorityclasses').prefix(''), (obj) => obj as PriorityClass);
    return this.#watched.items();
  }

  admit(attrs: AdmissionAttributes): void {
    if (!isResource(attrs, 'pods') || !attrs.object) return;
    const spec = ((attrs.object.spec ??= {}) as PodPriority);
    if (attrs.operation === 'UPDATE') {
      // Set on create; an update that leaves them out keeps them (validation refuses changes).
      const old = (attrs.oldObject?.spec ?? {}) as PodPriority;
      if (spec.priority === undefined && old.priority !== undefined) spec.priority = old.priority;
      if (spec.preemptionPolicy === undefined && old.preemptionPolicy !== undefined) spec.preemptionPolicy = old.preemptionPolicy;
      return;
    }
    const resolved = this.#resolve(attrs, spec);
    if (spec.priority !== undefined && spec.priority !== resolved.value) {
      throw admissionForbidden(attrs, `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${resolved.value} from the given PriorityClass name`);
    }
    spec.priority = resolved.value;
    if (resolved.preemptionPolicy === undefined) return;
    if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== resolved.preemptionPolicy) {
      throw admissionForbidden(attrs, `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${resolved.preemptionPolicy} from the given PriorityClass name`);
    }
    spec.preemptionPolicy = resolved.preemptionPolicy;
  }

  /** The class the pod names, else the global default (whose name the pod then takes). */
  #resolve(attrs: AdmissionAttributes, spec: PodPriority): { value: number; preemptionPolicy?: string } {
    if (!spec.priorityClassName) {
      const dpc = globalDefaultClass(this.#classes());
      if (!dpc) return { value: NO_DEFAULT_PRIORITY, preemptionPolicy: 'PreemptLowerPriority' };
      spec.priorityClassName = dpc.metadata.name;
      return { value: dpc.value ?? 0, preemptionPolicy: dpc.preemptionPolicy };
    }
    const pc = this.#classes().find((c) => c.metadata.name === spec.priorityClassName);
    if (!pc) throw admissionForbidden(attrs, `no PriorityClass with name ${spec.priorityClassName} was found`);
    return { value: pc.value ?? 0, preemptionPolicy: pc.preemptionPolicy };
  }

  validate(attrs: AdmissionAttributes): void {
    const pc = attrs.object as PriorityClass | undefined;
    if (!isResource(attrs, 'priorityclasses', 'scheduling.k8s.io') || !pc?.globalDefault) return;
    const dpc = globalDefaultClass(this.#classes());
    if (dpc && (attrs.operation === 'CREATE' || dpc.metadata.name !== pc.metadata.name)) {
      throw admissionForbidden(attrs, `PriorityClass ${dpc.metadata.name} is already marked as default. Only one default can exist`);
    }
  }
}

export const priority: PluginFactory = { name: 'Priority', defaultOn: true, create: (deps) => new Priority(deps) };
