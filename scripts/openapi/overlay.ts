// What the client-node models cannot tell us, written from the Kubernetes v1.32 API reference:
// which group versions and resources a default cluster serves, each model's Go package, the
// apimachinery scalar types (Time, Quantity, IntOrString, …), list/map/patch extensions, enums,
// and the fields client-node carries that v1.32 does not have yet.
import type { JsonObject } from './json.js';

/** Resources (and subresources) a default v1.32 cluster serves, per group version (K8S_REFERENCE §1.2). */
export const RESOURCES: Record<string, string[]> = {
  v1: [
    'bindings', 'componentstatuses', 'configmaps', 'endpoints', 'events', 'limitranges', 'namespaces', 'namespaces/finalize',
    'namespaces/status', 'nodes', 'nodes/proxy', 'nodes/status', 'persistentvolumeclaims', 'persistentvolumeclaims/status',
    'persistentvolumes', 'persistentvolumes/status', 'pods', 'pods/attach', 'pods/binding', 'pods/ephemeralcontainers',
    'pods/eviction', 'pods/exec', 'pods/log', 'pods/portforward', 'pods/proxy', 'pods/status', 'podtemplates',
    'replicationcontrollers', 'replicationcontrollers/scale', 'replicationcontrollers/status', 'resourcequotas',
    'resourcequotas/status', 'secrets', 'serviceaccounts', 'serviceaccounts/token', 'services', 'services/proxy', 'services/status',
  ],
  'admissionregistration.k8s.io/v1': [
    'mutatingwebhookconfigurations', 'validatingadmissionpolicies', 'validatingadmissionpolicies/status',
    'validatingadmissionpolicybindings', 'validatingwebhookconfigurations',
  ],
  'apiextensions.k8s.io/v1': ['customresourcedefinitions', 'customresourcedefinitions/status'],
  'apiregistration.k8s.io/v1': ['apiservices', 'apiservices/status'],
  'apps/v1': [
    'controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets',
    'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status',
  ],
  'authentication.k8s.io/v1': ['selfsubjectreviews', 'tokenreviews'],
  'authorization.k8s.io/v1': ['localsubjectaccessreviews', 'selfsubjectaccessreviews', 'selfsubjectrulesreviews', 'subjectaccessreviews'],
  'autoscaling/v1': ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'],
  'autoscaling/v2': ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'],
  'batch/v1': ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'],
  'certificates.k8s.io/v1': ['certificatesigningrequests', 'certificatesigningrequests/approval', 'certificatesigningrequests/status'],
  'coordination.k8s.io/v1': ['leases'],
  'discovery.k8s.io/v1': ['endpointslices'],
  'events.k8s.io/v1': ['events'],
  'flowcontrol.apiserver.k8s.io/v1': ['flowschemas', 'flowschemas/status', 'prioritylevelconfigurations', 'prioritylevelconfigurations/status'],
  'networking.k8s.io/v1': ['ingressclasses', 'ingresses', 'ingresses/status', 'networkpolicies'],
  'node.k8s.io/v1': ['runtimeclasses'],
  'policy/v1': ['poddisruptionbudgets', 'poddisruptionbudgets/status'],
  'rbac.authorization.k8s.io/v1': ['clusterrolebindings', 'clusterroles', 'rolebindings', 'roles'],
  'scheduling.k8s.io/v1': ['priorityclasses'],
  'storage.k8s.io/v1': ['csidrivers', 'csinodes', 'csistoragecapacities', 'storageclasses', 'volumeattachments', 'volumeattachments/status'],
};

