// autoscaling/v2 HorizontalPodAutoscaler, the group's preferred version.
// Kubernetes stores one HPA and serves it as v2 and v1; until kubefake converts between versions
// this declaration and the v1 one are separate kinds over the same resource name, and their
// storage has to be made one (see horizontalpodautoscalers-v1.ts).
import type { KubeObject } from '../../api/types.js';
import { defaultFieldSelection } from '../field-labels.js';
import { defineResource, type ResourceDefinition } from '../resource.js';
import { formatHPAMetrics, type MetricSpec, type MetricStatus } from './hpa-metrics.js';
import { HPA_DISCOVERY, hpaTable } from './hpa-table.js';

interface HorizontalPodAutoscalerV2 extends KubeObject {
  spec?: { metrics?: MetricSpec[] };
  status?: { currentMetrics?: MetricStatus[] };
}

export const horizontalpodautoscalersV2: ResourceDefinition = defineResource({
  ...HPA_DISCOVERY,
  version: 'v2',
  strategy: {
    // HorizontalPodAutoscalerStatus.desiredReplicas has no omitempty in v2.
    prepareForCreate(obj) {
      obj.status = { desiredReplicas: 0 };
    },
  },
  fieldSelection: defaultFieldSelection(true),
  table: hpaTable((obj) => {
    const hpa = obj as HorizontalPodAutoscalerV2;
    return formatHPAMetrics(hpa.spec?.metrics, hpa.status?.currentMetrics);
  }),
});
