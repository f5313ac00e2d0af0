import express, { type Express } from 'express';
import type { Config } from './config.js';
import type { EmClient } from './em/index.js';
import type { Logger } from './logger.js';
import { phoneFallback, phoneRoutes } from './routes/phone.js';

export interface AppParts {
  readonly config: Pick<Config, 'demo' | 'logoutConfirm' | 'publicUrl'>;
  readonly em: EmClient;
  readonly logger: Logger;
}

/** Builds the Express app from a configuration and its parts; it opens no socket. */
export function createApp(parts: AppParts): Express {
  const { config, em, logger } = parts;
  const app = express();
  app.disable('x-powered-by');
  // A phone that sends If-None-Match must never get an empty 304 instead of a screen.
  app.set('etag', false);
  app.set('query parser', 'simple');

  app.get('/healthz', function healthz(_req, res) {
    res.status(200).json({ status: 'ok' });
  });
  app.use(
    phoneRoutes({
      em,
      logger,
      demo: config.demo,
      logoutConfirm: config.logoutConfirm,
      publicUrl: config.publicUrl,
    }),
  );

  const fallback = phoneFallback({ demo: config.demo, logger });
  app.use(fallback.notFound);
  app.use(fallback.error);
  return app;
}
