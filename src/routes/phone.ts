import { Router, type Request, type Response } from 'express';
import type { EmClient } from '../em/index.js';
import type { Logger } from '../logger.js';
import { emCallOf, factsOf, requestOf, type ServiceMetrics } from '../ops/index.js';
import {
  badDeviceScreen,
  logoutOutcomeScreen,
  lookupOutcomeScreen,
  noticeScreen,
} from '../../views/index.js';
import { PHONE_PATHS, phoneViewOf, type PhoneView, type PhoneViewOptions } from './phone-view.js';
import { EXPIRES_IN_THE_PAST, sendScreen } from './send-screen.js';

export interface PhoneRoutesOptions extends PhoneViewOptions {
  readonly em: EmClient;
  readonly logger: Logger;
  readonly logoutConfirm: boolean;
  readonly metrics: ServiceMetrics;
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
        Expires: EXPIRES_IN_THE_PAST,
      })
      .end();
  });

  router.get(PHONE_PATHS.start, async function startLogout(req, res) {
    const screen = phoneViewOf(req, options);
    note(res, 'start', screen);
    const device = deviceOf(screen, res);
    if (device === undefined) return;
    if (!options.logoutConfirm) return logoutNow(res, screen, device);

    const outcome = await em.deviceUser(device, emCallOf(res));
    const facts = factsOf(res);
    facts.outcome = outcome.ok ? outcome.device.state : 'lookup-failed';
    if (outcome.ok && outcome.device.state === 'logged-in') facts.user = outcome.device.userId;
    if (!outcome.ok && outcome.failure.emCode !== undefined) facts.emCode = outcome.failure.emCode;
    if (!outcome.ok)
      requestOf(res, logger).log.warn({ device, failure: outcome.failure }, 'lookup failed');
    sendScreen(res, lookupOutcomeScreen(screen.view, device, outcome), screen.phone);
  });

  router.get(PHONE_PATHS.confirmed, async function confirmLogout(req, res) {
    const screen = phoneViewOf(req, options);
    note(res, 'confirm', screen);
    const device = deviceOf(screen, res);
    if (device !== undefined) await logoutNow(res, screen, device);
  });

  async function logoutNow(res: Response, screen: PhoneView, device: string) {
    const outcome = await em.logout(device, emCallOf(res));
    const facts = factsOf(res);
    facts.outcome = outcome.ok ? (outcome.repeated ? 'logged-out-again' : 'logged-out') : 'failed';
    if (!outcome.ok && outcome.failure.emCode !== undefined) facts.emCode = outcome.failure.emCode;
    const { log } = requestOf(res, logger);
    if (outcome.ok && outcome.repeated)
      log.info(
        { device, node: outcome.node },
        'logged out: CUCM answered 19 (nobody logged in) to a repeated logout',
      );
    else if (outcome.ok)
      log.info({ device, node: outcome.node, attempts: outcome.attempts }, 'logged out');
    else
      log.warn({ device, failure: outcome.failure, attempts: outcome.attempts }, 'logout failed');
    sendScreen(res, logoutOutcomeScreen(screen.view, device, outcome), screen.phone);
  }

  /** The device named by the request, or undefined after answering with what is wrong. */
  function deviceOf({ phone, view }: PhoneView, res: Response): string | undefined {
    if (phone.device.ok) return phone.device.name;
    requestOf(res, logger).log.warn(
      { problem: phone.device.problem },
      'phone request without a usable device name',
    );
    sendScreen(res, badDeviceScreen(view, phone.device), phone);
    return undefined;
  }

  /** What the request log line and the metrics should know of this phone request. */
  function note(res: Response, route: string, { phone }: PhoneView): void {
    const facts = factsOf(res);
    facts.family = phone.model.family;
    if (phone.model.name !== undefined) facts.model = phone.model.name;
    if (phone.device.ok) facts.device = phone.device.name;
    options.metrics.countPhoneRequest(route, phone.model.family);
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
      requestOf(res, options.logger).log.error({ err }, 'request failed inside the service');
      if (res.headersSent) return;
      const { phone, view } = phoneViewOf(req, options);
      sendScreen(res, noticeScreen(view, 'internal'), phone);
    },
  };
}
