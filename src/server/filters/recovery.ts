// withRecovery: whatever a handler throws, sync or async, becomes a Status response and never
// takes the process down (the apiserver's panic recovery).
import { writeError } from '../respond.js';
import type { Filter } from './types.js';

export const withRecovery: Filter = (next) => async (req, res) => {
  try {
    await next(req, res);
  } catch (err) {
    writeError(req, res, err);
  }
};
