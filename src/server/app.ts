// The request listener the HTTPS server calls: every request goes straight into the handler
// chain. No framework sits in between: the chain parses the URL and query itself and writes every
// response through respond.ts, so a router, prototype swaps and query parsing would only add
// per-request work.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handler } from './filters/types.js';

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export function createApp(chain: Handler): RequestListener {
  return (req, res) => {
    void chain(req, res);
  };
}
