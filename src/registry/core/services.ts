// core/v1 Service: status starts empty ({loadBalancer: {}}), the service printer (cluster and
// external IPs, ports) and the service field selectors (pkg/registry/core/service/strategy.go).
import type { KubeObject } from '../../api/types.js';
import { conversionFieldSelection, fieldPath } from '../field-labels.js';
import { age, ageColumn, column, formatLabels, nameColumn, wide } from '../printing.js';
import { defineResource, SUBRESOURCE_VERBS } from '../resource.js';
import { allocateServiceAddresses } from './service-allocation.js';
import { validateService, validateServiceUpdate } from '../../validation/kinds/service.js';

interface ServicePort {
  port?: number;
  nodePort?: number;
  protocol?: string;
}

interface Service extends KubeObject {
  spec?: {
    type?: string;
    clusterIP?: string;
    clusterIPs?: string[];
    externalIPs?: string[];
    externalName?: string;
    ports?: ServicePort[];
    selector?: Record<string, string>;
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

/** Load-balancer ingress points, IP before hostname, sorted and without duplicates. */
function loadBalancerAddresses(svc: Service): string[] {
  const found = new Set<string>();
  for (const ingress of svc.status?.loadBalancer?.ingress ?? []) {
    const point = ingress.ip || ingress.hostname;
    if (point) found.add(point);
  }
  return [...found].sort();
}

/** The External-IP cell. The server renders wide, so it is never shortened. */
function externalIP(svc: Service): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const all = [...loadBalancerAddresses(svc), ...externalIPs];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

function ports(svc: Service): string {
  // Defaulting gives every port a protocol; TCP is that default.
  const pieces = (svc.spec?.ports ?? []).map((p) => {
    const protocol = p.protocol ?? 'TCP';
    return p.nodePort ? `${p.port ?? 0}:${p.nodePort}/${protocol}` : `${p.port ?? 0}/${protocol}`;
  });
  return pieces.length ? pieces.join(',') : '<none>';
}

function clusterIP(svc: Service): string {
  // Defaulting copies clusterIP into clusterIPs; an object stored without it still prints its IP.
  return svc.spec?.clusterIPs?.[0] ?? (svc.spec?.clusterIP || '<none>');
}

export const services = defineResource({
  group: '',
  version: 'v1',
  kind: 'Service',
  plural: 'services',
  singular: 'service',
  namespaced: true,
  shortNames: ['svc'],
  categories: ['all'],
  storageVersionHash: '0/CO1lhkEBI=',
  returnsDeletedObject: true,
  subresources: [{ name: 'status', verbs: SUBRESOURCE_VERBS }],
  strategy: {
    // The strategy resets status on create; an empty ServiceStatus still carries loadBalancer.
    prepareForCreate: (obj) => {
      obj.status = { loadBalancer: {} };
    },
    validate: validateService,
    validateUpdate: validateServiceUpdate,
    allocate: allocateServiceAddresses,
  },
  fieldSelection: conversionFieldSelection({
    namespaced: true,
    fields: { 'spec.clusterIP': fieldPath('spec.clusterIP'), 'spec.type': fieldPath('spec.type') },
  }),
  table: {
    columns: [
      nameColumn(),
      column('Type', 'string', {
        description:
          'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is "None", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. "NodePort" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. "LoadBalancer" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. "ExternalName" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types',
      }),
      column('Cluster-IP', 'string', {
        description:
          'clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are "None", empty string (""), or a valid IP address. Setting this to "None" makes a "headless service" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies',
      }),
      column('External-IP', 'string', {
        description:
          'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.',
      }),
      column('Port(s)', 'string', {
        description: 'The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies',
      }),
      ageColumn(),
      wide(
        'Selector',
        'string',
        'Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/',
      ),
    ],
    row(obj, now) {
      const svc = obj as Service;
      return [svc.metadata.name ?? '', svc.spec?.type ?? '', clusterIP(svc), externalIP(svc), ports(svc), age(svc, now), formatLabels(svc.spec?.selector)];
    },
  },
  // Kubernetes checks service names as DNS-1035 labels: a letter first.
  nameValidation: 'dns1035-label',
});
