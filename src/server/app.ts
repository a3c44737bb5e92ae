// The express application: one catch-all into the handler chain, so express's share of each
// request stays small (no router, no etag, no x-powered-by).
import express from 'express';
import type { Handler } from './filters/types.js';

export function createApp(chain: Handler): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', false);
  app.use((req, res) => {
    void chain(req, res);
  });
  return app;
}
