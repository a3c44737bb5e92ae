// The express application: one catch-all into the handler chain, so express's share of each
// request stays small (no routes, no etag, no x-powered-by, no query parser: the chain parses the
// URL itself and writes every response through respond.ts).
import express from 'express';
import { IncomingMessage, ServerResponse } from 'node:http';
import type { Handler } from './filters/types.js';

export function createApp(): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', false);
  return app;
}

/** Sends every request into the chain; until this is called the app answers 404. */
export function serveThrough(app: express.Express, chain: Handler): void {
  app.use((req, res) => {
    void chain(req, res);
  });
}

export interface MessageClasses {
  IncomingMessage: typeof IncomingMessage;
  ServerResponse: typeof ServerResponse;
}

/**
 * Classes for the HTTPS server whose requests and responses are born with the prototypes express
 * gives them. Express sets each request's and response's prototype as it starts handling them
 * (Object.setPrototypeOf in app.handle); done to a live object, that change of shape slows every
 * later access to it, ~100 µs per request measured. With the app's prototypes replaced by these
 * classes' (which inherit everything express put in its own), the change is a no-op.
 */
export function expressMessageClasses(app: express.Express): MessageClasses {
  class Request extends IncomingMessage {}
  Object.setPrototypeOf(Request.prototype, app.request);
  app.request = Request.prototype as express.Request;
  class Response extends ServerResponse {}
  Object.setPrototypeOf(Response.prototype, app.response);
  app.response = Response.prototype as express.Response;
  return { IncomingMessage: Request, ServerResponse: Response as typeof ServerResponse };
}
