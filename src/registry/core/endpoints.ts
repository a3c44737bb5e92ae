// core/v1 Endpoints: the endpoints printer (`ip:port` pairs, at most three and a count of the rest).
import type { KubeObject } from '../../api/types.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, joinWithMore, nameColumn } from '../printing.js';
import { defineResource } from '../resource.js';

interface Endpoints extends KubeObject {
  subsets?: { addresses?: { ip?: string }[]; ports?: { port?: number }[] }[];
}

/** net.JoinHostPort: IPv6 addresses go in brackets. */
const hostPort = (ip: string, port: number): string => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

/** Every address with every port of its subset; an address alone when the subset has no ports. */
function formatEndpoints(ep: Endpoints): string {
  if (!ep.subsets?.length) return '<none>';
  const list: string[] = [];
  for (const subset of ep.subsets) {
    const ips = (subset.addresses ?? []).map((a) => a.ip ?? '');
    if (!subset.ports?.length) list.push(...ips);
    for (const port of subset.ports ?? []) list.push(...ips.map((ip) => hostPort(ip, port.port ?? 0)));
  }
  return joinWithMore(list);
}

export const endpoints = defineResource({
  group: '',
  version: 'v1',
  kind: 'Endpoints',
  plural: 'endpoints',
  singular: 'endpoints',
  namespaced: true,
  shortNames: ['ep'],
  storageVersionHash: 'fWeeMqaN/OA=',
  strategy: {},
  fieldSelection: defaultFieldSelection(true),
  table: {
    columns: [
      nameColumn(),
      column('Endpoints', 'string', {
        description:
          'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.',
      }),
      ageColumn(),
    ],
    row: (obj, now) => [obj.metadata.name ?? '', formatEndpoints(obj as Endpoints), age(obj, now)],
  },
  nameValidation: 'subdomain',
});
