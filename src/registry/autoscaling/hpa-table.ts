// What autoscaling/v2 and autoscaling/v1 HorizontalPodAutoscalers share: their discovery facts
// and their table, where each version only says how to find its metrics.
import { statusSubresource } from '../apps/subresources.js';
import type { KubeObject } from '../../api/types.js';
import { age, ageColumn, column, nameColumn } from '../printing.js';
import type { TablePrinter } from '../resource.js';

export interface HorizontalPodAutoscaler extends KubeObject {
  spec?: { scaleTargetRef?: { kind?: string; name?: string }; minReplicas?: number; maxReplicas?: number };
  status?: { currentReplicas?: number };
}

export function hpaTable(targets: (obj: KubeObject) => string): TablePrinter {
  return {
    columns: [
      nameColumn(),
      column('Reference', 'string', {
        description:
          'scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count.',
      }),
      column('Targets', 'string', {
        description:
          'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).  The desired replica count is calculated multiplying the ratio between the target value and the current value by the current number of pods.  Ergo, metrics used must decrease as the pod count is increased, and vice-versa.  See the individual metric source types for more information about how each type of metric must respond.',
      }),
      column('MinPods', 'string', {
        description:
          'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available.',
      }),
      column('MaxPods', 'string', {
        description: 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas.',
      }),
      column('Replicas', 'string', {
        description: 'currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.',
      }),
      ageColumn(),
    ],
    row(obj, now) {
      const { spec, status } = obj as HorizontalPodAutoscaler;
      const ref = spec?.scaleTargetRef;
      return [
        obj.metadata.name ?? '',
        `${ref?.kind ?? ''}/${ref?.name ?? ''}`,
        targets(obj),
        spec?.minReplicas !== undefined && spec.minReplicas !== null ? String(spec.minReplicas) : '<unset>',
        spec?.maxReplicas ?? 0,
        status?.currentReplicas ?? 0,
        age(obj, now),
      ];
    },
  };
}

/** What both served versions of HorizontalPodAutoscaler declare alike (K8S_REFERENCE.md §1.2). */
export const HPA_DISCOVERY = {
  group: 'autoscaling',
  kind: 'HorizontalPodAutoscaler',
  plural: 'horizontalpodautoscalers',
  singular: 'horizontalpodautoscaler',
  namespaced: true,
  shortNames: ['hpa'],
  categories: ['all'],
  subresources: [statusSubresource],
  storageVersionHash: 'qwQve8ut294=',
} as const;
