// withRequestInfo: parses the URL once into RequestInfo for every later filter and handler.
import type { ServerResponse } from 'node:http';
import { parseRequestInfo, RequestInfoError } from '../request-info.js';
import { setRequestInfo } from '../context.js';
import type { Filter } from './types.js';

/** responsewriters.InternalError: plain text, '&', '<' and '>' escaped as HTML entities. */
function writeInternalError(res: ServerResponse, url: string, message: string): void {
  const text = `Internal Server Error: ${JSON.stringify(url)}: failed to create RequestInfo: ${message}, ${url}`;
  res.statusCode = 500;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(`${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}\n`);
}

export const withRequestInfo: Filter = (next) => (req, res) => {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
  try {
    setRequestInfo(req, parseRequestInfo(req.method ?? 'GET', path, query), query);
  } catch (err) {
    if (!(err instanceof RequestInfoError)) throw err;
    return writeInternalError(res, url, err.message);
  }
  return next(req, res);
};
