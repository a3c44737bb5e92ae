// networking.k8s.io/v1 Ingress. Generation follows spec; status starts as `{loadBalancer: {}}`.
import type { KubeObject } from '../../api/types.js';
import { statusSubresource } from '../apps/subresources.js';
import { specChanged } from '../compare.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, nameColumn } from '../printing.js';
import { defineResource, type ResourceDefinition, type TablePrinter } from '../resource.js';
import { validateIngress, validateIngressUpdate } from '../../validation/kinds/ingress.js';

interface Ingress extends KubeObject {
  spec?: { ingressClassName?: string; rules?: { host?: string }[]; tls?: unknown[] };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

const MAX_HOSTS = 3;

/**
 * printers.go formatHosts: the first three non-empty hosts; once three are taken, any further
 * rule adds ` + N more...`, N counting every rule past the third, hostless ones included.
 */
function hosts(rules: readonly { host?: string }[]): string {
  const shown: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (shown.length === MAX_HOSTS) more = true;
    if (!more && rule.host) shown.push(rule.host);
  }
  if (shown.length === 0) return '*';
  return more ? `${shown.join(',')} + ${rules.length - MAX_HOSTS} more...` : shown.join(',');
}

/** Load-balancer IPs (hostname when no IP), sorted and deduplicated; the server never cuts it. */
function address(ingress: Ingress): string {
  const values = new Set<string>();
  for (const i of ingress.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) values.add(i.ip);
    else if (i.hostname) values.add(i.hostname);
  }
  return [...values].sort().join(',');
}

const table: TablePrinter = {
  columns: [
    nameColumn(),
    column('Class', 'string', { description: 'The name of the IngressClass resource that should be used for additional configuration' }),
    column('Hosts', 'string', { description: 'Hosts that incoming requests are matched against before the ingress rule' }),
    column('Address', 'string', { description: 'Address is a list containing ingress points for the load-balancer' }),
    column('Ports', 'string', { description: 'Ports of TLS configurations that open' }),
    ageColumn(),
  ],
  row(obj, now) {
    const ingress = obj as Ingress;
    return [
      obj.metadata.name ?? '',
      ingress.spec?.ingressClassName ?? '<none>',
      hosts(ingress.spec?.rules ?? []),
      address(ingress),
      ingress.spec?.tls?.length ? '80, 443' : '80',
      age(obj, now),
    ];
  },
};

export const ingresses: ResourceDefinition = defineResource({
  group: 'networking.k8s.io',
  version: 'v1',
  kind: 'Ingress',
  plural: 'ingresses',
  singular: 'ingress',
  namespaced: true,
  shortNames: ['ing'],
  subresources: [statusSubresource],
  storageVersionHash: '39NQlfNR+bo=',
  strategy: {
    prepareForCreate(obj) {
      obj.status = { loadBalancer: {} };
    },
    generationChanged: specChanged,
    validate: validateIngress,
    validateUpdate: validateIngressUpdate,
  },
  fieldSelection: defaultFieldSelection(true),
  table,
});
