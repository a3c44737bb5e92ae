// Where a webhook is called (clientConfig). A `url` is called as it is. A `service` reference is
// resolved as kube-apiserver's endpoint resolver does (--enable-aggregator-routing): an
// ExternalName Service goes to its externalName; any other Service to the first address of its
// Endpoints, on the port that backs the Service port. TLS always verifies the name
// `<service>.<namespace>.svc`, so the webhook's certificate must carry that name, as on a real
// cluster. A test maps a Service to 127.0.0.1:port with a selector-less Service and an Endpoints
// object (or an ExternalName Service whose externalName is 127.0.0.1).
import type { KubeObject } from '../../api/types.js';
import type { ServiceReference, WebhookClientConfig } from '../../registry/admissionregistration/types.js';
import type { ObjectStorage } from '../../storage/interfaces.js';

export interface WebhookTarget {
  url: URL;
  /** The TLS server name to verify, when it is not the URL's host. */
  servername?: string;
}

interface ServicePort {
  name?: string;
  port?: number;
  targetPort?: number | string;
}

interface EndpointSubset {
  addresses?: { ip?: string }[];
  ports?: { name?: string; port?: number }[];
}

function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function endpointAddress(storage: ObjectStorage, ref: Required<Pick<ServiceReference, 'namespace' | 'name'>>, svcPort: ServicePort): string {
  const endpoints = storage.get(`/registry/services/endpoints/${ref.namespace}/${ref.name}`) as (KubeObject & { subsets?: EndpointSubset[] }) | undefined;
  for (const subset of endpoints?.subsets ?? []) {
    const port = (subset.ports ?? []).find((p) => (p.name ?? '') === (svcPort.name ?? ''));
    const ip = subset.addresses?.[0]?.ip;
    if (port?.port && ip) return hostPort(ip, port.port);
  }
  throw new Error(`no endpoints available for service "${ref.name}"`);
}

function resolveService(ref: ServiceReference, storage: ObjectStorage): WebhookTarget {
  const namespace = ref.namespace ?? '';
  const name = ref.name ?? '';
  const port = ref.port ?? 443;
  const service = storage.get(`/registry/services/specs/${namespace}/${name}`) as (KubeObject & { spec?: { type?: string; externalName?: string; ports?: ServicePort[] } }) | undefined;
  if (!service) throw new Error(`service "${name}" not found`);
  const servername = `${name}.${namespace}.svc`;
  let host: string;
  if (service.spec?.type === 'ExternalName') {
    host = hostPort(service.spec.externalName ?? '', port);
  } else {
    const svcPort = (service.spec?.ports ?? []).find((p) => p.port === port);
    if (!svcPort) throw new Error(`no service port ${port} found for service "${name}"`);
    host = endpointAddress(storage, { namespace, name }, svcPort);
  }
  return { url: new URL(`https://${host}${ref.path ?? ''}`), servername };
}

/** The URL to POST the review to; throws an Error worded as kube-apiserver's resolver. */
export function resolveTarget(config: WebhookClientConfig | undefined, storage: ObjectStorage): WebhookTarget {
  if (config?.url) return { url: new URL(config.url) };
  if (config?.service) return resolveService(config.service, storage);
  throw new Error('no URL or service in the client config');
}
