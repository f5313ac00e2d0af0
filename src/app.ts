import express, { type Express } from 'express';
import type { Config } from './config.js';
import type { EmClient } from './em/index.js';
import type { Logger } from './logger.js';
import { phoneFallback, phoneRoutes } from './routes/phone.js';
import { phoneGuards } from './routes/phone-guards.js';

export interface AppParts {
  readonly config: Pick<Config, 'demo' | 'logoutConfirm' | 'publicUrl' | 'phone'>;
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
  app.set('trust proxy', config.phone.trustProxy);

  app.get('/healthz', function healthz(_req, res) {
    res.status(200).json({ status: 'ok' });
  });
  const viewOptions = { demo: config.demo, publicUrl: config.publicUrl };
  const guards = phoneGuards({ ...viewOptions, settings: config.phone, logger });
  if (guards.length > 0) app.use('/logout', guards);
  app.use(phoneRoutes({ ...viewOptions, em, logger, logoutConfirm: config.logoutConfirm }));

  const fallback = phoneFallback({ ...viewOptions, logger });
  app.use(fallback.notFound);
  app.use(fallback.error);
  return app;
}
