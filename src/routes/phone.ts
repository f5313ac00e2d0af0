import { Router, type Request, type Response } from 'express';
import type { EmClient } from '../em/index.js';
import type { Logger } from '../logger.js';
import { readPhoneContext, type PhoneContext } from '../phone/index.js';
import {
  badDeviceScreen,
  catalogFor,
  logoutOutcomeScreen,
  lookupOutcomeScreen,
  noticeScreen,
  type ViewContext,
} from '../../views/index.js';
import { baseUrlOf } from './base-url.js';
import { sendScreen } from './send-screen.js';

export interface PhoneRoutesOptions {
  readonly em: EmClient;
  readonly logger: Logger;
  readonly demo: boolean;
  readonly logoutConfirm: boolean;
  readonly publicUrl: URL | undefined;
}

export const PHONE_PATHS = { start: '/logout', confirmed: '/logout/confirm' } as const;

/**
 * The IP phone service. `GET /logout?device=#DEVICENAME#` is what CUCM provisions;
 * its soft key leads to `GET /logout/confirm`, which performs the logout.
 * Each handler reads the phone, asks the EM client, and hands the outcome to a view.
 */
export function phoneRoutes(options: PhoneRoutesOptions): Router {
  const router = Router();
  const { em, logger } = options;

  router.head([PHONE_PATHS.start, PHONE_PATHS.confirmed], function headPhoneScreen(req, res) {
    // HEAD must not log anybody out: answer the headers a screen would carry.
    const phone = readPhoneContext({ query: req.query, headers: req.headers });
    res
      .status(200)
      .set({
        'Content-Type': `text/xml; charset=${phone.charset}`,
        'Cache-Control': 'no-cache, no-store',
      })
      .end();
  });

  router.get(PHONE_PATHS.start, async function startLogout(req, res) {
    const { phone, view, device } = prepare(req);
    if (device === undefined) return sendBadDevice(res, phone, view);

    if (!options.logoutConfirm) return logoutNow(res, phone, view, device);
    const outcome = await em.deviceUser(device);
    logger.info(
      {
        device,
        outcome: outcome.ok ? outcome.device.state : 'failed',
        failure: outcome.ok ? undefined : outcome.failure,
        node: outcome.node,
        durationMs: outcome.durationMs,
      },
      'device user looked up',
    );
    sendScreen(res, lookupOutcomeScreen(view, device, outcome), phone);
  });

  router.get(PHONE_PATHS.confirmed, async function confirmLogout(req, res) {
    const { phone, view, device } = prepare(req);
    if (device === undefined) return sendBadDevice(res, phone, view);
    await logoutNow(res, phone, view, device);
  });

  async function logoutNow(res: Response, phone: PhoneContext, view: ViewContext, device: string) {
    const outcome = await em.logout(device);
    logger.info(
      {
        device,
        outcome: outcome.ok ? (outcome.repeated ? 'repeated' : 'logged-out') : 'failed',
        failure: outcome.ok ? undefined : outcome.failure,
        node: outcome.node,
        attempts: outcome.attempts,
        durationMs: outcome.durationMs,
      },
      'logout',
    );
    sendScreen(res, logoutOutcomeScreen(view, device, outcome), phone);
  }

  function prepare(req: Request) {
    const phone = readPhoneContext({ query: req.query, headers: req.headers });
    const base = baseUrlOf(req, options.publicUrl);
    const view: ViewContext = {
      strings: catalogFor(phone.language),
      demo: options.demo,
      links: {
        confirm: (device) => `${base}${PHONE_PATHS.start}?device=${encodeURIComponent(device)}`,
        logout: (device) => `${base}${PHONE_PATHS.confirmed}?device=${encodeURIComponent(device)}`,
      },
    };
    return { phone, view, device: phone.device.ok ? phone.device.name : undefined };
  }

  function sendBadDevice(res: Response, phone: PhoneContext, view: ViewContext) {
    if (phone.device.ok) return;
    logger.warn({ problem: phone.device.problem }, 'phone request without a usable device name');
    sendScreen(res, badDeviceScreen(view, phone.device), phone);
  }

  return router;
}

/** Screens for what no route answers, and for our own faults: still HTTP 200 and XML. */
export function phoneFallback(options: Pick<PhoneRoutesOptions, 'demo' | 'logger'>) {
  const viewFor = (phone: PhoneContext): ViewContext => ({
    strings: catalogFor(phone.language),
    demo: options.demo,
    links: { confirm: () => '', logout: () => '' },
  });
  return {
    notFound: function phoneNotFound(req: Request, res: Response) {
      const phone = readPhoneContext({ query: req.query, headers: req.headers });
      sendScreen(res, noticeScreen(viewFor(phone), 'notFound'), phone);
    },
    error: function phoneError(
      err: unknown,
      req: Request,
      res: Response,
      _next: (err?: unknown) => void,
    ) {
      options.logger.error({ err }, 'request failed inside the service');
      if (res.headersSent) return;
      const phone = readPhoneContext({ query: req.query, headers: req.headers });
      sendScreen(res, noticeScreen(viewFor(phone), 'internal'), phone);
    },
  };
}
