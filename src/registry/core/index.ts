// src/registry/core: the core/v1 kinds (group "", served at /api/v1), one declaration per file,
// with the strategy, printer and field selectors Kubernetes gives each kind. Helpers shared by
// several kinds sit beside them (types, cells, volumes, immutable-data, quantity).
import type { ResourceDefinition } from '../resource.js';
import { bindings } from './bindings.js';
import { configmaps } from './configmaps.js';
import { endpoints } from './endpoints.js';
import { events } from './events.js';
import { limitranges } from './limitranges.js';
import { namespaces } from './namespaces.js';
import { nodes } from './nodes.js';
import { persistentvolumeclaims } from './persistentvolumeclaims.js';
import { persistentvolumes } from './persistentvolumes.js';
import { pods } from './pods.js';
import { podtemplates } from './podtemplates.js';
import { replicationcontrollers } from './replicationcontrollers.js';
import { resourcequotas } from './resourcequotas.js';
import { secrets } from './secrets.js';
import { serviceaccounts } from './serviceaccounts.js';
import { services } from './services.js';

/** The core/v1 kinds in discovery order (alphabetical by plural). */
export const coreResources: ResourceDefinition[] = [
  bindings,
  configmaps,
  endpoints,
  events,
  limitranges,
  namespaces,
  nodes,
  persistentvolumeclaims,
  persistentvolumes,
  pods,
  podtemplates,
  replicationcontrollers,
  resourcequotas,
  secrets,
  serviceaccounts,
  services,
];