/** The Go package each API group's types live in (the schema name prefix before the version). */
export const GROUP_PACKAGES: Record<string, string> = {
  '': 'io.k8s.api.core',
  'admissionregistration.k8s.io': 'io.k8s.api.admissionregistration',
  'apiextensions.k8s.io': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
  'apiregistration.k8s.io': 'io.k8s.kube-aggregator.pkg.apis.apiregistration',
  apps: 'io.k8s.api.apps',
  'authentication.k8s.io': 'io.k8s.api.authentication',
  'authorization.k8s.io': 'io.k8s.api.authorization',
  autoscaling: 'io.k8s.api.autoscaling',
  batch: 'io.k8s.api.batch',
  'certificates.k8s.io': 'io.k8s.api.certificates',
  'coordination.k8s.io': 'io.k8s.api.coordination',
  'discovery.k8s.io': 'io.k8s.api.discovery',
  'events.k8s.io': 'io.k8s.api.events',
  'flowcontrol.apiserver.k8s.io': 'io.k8s.api.flowcontrol',
  'networking.k8s.io': 'io.k8s.api.networking',
  'node.k8s.io': 'io.k8s.api.node',
  policy: 'io.k8s.api.policy',
  'rbac.authorization.k8s.io': 'io.k8s.api.rbac',
  'scheduling.k8s.io': 'io.k8s.api.scheduling',
  'storage.k8s.io': 'io.k8s.api.storage',
};

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

/** Models whose package is not the group version whose operations first reach them. */
export const MODEL_PACKAGES: Record<string, string> = {
  V1APIGroup: META, V1APIGroupList: META, V1APIResource: META, V1APIResourceList: META, V1APIVersions: META,
  V1Condition: META, V1DeleteOptions: META, V1FieldSelectorRequirement: META, V1GroupVersionForDiscovery: META,
  V1LabelSelector: META, V1LabelSelectorRequirement: META, V1ListMeta: META, V1ManagedFieldsEntry: META, V1ObjectMeta: META,
  V1OwnerReference: META, V1Preconditions: META, V1ServerAddressByClientCIDR: META, V1Status: META, V1StatusCause: META,
  V1StatusDetails: META, V1WatchEvent: META,
  V1Scale: 'io.k8s.api.autoscaling.v1',
  V1Eviction: 'io.k8s.api.policy.v1',
  AuthenticationV1TokenRequest: 'io.k8s.api.authentication.v1',
};

/** Descriptions Kubernetes gives `metadata` fields, which the models drop beside the ref. */
export const METADATA_DESCRIPTIONS = {
  list: 'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
  object: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
};

/** Meta kinds every API group registers: their schemas list one GVK per group version. */
export const KINDS_IN_EVERY_GROUP = ['DeleteOptions', 'WatchEvent'];

/** Fields client-node (models of v1.34) has that v1.32 does not serve. */
export const FIELDS_NEWER_THAN_1_32 = [
  'V1PodSpec.hostnameOverride', 'V1Container.restartPolicyRules', 'V1EphemeralContainer.restartPolicyRules',
  'V1Lifecycle.stopSignal', 'V1ContainerStatus.stopSignal', 'V1PodStatus.observedGeneration', 'V1PodCondition.observedGeneration',
  'V1EnvVarSource.fileKeyRef', 'V1PodStatus.extendedResourceClaimStatus', 'V1VolumeProjection.podCertificate',
];

const QUANTITY_DESCRIPTION =
  'Quantity is a fixed-point representation of a number. It provides convenient marshaling/unmarshaling in JSON and YAML, in addition to String() and AsInt64() accessors.\n\nThe serialization format is:\n\n``` <quantity>        ::= <signedNumber><suffix>\n\n\t(Note that <suffix> may be empty, from the "" case in <decimalSI>.)\n\n<digit>           ::= 0 | 1 | ... | 9 <digits>          ::= <digit> | <digit><digits> <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits> <sign>            ::= "+" | "-" <signedNumber>    ::= <number> | <sign><number> <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI> <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei\n\n\t(International System of units; See: http://physics.nist.gov/cuu/Units/binary.html)\n\n<decimalSI>       ::= m | "" | k | M | G | T | P | E\n\n\t(Note that 1024 = 1Ki but 1000 = 1k; I didn\'t choose the capitalization.)\n\n<decimalExponent> ::= "e" <signedNumber> | "E" <signedNumber> ```\n\nNo matter which of the three exponent forms is used, no quantity may represent a number greater than 2^63-1 in magnitude, nor may it have more than 3 decimal places. Numbers larger or more precise will be capped or rounded up. (E.g.: 0.1m will rounded up to 1m.) This may be extended in the future if we require larger or smaller quantities.\n\nWhen a Quantity is parsed from a string, it will remember the type of suffix it had, and will use the same type again when it is serialized.';

