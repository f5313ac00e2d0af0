import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { Config, EmSettings, OpsSettings } from './config.js';
import { EmClient, resolveEndpoint, type EmClientOptions, type EmEndpoint } from './em/index.js';
import type { Logger } from './logger.js';
import { createOps } from './ops/index.js';
import { answerClientError } from './routes/client-error.js';
import { DEMO_APP_USER } from './simulator/seed.js';
import { startSimulator, type RunningSimulator } from './simulator/server.js';

export interface RunningService {
  readonly url: string;
  readonly server: Server;
  readonly em: EmClient;
  readonly simulator: RunningSimulator | undefined;
  /** Stops accepting, lets requests in flight finish (up to SHUTDOWN_TIMEOUT_MS), then closes. */
  close(): Promise<void>;
}

/**
 * Starts everything a configuration asks for: the embedded simulator in demo mode,
 * the EM client, and the HTTP server. Closing stops them in reverse order.
 */
export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  const simulator = config.demo ? await startSimulator({ host: '127.0.0.1', port: 0 }) : undefined;
  const warnings = startupWarnings(config, simulator);
  for (const warning of warnings) logger.warn(warning);

  const ops = createOps(logger);
  const em = new EmClient({
    ...clientOptions(config.em, config.ops, simulator),
    onAttempt: ops.onAttempt,
  });
  const drains: (() => Promise<void>)[] = [];
  const app = createApp({
    config: { ...config, warnings },
    em,
    logger,
    metrics: ops.metrics,
    onShutdown: (drain) => drains.push(drain),
  });
  const server = app.listen(config.port, config.host);
  server.on('clientError', answerClientError);
  await once(server, 'listening');

  const url = serviceUrl(server);
  logger.info(
    {
      url,
      nodes: em.nodes,
      demo: config.demo,
      confirm: config.logoutConfirm,
      admin: config.adminToken !== undefined,
    },
    'em-logout listening',
  );
  let closing: Promise<void> | undefined;
  return {
    url,
    server,
    em,
    simulator,
    close: () => {
      const timeoutMs = config.ops.shutdownTimeoutMs;
      closing ??= Promise.all([
        stop(server, timeoutMs, logger),
        drain(drains, timeoutMs, logger),
      ]).then(async () => {
        await em.close();
        await simulator?.close();
      });
      return closing;
    },
  };
}

/**
 * Stops accepting connections, closes idle keep-alive ones at once, and gives
 * requests in flight until the deadline; a phone mid-press still gets its screen.
 */
async function stop(server: Server, timeoutMs: number, logger: Logger): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => {
    logger.warn(
      { timeoutMs },
      'shutdown deadline reached: closing connections with requests in flight',
    );
    server.closeAllConnections();
  }, timeoutMs);
  // Connections that finish a response while closing are idle again: close them too.
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  await closed;
  clearTimeout(timer);
  clearInterval(sweep);
}

/** Background work (bulk jobs) stops sending and finishes what is in flight, within the deadline. */
async function drain(
  drains: readonly (() => Promise<void>)[],
  timeoutMs: number,
  logger: Logger,
): Promise<void> {
  if (drains.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), timeoutMs);
  });
  const done = Promise.all(drains.map((run) => run())).then(() => 'done' as const);
  if ((await Promise.race([done, late])) === 'late') {
    logger.warn(
      { timeoutMs },
      'shutdown deadline reached: bulk jobs still have requests in flight',
    );
  }
  clearTimeout(timer);
}

function startupWarnings(config: Config, simulator: RunningSimulator | undefined): string[] {
  const warnings: string[] = [];
  if (simulator !== undefined) {
    warnings.push(
      `demo mode: no CUCM_HOST or EM_URL set, using the embedded CUCM simulator at ${simulator.url}`,
    );
  }
  if (config.em.tlsInsecure) {
    warnings.push('EM_TLS_INSECURE=true: the EM service certificate is NOT verified');
  }
  return warnings;
}

function clientOptions(
  settings: EmSettings,
  ops: OpsSettings,
  simulator: RunningSimulator | undefined,
): EmClientOptions {
  const endpoints: readonly EmEndpoint[] =
    simulator === undefined
      ? settings.endpoints
      : [resolveEndpoint({ callManagerHost: simulator.hostPort })];
  const useDemoUser = simulator !== undefined && settings.appId === '';
  return {
    endpoints,
    credentials: useDemoUser
      ? { appId: DEMO_APP_USER.id, appCertificate: DEMO_APP_USER.password }
      : { appId: settings.appId, appCertificate: settings.appCertificate },
    timeoutMs: settings.timeoutMs,
    maxConcurrency: settings.maxConcurrency,
    tls: {
      ...(settings.ca === undefined ? {} : { ca: settings.ca }),
      rejectUnauthorized: !settings.tlsInsecure,
    },
    breaker: { threshold: ops.breakerThreshold, cooldownMs: ops.breakerCooldownMs },
  };
}

function serviceUrl(server: Server): string {
  const address = server.address() as AddressInfo;
  const host =
    address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
