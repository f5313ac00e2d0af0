import { Router, type Request, type Response } from 'express';
import type { EmClient } from '../em/index.js';
import type { Logger } from '../logger.js';
import {
  badDeviceScreen,
  logoutOutcomeScreen,
  lookupOutcomeScreen,
  noticeScreen,
} from '../../views/index.js';
import { PHONE_PATHS, phoneViewOf, type PhoneView, type PhoneViewOptions } from './phone-view.js';
import { sendScreen } from './send-screen.js';

export interface PhoneRoutesOptions extends PhoneViewOptions {
  readonly em: EmClient;
  readonly logger: Logger;
  readonly logoutConfirm: boolean;
}

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
    const { phone } = phoneViewOf(req, options);
    res
      .status(200)
      .set({
        'Content-Type': `text/xml; charset=${phone.charset}`,
        'Cache-Control': 'no-cache, no-store',
      })
      .end();
  });

  router.get(PHONE_PATHS.start, async function startLogout(req, res) {
    const screen = phoneViewOf(req, options);
    const device = deviceOf(screen, res);
    if (device === undefined) return;
    if (!options.logoutConfirm) return logoutNow(res, screen, device);

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
    sendScreen(res, lookupOutcomeScreen(screen.view, device, outcome), screen.phone);
  });

  router.get(PHONE_PATHS.confirmed, async function confirmLogout(req, res) {
    const screen = phoneViewOf(req, options);
    const device = deviceOf(screen, res);
    if (device !== undefined) await logoutNow(res, screen, device);
  });

  async function logoutNow(res: Response, screen: PhoneView, device: string) {
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
    sendScreen(res, logoutOutcomeScreen(screen.view, device, outcome), screen.phone);
  }

  /** The device named by the request, or undefined after answering with what is wrong. */
  function deviceOf({ phone, view }: PhoneView, res: Response): string | undefined {
    if (phone.device.ok) return phone.device.name;
    logger.warn({ problem: phone.device.problem }, 'phone request without a usable device name');
    sendScreen(res, badDeviceScreen(view, phone.device), phone);
    return undefined;
  }

  return router;
}

/** Screens for what no route answers, and for our own faults: still HTTP 200 and XML. */
export function phoneFallback(options: PhoneViewOptions & { readonly logger: Logger }) {
  return {
    notFound: function phoneNotFound(req: Request, res: Response) {
      const { phone, view } = phoneViewOf(req, options);
      sendScreen(res, noticeScreen(view, 'notFound'), phone);
    },
    error: function phoneError(err: unknown, req: Request, res: Response, _next: unknown) {
      options.logger.error({ err }, 'request failed inside the service');
      if (res.headersSent) return;
      const { phone, view } = phoneViewOf(req, options);
      sendScreen(res, noticeScreen(view, 'internal'), phone);
    },
  };
}
