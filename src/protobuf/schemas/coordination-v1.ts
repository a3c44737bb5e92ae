// k8s.io/api/coordination/v1 (generated.proto field numbers, types.go json tags): Leases, which
// client-go's leader election writes as protobuf. Every LeaseSpec field is a Go pointer.
import type { SchemaTable } from '../schema-types.js';

export const COORDINATION_V1: SchemaTable = {
  'coordination.v1.Lease': {
    fields: {
      1: { name: 'metadata', type: 'message:meta.v1.ObjectMeta' },
      2: { name: 'spec', type: 'message:coordination.v1.LeaseSpec' },
    },
  },
  'coordination.v1.LeaseSpec': {
    fields: {
      1: { name: 'holderIdentity', type: 'string', pointer: true },
      2: { name: 'leaseDurationSeconds', type: 'int32', pointer: true },
      3: { name: 'acquireTime', type: 'microtime', pointer: true },
      4: { name: 'renewTime', type: 'microtime', pointer: true },
      5: { name: 'leaseTransitions', type: 'int32', pointer: true },
      6: { name: 'strategy', type: 'string', pointer: true },
      7: { name: 'preferredHolder', type: 'string', pointer: true },
    },
  },
};