/** Named schemas for apimachinery types the models flatten to string, Date or any. */
export const NAMED_SCHEMAS: Record<string, JsonObject> = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { description: QUANTITY_DESCRIPTION, oneOf: [{ type: 'string' }, { type: 'number' }] },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': {
    description: 'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
    format: 'int-or-string',
    oneOf: [{ type: 'integer' }, { type: 'string' }],
  },
  [`${META}.Time`]: {
    description: 'Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.  Wrappers are provided for many of the factory methods that the time package offers.',
    format: 'date-time',
    type: 'string',
  },
  [`${META}.MicroTime`]: { description: 'MicroTime is version of Time with microsecond level precision.', format: 'date-time', type: 'string' },
  [`${META}.FieldsV1`]: {
    description: "FieldsV1 stores a set of fields in a data structure like a Trie, in JSON format.\n\nEach key is either a '.' representing the field itself, and will always map to an empty set, or a string representing a sub-field or item. The string will follow one of these four formats: 'f:<name>', where <name> is the name of a field in a struct, or key in a map 'v:<value>', where <value> is the exact json formatted value of a list item 'i:<index>', where <index> is position of a item in a list 'k:<keys>', where <keys> is a map of  a list item's key fields to their unique values If a key maps to an empty Fields value, the field that key represents is part of the set.\n\nThe exact format is defined in sigs.k8s.io/structured-merge-diff",
    type: 'object',
  },
  [`${META}.Patch`]: { description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.', type: 'object' },
  'io.k8s.apimachinery.pkg.runtime.RawExtension': {
    description: 'RawExtension is used to hold extensions in external versions.\n\nTo use this, make a field which has RawExtension as its type in your external/versioned struct, and Object in your internal struct. You also need to register your various plugin types.',
    type: 'object',
  },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON': {
    description: 'JSON represents any valid JSON value. These types are supported: bool, int64, float64, string, []interface{}, map[string]interface{} and nil.',
  },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray': {
    description: 'JSONSchemaPropsOrArray represents a value that can either be a JSONSchemaProps or an array of JSONSchemaProps. Mainly here for serialization purposes.',
  },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool': {
    description: 'JSONSchemaPropsOrBool represents JSONSchemaProps or a boolean value. Defaults to true for the boolean property.',
  },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray': {
    description: 'JSONSchemaPropsOrStringArray represents a JSONSchemaProps or a string array.',
  },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceSubresourceStatus': {
    description: 'CustomResourceSubresourceStatus defines how to serve the status subresource for CustomResources. Status is represented by the `.status` JSON path inside of a CustomResource. When set, * exposes a /status subresource for the custom resource * PUT requests to the /status subresource take a custom resource object, and ignore changes to anything except the status stanza * PATCH requests to the custom resource ignore changes to the status stanza',
    type: 'object',
  },
};

const APIEXT = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1';

/** Fields typed `any` by the models, and the named schema each one is (`[]` = a map of it). */
export const UNTYPED_FIELDS: Record<string, string> = {
  'V1ControllerRevision.data': 'io.k8s.apimachinery.pkg.runtime.RawExtension',
  'V1WatchEvent.object': 'io.k8s.apimachinery.pkg.runtime.RawExtension',
  'V1ManagedFieldsEntry.fieldsV1': `${META}.FieldsV1`,
  'V1CustomResourceSubresources.status': `${APIEXT}.CustomResourceSubresourceStatus`,
  'V1JSONSchemaProps.additionalItems': `${APIEXT}.JSONSchemaPropsOrBool`,
  'V1JSONSchemaProps.additionalProperties': `${APIEXT}.JSONSchemaPropsOrBool`,
  'V1JSONSchemaProps.default': `${APIEXT}.JSON`,
  'V1JSONSchemaProps.dependencies': `${APIEXT}.JSONSchemaPropsOrStringArray`,
  'V1JSONSchemaProps.enum': `${APIEXT}.JSON`,
  'V1JSONSchemaProps.example': `${APIEXT}.JSON`,
  'V1JSONSchemaProps.items': `${APIEXT}.JSONSchemaPropsOrArray`,
};

