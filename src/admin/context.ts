import type { EmClient } from '../em/index.js';
import type { Logger } from '../logger.js';
import type { TokenCheck } from './auth.js';
import type { JobStore } from './jobs.js';
import type { RecentActions } from './recent.js';
import type { SessionStore } from './sessions.js';

/** What the admin page, API and previewer need of the EM client. */
export type AdminEm = Pick<EmClient, 'deviceUser' | 'userDevices' | 'logout'>;

/** Failed sign-ins (or API requests with a wrong token) allowed per source and window. */
export interface AttemptLimit {
  readonly windowMs: number;
  readonly limit: number;
}

/** State shared by the admin page, the API and the previewer: one per app. */
export interface AdminContext {
  readonly em: AdminEm;
  readonly logger: Logger;
  readonly tokens: TokenCheck;
  readonly sessions: SessionStore;
  readonly jobs: JobStore;
  readonly recent: RecentActions;
  readonly attempts: AttemptLimit;
  readonly demo: boolean;
}
