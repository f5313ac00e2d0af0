import express, { type Express } from 'express';
import type { Config } from './config.js';
import type { EmClient } from './em/index.js';
import type { Logger } from './logger.js';
import { ReadinessProbe, requestLog, ServiceMetrics } from './ops/index.js';
import { opsRoutes } from './routes/ops.js';
import { phoneFallback, phoneRoutes } from './routes/phone.js';
import { phoneGuards } from './routes/phone-guards.js';
import { adminSurface } from './routes/admin/surface.js';

export interface AppParts {
  readonly config: Pick<Config, 'demo' | 'logoutConfirm' | 'publicUrl' | 'phone'> & {
    readonly adminToken?: Config['adminToken'];
    readonly ops?: Pick<Config['ops'], 'readyCacheMs'>;
    readonly warnings?: readonly string[];
  };
  readonly em: EmClient;
  readonly logger: Logger;
  /** The metrics the EM client's observer feeds; a fresh set when not given. */
  readonly metrics?: ServiceMetrics;
  /** Given each piece of work a shutdown must wait for (running bulk jobs). */
  readonly onShutdown?: (drain: () => Promise<void>) => void;
}

/** Builds the Express app from a configuration and its parts; it opens no socket. */
export function createApp(parts: AppParts): Express {
  const { config, em, logger } = parts;
  const metrics = parts.metrics ?? new ServiceMetrics();
  metrics.watch(em);
  const readyCall = { context: { probe: 'readyz' } };
  const readiness = new ReadinessProbe((device) => em.deviceUser(device, readyCall), {
    cacheMs: config.ops?.readyCacheMs ?? 5000,
    warnings: config.warnings ?? [],
  });

  const app = express();
  app.disable('x-powered-by');
  // A phone that sends If-None-Match must never get an empty 304 instead of a screen.
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.set('trust proxy', config.phone.trustProxy);
  app.use(requestLog(logger));

  // Phone routes first: they are the hot path, and no other route shares their paths.
  const viewOptions = { demo: config.demo, publicUrl: config.publicUrl };
  const guards = phoneGuards({ ...viewOptions, settings: config.phone, logger });
  if (guards.length > 0) app.use('/logout', guards);
  app.use(
    phoneRoutes({ ...viewOptions, em, logger, metrics, logoutConfirm: config.logoutConfirm }),
  );
  app.use(opsRoutes({ metrics, readiness }));

  if (config.adminToken !== undefined) {
    app.use(
      adminSurface({
        ...viewOptions,
        token: config.adminToken,
        em,
        logger,
        app,
        ...(parts.onShutdown === undefined ? {} : { onShutdown: parts.onShutdown }),
      }),
    );
  }
  const fallback = phoneFallback({ ...viewOptions, logger });
  app.use(fallback.notFound);
  app.use(fallback.error);
  return app;
}
