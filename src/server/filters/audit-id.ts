// withAuditId (WithAuditInit): every response carries an Audit-Id, the client's own if it sent
// one, set before anything else runs so that even a request that fails to parse has it.
import { randomUUID } from 'node:crypto';
import type { Filter } from './types.js';

export const withAuditId: Filter = (next) => (req, res) => {
  const given = req.headers['audit-id'];
  const id = typeof given === 'string' && given ? given : randomUUID();
  res.setHeader('Audit-Id', id);
  return next(req, res);
};
