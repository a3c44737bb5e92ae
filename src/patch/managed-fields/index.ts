// Field ownership: metadata.managedFields bookkeeping for every write (recordUpdate) and
// server-side apply (serverSideApply). field-set.ts is the fieldsV1 trie, compare.ts computes
// field sets from objects, merge.ts merges and prunes applied configurations, managed-fields.ts
// decodes, caps and encodes entries (created-fields.ts writes a create's fieldsV1 in one walk),
// last-applied.ts bridges client-side apply's annotation.
export { recordUpdate, decodeManagedFields, encodeManagedFields, type ManagedFieldsEntry, type WriteOp } from './managed-fields.js';
export { serverSideApply, type ApplyOp } from './apply.js';
export { FieldSet, pathString } from './field-set.js';
export { fieldSetOf, compare } from './compare.js';
