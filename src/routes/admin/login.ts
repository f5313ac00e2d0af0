import express, { Router, type Request, type Response } from 'express';
import { attemptLimiter } from '../../admin/attempts.js';
import { randomId, sameSecret } from '../../admin/auth.js';
import type { AdminContext } from '../../admin/context.js';
import {
  LOGIN_COOKIE,
  LOGIN_PATH,
  readCookie,
  serializeCookie,
  SESSION_COOKIE,
} from '../../admin/cookies.js';
import { seeOther, sendPage } from '../../admin/page-response.js';
import {
  postedCrossSite,
  requireCsrf,
  requireSession,
  safeNext,
  sessionCookie,
  sessionOf,
} from '../../admin/page-session.js';
import { loginPage } from '../../admin/pages/login.js';

/** The login form's own CSRF pair lives an hour. */
const LOGIN_FORM_SECONDS = 3600;

/**
 * Signing in and out. The sign-in form is protected against CSRF before any
 * session exists: a random value goes into a cookie only the login path gets,
 * and its HMAC into the form; a POST must bring both.
 */
export function loginRoutes(context: AdminContext): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 10 });

  router.get('/login', function showLogin(req, res) {
    const signedIn = context.sessions.find(readCookie(req, SESSION_COOKIE));
    const next = safeNext(req.query['next']);
    if (signedIn !== undefined) return seeOther(res, next);
    renderLogin(req, res, 200, next, undefined);
  });

  router.post(
    '/login',
    attemptLimiter(context.attempts, function loginTooManyAttempts(req, res, seconds) {
      const minutes = Math.ceil(seconds / 60);
      const error = `Too many wrong tokens from your address. Try again in ${minutes} minutes.`;
      renderLogin(req, res, 429, '/admin', error);
    }),
    form,
    function signIn(req, res) {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const next = safeNext(body['next']);
      if (!loginFormValid(context, req, body['_csrf'])) {
        const error = 'The sign-in form expired or did not come from this page. Try again.';
        return renderLogin(req, res, 403, next, error);
      }
      if (!context.tokens.matches(body['token'])) {
        context.logger.warn({ source: req.ip }, 'admin sign-in with a wrong token');
        return renderLogin(req, res, 401, next, 'That is not the admin token.');
      }
      const session = context.sessions.create();
      context.logger.info({ source: req.ip }, 'admin signed in');
      res.append('Set-Cookie', sessionCookie(req, session.id, context.sessions.maxAgeSeconds));
      res.append('Set-Cookie', loginCookie(req, '', 0));
      seeOther(res, next);
    },
  );

  router.post(
    '/signout',
    requireSession(context),
    form,
    requireCsrf(context),
    function signOut(req, res) {
      context.sessions.delete(sessionOf(res).id);
      res.append('Set-Cookie', sessionCookie(req, '', 0));
      seeOther(res, LOGIN_PATH);
    },
  );

  function renderLogin(
    req: Request,
    res: Response,
    status: number,
    next: string,
    error: string | undefined,
  ): void {
    const seed = randomId();
    res.append('Set-Cookie', loginCookie(req, seed, LOGIN_FORM_SECONDS));
    const formToken = context.tokens.sign(seed);
    sendPage(res, status, loginPage({ formToken, next, error, demo: context.demo }));
  }

  return router;
}

function loginFormValid(context: AdminContext, req: Request, presented: unknown): boolean {
  if (postedCrossSite(req)) return false;
  const seed = readCookie(req, LOGIN_COOKIE);
  return seed !== undefined && sameSecret(presented, context.tokens.sign(seed));
}

function loginCookie(req: Request, value: string, maxAgeSeconds: number): string {
  return serializeCookie(LOGIN_COOKIE, value, {
    path: LOGIN_PATH,
    maxAgeSeconds,
    secure: req.secure,
  });
}
