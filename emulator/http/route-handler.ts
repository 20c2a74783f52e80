import type { IncomingMessage, ServerResponse } from 'node:http';

/** A route of the local site: answers and returns true, or returns false to let the next one try. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
