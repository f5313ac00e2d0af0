import { once } from 'node:events';
import { createServer, request, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FetchedScreen {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: Buffer;
  /** The body as text, in the charset its Content-Type names. */
  readonly text: string;
  /** Where the throwaway listener was: soft key URLs may name it when no Host was sent. */
  readonly origin: string;
}

export interface FetchOptions {
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

/**
 * GETs one path of this service's own app, in-process: the app is served by a
 * throwaway listener on 127.0.0.1, port 0, for this one request and closed at
 * once. The host is never taken from input; only `path` varies, and the caller
 * has checked that it is a path.
 */
export async function fetchOwnPath(
  app: RequestListener,
  path: string,
  options: FetchOptions,
): Promise<FetchedScreen> {
  const server = createServer(app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const fetched = await get(port, path, options);
    return { ...fetched, origin: `http://127.0.0.1:${port}` };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function get(
  port: number,
  path: string,
  options: FetchOptions,
): Promise<Omit<FetchedScreen, 'origin'>> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'GET',
        agent: false,
        headers: { ...options.headers, Connection: 'close' },
        timeout: options.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            req.destroy(new Error(`the answer is larger than ${options.maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const contentType = res.headers['content-type'];
          resolve({
            status: res.statusCode ?? 0,
            contentType,
            body,
            text: decode(body, contentType),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** Phones get UTF-8 or ISO-8859-1; anything unnamed is read as UTF-8. */
function decode(body: Buffer, contentType: string | undefined): string {
  const charset = /charset=([^;\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  return charset === 'iso-8859-1' || charset === 'latin1'
    ? body.toString('latin1')
    : body.toString('utf8');
}
