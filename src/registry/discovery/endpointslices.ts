// discovery.k8s.io/v1 EndpointSlice. Generation moves when anything outside metadata changes, or
// the labels do; addressType is fixed at create.
import type { KubeObject } from '../../api/types.js';
import { immutableField } from '../apps/immutable.js';
import { deepEqual } from '../compare.js';
import { defaultFieldSelection } from '../field-labels.js';
import { age, ageColumn, column, nameColumn } from '../printing.js';
import { defineResource, type ResourceDefinition, type TablePrinter } from '../resource.js';

interface EndpointSlice extends KubeObject {
  addressType?: string;
  ports?: { name?: string; port?: number }[];
  endpoints?: { addresses?: string[] }[];
}

const MAX_SHOWN = 3;

/** listWithMoreString: at most three items, ` + N more...`, `<unset>` when there are none. */
function listWithMore(items: readonly string[]): string {
  if (items.length > MAX_SHOWN) return `${items.slice(0, MAX_SHOWN).join(',')} + ${items.length - MAX_SHOWN} more...`;
  return items.length ? items.join(',') : '<unset>';
}

function portLabel(port: { name?: string; port?: number }): string {
  if (port.port !== undefined && port.port !== null) return String(port.port);
  return port.name ?? '*';
}

/** Everything but metadata (and the type fields, which the internal object lacks). */
function body(obj: KubeObject): Record<string, unknown> {
  const { metadata: _metadata, apiVersion: _apiVersion, kind: _kind, ...rest } = obj;
  return rest;
}

const table: TablePrinter = {
  columns: [
    nameColumn(),
    column('AddressType', 'string', {
      description:
        'addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.',
    }),
    column('Ports', 'string', {
      description:
        'ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates "all ports". Each slice may include a maximum of 100 ports.',
    }),
    column('Endpoints', 'string', {
      description: 'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.',
    }),
    ageColumn(),
  ],
  row(obj, now) {
    const slice = obj as EndpointSlice;
    const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses ?? []);
    return [
      obj.metadata.name ?? '',
      slice.addressType ?? '',
      listWithMore((slice.ports ?? []).map(portLabel)),
      listWithMore(addresses),
      age(obj, now),
    ];
  },
};

export const endpointslices: ResourceDefinition = defineResource({
  group: 'discovery.k8s.io',
  version: 'v1',
  kind: 'EndpointSlice',
  plural: 'endpointslices',
  singular: 'endpointslice',
  namespaced: true,
  storageVersionHash: 'qgS0xkrxYAI=',
  strategy: {
    generationChanged: (obj, old) =>
      !deepEqual(body(obj), body(old)) || !deepEqual(obj.metadata.labels ?? {}, old.metadata.labels ?? {}),
    validateUpdate: (obj, old) =>
      immutableField('addressType', (obj as EndpointSlice).addressType, (old as EndpointSlice).addressType),
  },
  fieldSelection: defaultFieldSelection(true),
  table,
});
