// The shape every filter and the final dispatcher share.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
export type Filter = (next: Handler) => Handler;
