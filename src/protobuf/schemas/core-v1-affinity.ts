// k8s.io/api/core/v1 scheduling constraints: node/pod (anti-)affinity, tolerations, topology
// spread.
// Field numbers and types per generated.proto (as compiled into kubectl v1.32.4); JSON names,
// omitempty, pointers and inline embeddings per the Go structs' json tags (k8s.io/api v0.32).
import type { SchemaTable } from '../schema-types.js';

export const CORE_V1_AFFINITY: SchemaTable = {
  'core.v1.Affinity': {
    fields: {
      1: { name: 'nodeAffinity', type: 'message:core.v1.NodeAffinity', pointer: true },
      2: { name: 'podAffinity', type: 'message:core.v1.PodAffinity', pointer: true },
      3: { name: 'podAntiAffinity', type: 'message:core.v1.PodAntiAffinity', pointer: true },
    },
  },
  'core.v1.Toleration': {
    fields: {
      1: { name: 'key', type: 'string' },
      2: { name: 'operator', type: 'string' },
      3: { name: 'value', type: 'string' },
      4: { name: 'effect', type: 'string' },
      5: { name: 'tolerationSeconds', type: 'int64', pointer: true },
    },
  },
  'core.v1.TopologySpreadConstraint': {
    fields: {
      1: { name: 'maxSkew', type: 'int32', keepZero: true },
      2: { name: 'topologyKey', type: 'string', keepZero: true },
      3: { name: 'whenUnsatisfiable', type: 'string', keepZero: true },
      4: { name: 'labelSelector', type: 'message:meta.v1.LabelSelector', pointer: true },
      5: { name: 'minDomains', type: 'int32', pointer: true },
      6: { name: 'nodeAffinityPolicy', type: 'string', pointer: true },
      7: { name: 'nodeTaintsPolicy', type: 'string', pointer: true },
      8: { name: 'matchLabelKeys', type: 'string', repeated: true },
    },
  },
  'core.v1.NodeAffinity': {
    fields: {
      1: { name: 'requiredDuringSchedulingIgnoredDuringExecution', type: 'message:core.v1.NodeSelector', pointer: true },
      2: { name: 'preferredDuringSchedulingIgnoredDuringExecution', type: 'message:core.v1.PreferredSchedulingTerm', repeated: true },
    },
  },
  'core.v1.PodAffinity': {
    fields: {
      1: { name: 'requiredDuringSchedulingIgnoredDuringExecution', type: 'message:core.v1.PodAffinityTerm', repeated: true },
      2: { name: 'preferredDuringSchedulingIgnoredDuringExecution', type: 'message:core.v1.WeightedPodAffinityTerm', repeated: true },
    },
  },
  'core.v1.PodAntiAffinity': {
    fields: {
      1: { name: 'requiredDuringSchedulingIgnoredDuringExecution', type: 'message:core.v1.PodAffinityTerm', repeated: true },
      2: { name: 'preferredDuringSchedulingIgnoredDuringExecution', type: 'message:core.v1.WeightedPodAffinityTerm', repeated: true },
    },
  },
  'core.v1.NodeSelector': {
    fields: {
      1: { name: 'nodeSelectorTerms', type: 'message:core.v1.NodeSelectorTerm', repeated: true },
    },
  },
  'core.v1.PreferredSchedulingTerm': {
    fields: {
      1: { name: 'weight', type: 'int32', keepZero: true },
      2: { name: 'preference', type: 'message:core.v1.NodeSelectorTerm' },
    },
  },
  'core.v1.PodAffinityTerm': {
    fields: {
      1: { name: 'labelSelector', type: 'message:meta.v1.LabelSelector', pointer: true },
      2: { name: 'namespaces', type: 'string', repeated: true },
      3: { name: 'topologyKey', type: 'string', keepZero: true },
      4: { name: 'namespaceSelector', type: 'message:meta.v1.LabelSelector', pointer: true },
      5: { name: 'matchLabelKeys', type: 'string', repeated: true },
      6: { name: 'mismatchLabelKeys', type: 'string', repeated: true },
    },
  },
  'core.v1.WeightedPodAffinityTerm': {
    fields: {
      1: { name: 'weight', type: 'int32', keepZero: true },
      2: { name: 'podAffinityTerm', type: 'message:core.v1.PodAffinityTerm' },
    },
  },
  'core.v1.NodeSelectorTerm': {
    fields: {
      1: { name: 'matchExpressions', type: 'message:core.v1.NodeSelectorRequirement', repeated: true },
      2: { name: 'matchFields', type: 'message:core.v1.NodeSelectorRequirement', repeated: true },
    },
  },
  'core.v1.NodeSelectorRequirement': {
    fields: {
      1: { name: 'key', type: 'string', keepZero: true },
      2: { name: 'operator', type: 'string', keepZero: true },
      3: { name: 'values', type: 'string', repeated: true },
    },
  },
};
