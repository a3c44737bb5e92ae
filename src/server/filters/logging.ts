// withLogging: one line per request at debug level (off by default): method, URL, status, time.
import type { Filter } from './types.js';

export function withLogging(enabled: boolean): Filter {
  if (!enabled) return (next) => next;
  return (next) => (req, res) => {
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      process.stderr.write(`kubefake: ${req.method} ${req.url} ${res.statusCode} ${ms.toFixed(1)}ms\n`);
    });
    return next(req, res);
  };
}
