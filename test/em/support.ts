import { EmClient, resolveEndpoint, type EmClientOptions } from '../../src/em/index.js';
import {
  startUpstream,
  type ReceivedRequest,
  type Reply,
  type Upstream,
} from '../support/upstream.js';

export const SERVLET = '/emservice/EMServiceServlet';
export const FORM_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';
export const RETRY = { baseMs: 5, capMs: 20 } as const;
export const CREDENTIALS = { appId: 'emproxy', appCertificate: 'secret' } as const;
export const APP_INFO =
  '<appInfo><appID>emproxy</appID><appCertificate>secret</appCertificate></appInfo>';

export function emFailureXml(code: number, text: string): string {
  return `<response><failure><error code="${code}">${text}</error></failure></response>`;
}

export function servletUrl(upstream: Upstream): string {
  return `${upstream.url}${SERVLET}`;
}

/**
 * Everything a test opens on the network (local upstreams, EM clients), closed
 * together in afterEach.
 */
export class Opened {
  readonly #upstreams: Upstream[] = [];
  readonly #clients: EmClient[] = [];

  async upstream(
    script: Reply | readonly Reply[] | ((request: ReceivedRequest) => Reply),
  ): Promise<Upstream> {
    const upstream = await startUpstream(script);
    this.#upstreams.push(upstream);
    return upstream;
  }

  /** An EM client on the given nodes (host:port each), with fast retries. */
  client(hostPorts: readonly string[], options: Partial<EmClientOptions> = {}): EmClient {
    const client = new EmClient({
      endpoints: hostPorts.map((hostPort) => resolveEndpoint({ callManagerHost: hostPort })),
      credentials: CREDENTIALS,
      timeoutMs: 1000,
      retry: RETRY,
      ...options,
    });
    this.#clients.push(client);
    return client;
  }

  async close(): Promise<void> {
    const clients = this.#clients.splice(0);
    const upstreams = this.#upstreams.splice(0);
    // Upstreams first: a client's close waits for requests still in flight.
    await Promise.all(upstreams.map((upstream) => upstream.close()));
    await Promise.all(clients.map((client) => client.close()));
  }
}

export { closedPort } from '../support/ports.js';

/** Drops the one value that changes between runs, so that an outcome compares exactly. */
export function withoutDuration(outcome: { readonly durationMs: number }): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...outcome };
  delete copy['durationMs'];
  return copy;
}
