import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { answerClientError } from './routes/client-error.js';
import type { Config, EmSettings } from './config.js';
import { EmClient, resolveEndpoint, type EmEndpoint } from './em/index.js';
import type { Logger } from './logger.js';
import { DEMO_APP_USER } from './simulator/seed.js';
import { startSimulator, type RunningSimulator } from './simulator/server.js';

export interface RunningService {
  readonly url: string;
  readonly server: Server;
  readonly em: EmClient;
  readonly simulator: RunningSimulator | undefined;
  close(): Promise<void>;
}

/**
 * Starts everything a configuration asks for: the embedded simulator in demo mode,
 * the EM client, and the HTTP server. Closing stops them in reverse order.
 */
export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  const simulator = config.demo ? await startSimulator({ host: '127.0.0.1', port: 0 }) : undefined;
  if (simulator !== undefined) {
    logger.warn(
      { simulator: simulator.url },
      'demo mode: no CUCM_HOST or EM_URL set, using the embedded CUCM simulator',
    );
  }
  if (config.em.tlsInsecure) {
    logger.warn('EM_TLS_INSECURE=true: the EM service certificate is NOT verified');
  }
  const em = new EmClient(clientOptions(config.em, simulator));
  const app = createApp({ config, em, logger });
  const server = app.listen(config.port, config.host);
  server.on('clientError', answerClientError);
  await once(server, 'listening');

  const url = serviceUrl(server);
  logger.info(
    { url, nodes: em.nodes, demo: config.demo, confirm: config.logoutConfirm },
    'em-logout listening',
  );
  return {
    url,
    server,
    em,
    simulator,
    close: async () => {
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await em.close();
      await simulator?.close();
    },
  };
}

function clientOptions(settings: EmSettings, simulator: RunningSimulator | undefined) {
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
  };
}

function serviceUrl(server: Server): string {
  const address = server.address() as AddressInfo;
  const host =
    address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