/** Fields the models type as string (or map of string) that are resource.Quantity. */
export const QUANTITY_FIELDS = [
  'V1ResourceRequirements.limits', 'V1ResourceRequirements.requests', 'V1VolumeResourceRequirements.limits',
  'V1VolumeResourceRequirements.requests', 'V1EmptyDirVolumeSource.sizeLimit', 'V1PersistentVolumeSpec.capacity',
  'V1PersistentVolumeClaimStatus.capacity', 'V1PersistentVolumeClaimStatus.allocatedResources', 'V1NodeStatus.capacity',
  'V1NodeStatus.allocatable', 'V1ResourceQuotaSpec.hard', 'V1ResourceQuotaStatus.hard', 'V1ResourceQuotaStatus.used',
  'V1LimitRangeItem.max', 'V1LimitRangeItem.min', 'V1LimitRangeItem.default', 'V1LimitRangeItem.defaultRequest',
  'V1LimitRangeItem.maxLimitRequestRatio', 'V1PodSpec.overhead', 'V1ContainerStatus.allocatedResources',
  'V1ResourceFieldSelector.divisor', 'V1Overhead.podFixed', 'V1CSIStorageCapacity.capacity', 'V1CSIStorageCapacity.maximumVolumeSize',
  'V2MetricTarget.averageValue', 'V2MetricTarget.value', 'V2MetricValueStatus.averageValue', 'V2MetricValueStatus.value',
];

const mergeMap = (key: string, ...keys: string[]): JsonObject => ({
  'x-kubernetes-list-map-keys': [key, ...keys],
  'x-kubernetes-list-type': 'map',
  'x-kubernetes-patch-merge-key': key,
  'x-kubernetes-patch-strategy': 'merge',
});
const retainMap = (key: string): JsonObject => ({ ...mergeMap(key), 'x-kubernetes-patch-strategy': 'merge,retainKeys' });
const mergeAtomic = (key: string): JsonObject => ({ 'x-kubernetes-list-type': 'atomic', 'x-kubernetes-patch-merge-key': key, 'x-kubernetes-patch-strategy': 'merge' });
const mergeSet: JsonObject = { 'x-kubernetes-list-type': 'set', 'x-kubernetes-patch-strategy': 'merge' };
const listMap = (...keys: string[]): JsonObject => ({ 'x-kubernetes-list-map-keys': keys, 'x-kubernetes-list-type': 'map' });
const conditions = { conditions: mergeMap('type') };

const containerLists = {
  env: mergeMap('name'),
  ports: mergeMap('containerPort', 'protocol'),
  volumeDevices: mergeMap('devicePath'),
  volumeMounts: mergeMap('mountPath'),
};

/**
 * Extensions per schema and field (patch strategy, list and map type). Arrays not listed here are
 * `x-kubernetes-list-type: atomic`, as Kubernetes marks them.
 */
