import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Scripts and styles come only from our own files; no frames, no plugins, no
 * base tag, and forms may only post back to us.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

export const HTML = 'text/html; charset=utf-8';

export function pageHeaders(): RequestHandler {
  return function securityHeaders(_req: Request, res: Response, next: NextFunction) {
    res.set({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    });
    next();
  };
}

export function sendPage(res: Response, status: number, body: string): void {
  res.status(status).set('Content-Type', HTML).send(body);
}

/** After a POST: the browser GETs the next page, so a reload never repeats the action. */
export function seeOther(res: Response, location: string): void {
  res.status(303).set('Location', location).end();
}
