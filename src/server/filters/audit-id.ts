// withAuditId: every response carries an Audit-Id, the client's own if it sent one.
import { randomUUID } from 'node:crypto';
import { setAuditId } from '../context.js';
import type { Filter } from './types.js';

export const withAuditId: Filter = (next) => (req, res) => {
  const given = req.headers['audit-id'];
  setAuditId(req, typeof given === 'string' && given ? given : randomUUID());
  return next(req, res);
};