export const FIELD_EXTENSIONS: Record<string, Record<string, JsonObject>> = {
  // List-map key fields with a default: server-side apply keys items by the defaulted value.
  'io.k8s.api.core.v1.ContainerPort': { protocol: { default: 'TCP' } },
  'io.k8s.api.core.v1.ServicePort': { protocol: { default: 'TCP' } },
  'io.k8s.api.core.v1.PodSpec': {
    containers: mergeMap('name'),
    ephemeralContainers: mergeMap('name'),
    hostAliases: mergeMap('ip'),
    imagePullSecrets: mergeMap('name'),
    initContainers: mergeMap('name'),
    resourceClaims: retainMap('name'),
    schedulingGates: mergeMap('name'),
    topologySpreadConstraints: mergeMap('topologyKey', 'whenUnsatisfiable'),
    volumes: retainMap('name'),
  },
  'io.k8s.api.core.v1.Container': containerLists,
  'io.k8s.api.core.v1.EphemeralContainer': containerLists,
  'io.k8s.api.core.v1.PodStatus': {
    ...conditions,
    hostIPs: mergeMap('ip'),
    podIPs: mergeMap('ip'),
    resourceClaimStatuses: retainMap('name'),
  },
  'io.k8s.api.core.v1.NodeStatus': { ...conditions, addresses: mergeMap('type') },
  'io.k8s.api.core.v1.NodeSpec': { podCIDRs: mergeSet },
  'io.k8s.api.core.v1.ServiceSpec': { ports: mergeMap('port', 'protocol') },
  'io.k8s.api.core.v1.ServiceStatus': conditions,
  'io.k8s.api.core.v1.ServiceAccount': { secrets: mergeMap('name') },
  'io.k8s.api.core.v1.PersistentVolumeClaimStatus': conditions,
  'io.k8s.api.core.v1.NamespaceStatus': conditions,
  'io.k8s.api.core.v1.ReplicationControllerStatus': conditions,
  'io.k8s.api.core.v1.ComponentStatus': conditions,
  [`${META}.ObjectMeta`]: { finalizers: mergeSet, ownerReferences: mergeMap('uid') },
  'io.k8s.api.apps.v1.DeploymentStatus': conditions,
  'io.k8s.api.apps.v1.ReplicaSetStatus': conditions,
  'io.k8s.api.apps.v1.StatefulSetStatus': conditions,
  'io.k8s.api.apps.v1.DaemonSetStatus': conditions,
  'io.k8s.api.batch.v1.JobStatus': { conditions: mergeAtomic('type') },
  'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus': conditions,
  'io.k8s.api.policy.v1.PodDisruptionBudgetStatus': conditions,
  'io.k8s.api.certificates.v1.CertificateSigningRequestStatus': { conditions: listMap('type') },
  'io.k8s.api.flowcontrol.v1.FlowSchemaStatus': { conditions: listMap('type') },
  'io.k8s.api.flowcontrol.v1.PriorityLevelConfigurationStatus': { conditions: listMap('type') },
  'io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicyStatus': { conditions: listMap('type') },
  'io.k8s.api.admissionregistration.v1.ValidatingAdmissionPolicySpec': {
    matchConditions: mergeMap('name'),
    variables: listMap('name'),
  },
  'io.k8s.api.admissionregistration.v1.MutatingWebhookConfiguration': { webhooks: mergeMap('name') },
  'io.k8s.api.admissionregistration.v1.ValidatingWebhookConfiguration': { webhooks: mergeMap('name') },
  'io.k8s.api.admissionregistration.v1.MutatingWebhook': { matchConditions: mergeMap('name') },
  'io.k8s.api.admissionregistration.v1.ValidatingWebhook': { matchConditions: mergeMap('name') },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionStatus': { conditions: listMap('type') },
  'io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceStatus': { conditions: mergeMap('type') },
  'io.k8s.api.storage.v1.CSINodeSpec': { drivers: mergeMap('name') },
  'io.k8s.api.core.v1.ResourceRequirements': { claims: listMap('name') },
  'io.k8s.api.core.v1.ResourceStatus': { resources: listMap('resourceID') },
};

