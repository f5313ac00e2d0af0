import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { PhoneGuardSettings } from '../config.js';
import type { Logger } from '../logger.js';
import { requestOf } from '../ops/index.js';
import { noticeScreen } from '../../views/index.js';
import { phoneViewOf, type PhoneViewOptions } from './phone-view.js';
import { sendScreen } from './send-screen.js';

export interface PhoneGuardOptions extends PhoneViewOptions {
  readonly settings: PhoneGuardSettings;
  readonly logger: Logger;
}

/**
 * Who may use the phone routes, and how often. A refused phone still gets HTTP 200
 * and a screen that says why; nothing is sent to CUCM for it.
 */
export function phoneGuards(options: PhoneGuardOptions): RequestHandler[] {
  const guards: RequestHandler[] = [];
  const { trustedNetworks, rateLimitPerMinute } = options.settings;
  if (trustedNetworks !== undefined) {
    guards.push(function trustedSourcesOnly(req: Request, res: Response, next: NextFunction) {
      if (trustedNetworks.includes(req.ip)) return next();
      requestOf(res, options.logger).log.warn(
        { source: req.ip, path: req.path },
        'phone request from an untrusted source refused',
      );
      const { phone, view } = phoneViewOf(req, options);
      sendScreen(res, noticeScreen(view, 'refused'), phone);
    });
  }
  if (rateLimitPerMinute > 0) {
    guards.push(
      rateLimit({
        windowMs: 60_000,
        limit: rateLimitPerMinute,
        standardHeaders: false,
        legacyHeaders: false,
        handler: function phoneRateLimited(req: Request, res: Response) {
          requestOf(res, options.logger).log.warn(
            { source: req.ip, path: req.path },
            'phone request over the rate limit',
          );
          const { phone, view } = phoneViewOf(req, options);
          sendScreen(res, noticeScreen(view, 'tooMany'), phone);
        },
      }),
    );
  }
  return guards;
}
