// autoscaling/v2 (preferred) and autoscaling/v1: HorizontalPodAutoscaler in both versions, and the
// Targets formatting they share. Names are DNS subdomains.
import type { ResourceDefinition } from '../resource.js';
import { horizontalpodautoscalersV1 } from './horizontalpodautoscalers-v1.js';
import { horizontalpodautoscalersV2 } from './horizontalpodautoscalers-v2.js';

export const autoscalingResources: ResourceDefinition[] = [horizontalpodautoscalersV2, horizontalpodautoscalersV1];
