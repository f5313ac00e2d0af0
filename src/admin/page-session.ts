import type { Request, RequestHandler, Response } from 'express';
import type { AdminContext } from './context.js';
import { readCookie, serializeCookie, SESSION_COOKIE } from './cookies.js';
import { messagePage } from './pages/message.js';
import { seeOther, sendPage } from './page-response.js';
import type { Session } from './sessions.js';

/** The signed-in session of a request that passed `requireSession`. */
export function sessionOf(res: Response): Session {
  return res.locals['session'] as Session;
}

/** Where the sign-in page may send someone back to: the admin page or the previewer. */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string') return '/admin';
  const ok = /^\/(?:admin|preview)(?:[/?][\x21-\x7e]*)?$/.test(value) && !value.includes('\\');
  return ok && !value.startsWith('//') ? value : '/admin';
}

/** No session: to the sign-in page, which sends the browser back here afterwards. */
export function requireSession(context: AdminContext): RequestHandler {
  return function signedIn(req, res, next) {
    const session = context.sessions.find(readCookie(req, SESSION_COOKIE));
    if (session !== undefined) {
      res.locals['session'] = session;
      return next();
    }
    const back = req.method === 'GET' ? safeNext(req.originalUrl) : '/admin';
    seeOther(res, `/admin/login?next=${encodeURIComponent(back)}`);
  };
}

/**
 * A form posted from another site, as the browser itself says (`Sec-Fetch-Site`,
 * which no page can set). Older browsers send nothing, and the CSRF token decides.
 */
export function postedCrossSite(req: Request): boolean {
  return req.get('sec-fetch-site') === 'cross-site';
}

/**
 * Every POST of a signed-in page carries the session's CSRF token in `_csrf`.
 * SameSite=Strict already keeps the cookie off cross-site requests; this also
 * covers browsers and same-site hosts that SameSite does not, and a POST the
 * browser says came from another site is refused whatever it carries.
 */
export function requireCsrf(context: AdminContext): RequestHandler {
  return function csrfChecked(req, res, next) {
    const session = sessionOf(res);
    const presented: unknown = (req.body as Record<string, unknown> | undefined)?.['_csrf'];
    if (!postedCrossSite(req) && context.sessions.checkCsrf(session, presented)) return next();
    context.logger.warn(
      { source: req.ip, path: req.path },
      'admin form without a valid CSRF token',
    );
    sendPage(
      res,
      403,
      messagePage({
        title: 'Form refused',
        message:
          'This form did not come from this admin page (or it is too old). ' +
          'Go back, reload the page and try again.',
        csrf: session.csrf,
        demo: context.demo,
      }),
    );
  };
}

export function sessionCookie(req: Request, id: string, maxAgeSeconds: number): string {
  return serializeCookie(SESSION_COOKIE, id, { path: '/', maxAgeSeconds, secure: req.secure });
}
