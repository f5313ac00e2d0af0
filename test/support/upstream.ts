import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the fake CUCM received it, with the `xml` form field decoded. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly contentType: string | undefined;
  readonly xml: string | undefined;
}

export type Reply =
  | {
      readonly status?: number;
      readonly body: string | Buffer;
      readonly contentType?: string;
      readonly delayMs?: number;
    }
  | { readonly hang: true }
  | { readonly reset: true };

export interface Upstream {
  readonly url: string;
  readonly hostPort: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A real local HTTP server that plays CUCM's EM service: it answers each request
 * with the next reply of a script (the last one repeats), or with a function of
 * the request. Port 0; every socket is destroyed on close.
 */
export async function startUpstream(
  script: Reply | readonly Reply[] | ((request: ReceivedRequest) => Reply),
  port = 0,
): Promise<Upstream> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const replies = Array.isArray(script) ? script : [script];
  const pick = (request: ReceivedRequest): Reply =>
    typeof script === 'function'
      ? script(request)
      : (replies[Math.min(requests.length - 1, replies.length - 1)] as Reply);

  const server = createServer(async (req, res) => {
    const received = await receive(req);
    requests.push(received);
    await answer(res, pick(received));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    hostPort: `127.0.0.1:${address.port}`,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function receive(req: IncomingMessage): Promise<ReceivedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const url = new URL(req.url ?? '/', 'http://upstream');
  const xml = new URLSearchParams(body).get('xml') ?? url.searchParams.get('xml') ?? undefined;
  return {
    method: req.method ?? '',
    path: url.pathname,
    contentType: req.headers['content-type'],
    xml,
  };
}

async function answer(res: ServerResponse, reply: Reply): Promise<void> {
  if ('hang' in reply) return;
  if ('reset' in reply) {
    res.socket?.destroy();
    return;
  }
  if (reply.delayMs !== undefined)
    await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
  res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'text/xml' });
  res.end(reply.body);
}

export const FIXTURES = new URL('../fixtures/', import.meta.url);

/** A body CUCM answered, from test/fixtures/em (copied from the shared fixtures). */
export function emFixture(name: string): string {
  return readFileSync(new URL(`em/${name}`, FIXTURES), 'utf8');
}
