/** The site's one HTTP server: it tries each route in order and answers 404 when none takes the request. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { BodyTooLargeError, MalformedJsonError } from './body';
import { sendJson } from './respond';
import type { RouteHandler } from './route-handler';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(options: {
  host: string;
  port: number;
  routes: () => readonly RouteHandler[];
  log: (line: string) => void;
}): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? `${options.host}`}`);
    void dispatch(options.routes(), req, res, url).catch((error: unknown) => {
      const status = error instanceof BodyTooLargeError ? 413 : error instanceof MalformedJsonError ? 400 : 500;
      if (status === 500) options.log(`Unhandled error on ${req.method ?? 'GET'} ${url.pathname}: ${describe(error)}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(res, status, { errorMessages: [status === 500 ? 'Internal error in the local site' : describe(error)], errors: {} });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive browser connections would otherwise hold the close open.
        server.closeIdleConnections();
        for (const socket of sockets) if (!socket.destroyed && socket.writableLength === 0) socket.end();
      }),
  };
}

async function dispatch(routes: readonly RouteHandler[], req: Parameters<RouteHandler>[0], res: Parameters<RouteHandler>[1], url: URL): Promise<void> {
  for (const route of routes) {
    if (await route(req, res, url)) return;
  }
  sendJson(res, 404, { errorMessages: [`Nothing is served at ${url.pathname}`], errors: {} });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
