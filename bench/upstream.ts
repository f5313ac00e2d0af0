import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The EM service every measured route talks to: a bare node:http server with fixed
 * answers, so that what the bench measures is this service and not CUCM. It runs
 * in its own child process, on loopback, on a port the OS picks.
 */
export const LOGOUT_SUCCESS = '<?xml version="1.0"?>\n<response>\n<success/>\n</response>\n';

/** How many documents of each kind the fake received: the bench checks them against the load. */
export interface UpstreamCounts {
  readonly logouts: number;
  readonly queries: number;
  readonly others: number;
}

export interface FakeEm {
  readonly url: string;
  counts(): UpstreamCounts;
  close(): Promise<void>;
}

/** `<query>` and `<request>` as they arrive inside the form-encoded field `xml`. */
const QUERY_MARK = 'xml=%3Cquery%3E';
const LOGOUT_MARK = '%3Clogout%3E';

export async function startFakeEm(): Promise<FakeEm> {
  const counts = { logouts: 0, queries: 0, others: 0 };
  const server = createServer(function fakeEm(req, res) {
    // A client that gave up mid-request is no failure of the fake's.
    answer(req, res, counts).catch(() => res.destroy());
  });
  // Longer than any pause between rounds, so no measurement starts by reconnecting.
  server.keepAliveTimeout = 120_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts: () => ({ ...counts }),
    close: () => closeServer(server),
  };
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  counts: { logouts: number; queries: number; others: number },
): Promise<void> {
  const body = await readBody(req);
  if (body.startsWith(QUERY_MARK)) {
    counts.queries += 1;
    return send(res, deviceUserAnswer(queriedDevice(body)));
  }
  if (body.includes(LOGOUT_MARK)) {
    counts.logouts += 1;
    return send(res, LOGOUT_SUCCESS);
  }
  counts.others += 1;
  send(res, '<?xml version="1.0"?>\n<response>\n<failure/>\n</response>\n');
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  req.setEncoding('utf8');
  for await (const chunk of req) body += chunk as string;
  return body;
}

/** The client only accepts an answer that names the device it asked about. */
function queriedDevice(body: string): string {
  const xml = new URLSearchParams(body).get('xml') ?? '';
  return /<deviceName>([^<]*)<\/deviceName>/.exec(xml)?.[1] ?? '';
}

function deviceUserAnswer(device: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<response>\n<deviceUserResults>\n' +
    `<device name="${device}">\n<userID>bench.user</userID>\n<lastlogin>bench.user</lastlogin>\n` +
    '</device>\n</deviceUserResults>\n</response>\n'
  );
}

function send(res: ServerResponse, xml: string): void {
  res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
  res.end(xml);
}

/** Closes the listener and every kept-alive socket, so nothing holds the process open. */
export function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
  });
  server.closeAllConnections();
  return closed;
}
