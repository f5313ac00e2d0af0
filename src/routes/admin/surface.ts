import { Router } from 'express';
import type { RequestListener } from 'node:http';
import { ATTEMPT_DEFAULTS } from '../../admin/attempts.js';
import { TokenCheck } from '../../admin/auth.js';
import type { AdminContext, AdminEm, AttemptLimit } from '../../admin/context.js';
import { JobStore, type JobStoreOptions } from '../../admin/jobs.js';
import { pageHeaders } from '../../admin/page-response.js';
import { RecentActions } from '../../admin/recent.js';
import { SessionStore, type SessionOptions } from '../../admin/sessions.js';
import type { Logger } from '../../logger.js';
import { apiRoutes } from '../api/index.js';
import { previewRoutes } from '../preview/index.js';
import { loginRoutes } from './login.js';
import { adminPageRoutes } from './pages.js';

export interface AdminSurfaceOptions {
  /** ADMIN_TOKEN; the caller mounts the surface only when it is set. */
  readonly token: string;
  readonly em: AdminEm;
  readonly logger: Logger;
  /** The whole app, for the previewer to fetch its own phone screens from. */
  readonly app: RequestListener;
  readonly publicUrl: URL | undefined;
  readonly demo: boolean;
  readonly attempts?: AttemptLimit;
  readonly sessions?: SessionOptions;
  readonly jobs?: Omit<JobStoreOptions, 'client' | 'logger'>;
  readonly previewTimeoutMs?: number;
  /** Given what must be waited for when the service stops: the bulk jobs' drain. */
  readonly onShutdown?: (drain: () => Promise<void>) => void;
}

/**
 * /admin, /api and /preview, sharing one set of sessions, bulk jobs and recent
 * actions. Phone routes are untouched: nothing here runs for other paths.
 */
export function adminSurface(options: AdminSurfaceOptions): Router {
  const context: AdminContext = {
    em: options.em,
    logger: options.logger,
    tokens: new TokenCheck(options.token),
    sessions: new SessionStore(options.sessions),
    jobs: new JobStore({ client: options.em, logger: options.logger, ...options.jobs }),
    recent: new RecentActions(),
    attempts: options.attempts ?? ATTEMPT_DEFAULTS,
    demo: options.demo,
  };
  options.onShutdown?.(() => context.jobs.stop());
  const router = Router();
  router.use('/api', apiRoutes(context));
  router.use('/admin', pageHeaders(), loginRoutes(context), adminPageRoutes(context));
  router.use(
    '/preview',
    pageHeaders(),
    previewRoutes(context, {
      app: options.app,
      publicUrl: options.publicUrl,
      ...(options.previewTimeoutMs === undefined ? {} : { timeoutMs: options.previewTimeoutMs }),
    }),
  );
  return router;
}
