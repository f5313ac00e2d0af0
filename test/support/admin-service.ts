import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.js';
import type { EmClient, EmClientOptions } from '../../src/em/index.js';
import { createOps } from '../../src/ops/index.js';
import { memoryLogger, testClient, type LogLine } from './service.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface AdminService {
  /** e.g. http://127.0.0.1:40123, for supertest and the browser. */
  readonly url: string;
  readonly app: ReturnType<typeof createApp>;
  readonly em: EmClient;
  readonly logs: LogLine[];
  /** What a shutdown of the service waits for: running bulk jobs stop and finish. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export interface AdminServiceOptions {
  readonly hostPort: string;
  readonly token?: string | undefined;
  readonly demo?: boolean;
  readonly publicUrl?: string;
  readonly client?: Partial<EmClientOptions>;
  /** Express's `trust proxy`, e.g. 'loopback' to let a test say it came over https. */
  readonly trustProxy?: string;
}

/**
 * The real app with ADMIN_TOKEN set, a real EM client aimed at a local simulator
 * or fake, logs kept in memory, listening on 127.0.0.1 port 0 (never on every
 * interface, as supertest would when handed the app itself).
 */
export async function startAdminService(options: AdminServiceOptions): Promise<AdminService> {
  const { logs, logger } = memoryLogger();
  const ops = createOps(logger);
  const em = testClient(options.hostPort, { onAttempt: ops.onAttempt, ...options.client });
  const drains: (() => Promise<void>)[] = [];
  const app = createApp({
    config: {
      demo: options.demo ?? false,
      logoutConfirm: true,
      publicUrl: options.publicUrl === undefined ? undefined : new URL(options.publicUrl),
      phone: {
        trustedNetworks: undefined,
        trustProxy: options.trustProxy ?? false,
        rateLimitPerMinute: 0,
      },
      adminToken: 'token' in options ? options.token : ADMIN_TOKEN,
    },
    em,
    logger,
    metrics: ops.metrics,
    onShutdown: (drain) => drains.push(drain),
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    em,
    logs,
    drain: async () => {
      await Promise.all(drains.map((drain) => drain()));
    },
    close: async () => {
      await closeServer(server);
      await em.close();
    },
  };
}

export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