/** Structs Kubernetes marks `+structType=atomic`: replaced whole by merges and apply. */
export const ATOMIC_STRUCTS = [
  `${META}.LabelSelector`,
  'io.k8s.api.core.v1.ConfigMapKeySelector', 'io.k8s.api.core.v1.LocalObjectReference', 'io.k8s.api.core.v1.NodeSelector',
  'io.k8s.api.core.v1.NodeSelectorTerm', 'io.k8s.api.core.v1.ObjectFieldSelector', 'io.k8s.api.core.v1.ObjectReference',
  'io.k8s.api.core.v1.ResourceFieldSelector', 'io.k8s.api.core.v1.ScopeSelector', 'io.k8s.api.core.v1.SecretKeySelector',
  'io.k8s.api.core.v1.SecretReference', 'io.k8s.api.core.v1.TopologySelectorTerm', 'io.k8s.api.core.v1.TypedLocalObjectReference',
];

const protocols = ['SCTP', 'TCP', 'UDP'];
const taintEffects = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'];
const updateStrategies = ['OnDelete', 'RollingUpdate'];

/** Enumerated string fields: schema → field → allowed values (v1.32). */
export const ENUMS: Record<string, Record<string, string[]>> = {
  'io.k8s.api.core.v1.Container': { imagePullPolicy: ['Always', 'IfNotPresent', 'Never'], terminationMessagePolicy: ['FallbackToLogsOnError', 'File'] },
  'io.k8s.api.core.v1.EphemeralContainer': { imagePullPolicy: ['Always', 'IfNotPresent', 'Never'], terminationMessagePolicy: ['FallbackToLogsOnError', 'File'] },
  'io.k8s.api.core.v1.PodSpec': {
    dnsPolicy: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
    preemptionPolicy: ['Never', 'PreemptLowerPriority'],
    restartPolicy: ['Always', 'Never', 'OnFailure'],
  },
  'io.k8s.api.core.v1.PodStatus': { phase: ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'], qosClass: ['BestEffort', 'Burstable', 'Guaranteed'] },
  'io.k8s.api.core.v1.ContainerPort': { protocol: protocols },
  'io.k8s.api.core.v1.ServicePort': { protocol: protocols },
  'io.k8s.api.core.v1.EndpointPort': { protocol: protocols },
  'io.k8s.api.core.v1.ServiceSpec': {
    externalTrafficPolicy: ['Cluster', 'Local'],
    internalTrafficPolicy: ['Cluster', 'Local'],
    ipFamilyPolicy: ['PreferDualStack', 'RequireDualStack', 'SingleStack'],
    sessionAffinity: ['ClientIP', 'None'],
    type: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
  },
  'io.k8s.api.core.v1.Toleration': { effect: taintEffects, operator: ['Equal', 'Exists'] },
  'io.k8s.api.core.v1.Taint': { effect: taintEffects },
  'io.k8s.api.core.v1.NodeSelectorRequirement': { operator: ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'] },
  'io.k8s.api.core.v1.NamespaceStatus': { phase: ['Active', 'Terminating'] },
  'io.k8s.api.core.v1.PersistentVolumeSpec': { persistentVolumeReclaimPolicy: ['Delete', 'Recycle', 'Retain'] },
  'io.k8s.api.core.v1.PersistentVolumeStatus': { phase: ['Available', 'Bound', 'Failed', 'Pending', 'Released'] },
  'io.k8s.api.core.v1.PersistentVolumeClaimStatus': { phase: ['Bound', 'Lost', 'Pending'] },
  'io.k8s.api.core.v1.HTTPGetAction': { scheme: ['HTTP', 'HTTPS'] },
  'io.k8s.api.core.v1.SeccompProfile': { type: ['Localhost', 'RuntimeDefault', 'Unconfined'] },
  'io.k8s.api.apps.v1.DeploymentStrategy': { type: ['Recreate', 'RollingUpdate'] },
  'io.k8s.api.apps.v1.StatefulSetSpec': { podManagementPolicy: ['OrderedReady', 'Parallel'] },
  'io.k8s.api.apps.v1.StatefulSetUpdateStrategy': { type: updateStrategies },
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy': { type: updateStrategies },
  'io.k8s.api.batch.v1.JobSpec': { completionMode: ['Indexed', 'NonIndexed'] },
  'io.k8s.api.batch.v1.CronJobSpec': { concurrencyPolicy: ['Allow', 'Forbid', 'Replace'] },
};
