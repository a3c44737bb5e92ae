// withRequestInfo: parses the URL once into RequestInfo for every later filter and handler.
import { parseRequestInfo } from '../request-info.js';
import { setRequestInfo } from '../context.js';
import type { Filter } from './types.js';

export const withRequestInfo: Filter = (next) => (req, res) => {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
  setRequestInfo(req, parseRequestInfo(req.method ?? 'GET', path, query), query);
  return next(req, res);
};
