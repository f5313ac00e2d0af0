import type { Request } from 'express';

export const SESSION_COOKIE = 'em_admin';
/** Holds the random half of the login form's CSRF pair; only sent to the login path. */
export const LOGIN_COOKIE = 'em_admin_login';
export const LOGIN_PATH = '/admin/login';

/** One cookie of the request, or undefined. Values are ours: base64url, never quoted. */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{1,128}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export interface CookieOptions {
  readonly path: string;
  /** 0 deletes the cookie. */
  readonly maxAgeSeconds: number;
  /** Secure when the request came over https, so that plain-http set-ups still work. */
  readonly secure: boolean;
}

/** Always HttpOnly and SameSite=Strict; written by hand so the header is exactly this. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [
    `${name}=${value}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
