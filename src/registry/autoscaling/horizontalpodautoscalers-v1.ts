// autoscaling/v1 HorizontalPodAutoscaler: the same stored object as autoscaling/v2 in Kubernetes,
// seen through the v1 fields (a single CPU utilisation target). kubefake cannot yet convert
// between versions, so this is declared on its own; its storage must be shared with the v2
// declaration once conversion exists.
import type { KubeObject } from '../../api/types.js';
import { defaultFieldSelection } from '../field-labels.js';
import { defineResource, type ResourceDefinition } from '../resource.js';
import { formatHPAMetrics, type MetricSpec } from './hpa-metrics.js';
import { HPA_DISCOVERY, hpaTable } from './hpa-table.js';

interface HorizontalPodAutoscalerV1 extends KubeObject {
  spec?: { targetCPUUtilizationPercentage?: number };
  status?: { currentCPUUtilizationPercentage?: number };
}

/** The v1 CPU target as the internal metric list the printer reads. */
function v1Targets(obj: KubeObject): string {
  const { spec, status } = obj as HorizontalPodAutoscalerV1;
  const target = spec?.targetCPUUtilizationPercentage;
  if (target === undefined || target === null) return formatHPAMetrics([], []);
  const metric: MetricSpec = { type: 'Resource', resource: { name: 'cpu', target: { averageUtilization: target } } };
  const current = status?.currentCPUUtilizationPercentage;
  const observed = current === undefined || current === null ? [] : [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: current } } }];
  return formatHPAMetrics([metric], observed);
}

export const horizontalpodautoscalersV1: ResourceDefinition = defineResource({
  ...HPA_DISCOVERY,
  version: 'v1',
  strategy: {
    // currentReplicas and desiredReplicas have no omitempty in v1.
    prepareForCreate(obj) {
      obj.status = { currentReplicas: 0, desiredReplicas: 0 };
    },
  },
  fieldSelection: defaultFieldSelection(true),
  table: hpaTable(v1Targets),
});
