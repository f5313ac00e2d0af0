import assert from 'node:assert/strict';
import type { Response } from 'supertest';

export const JSON_UTF8 = 'application/json; charset=utf-8';
export const HTML_UTF8 = 'text/html; charset=utf-8';
export const CSP =
  "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

/** An API error: status, exact Content-Type, and the whole JSON body. */
export function assertApiError(res: Response, status: number, error: Record<string, unknown>) {
  assert.equal(res.status, status);
  assert.equal(res.headers['content-type'], JSON_UTF8);
  assert.deepEqual(res.body, { error });
}

/** An admin page: status, exact Content-Type and the security headers every page carries. */
export function assertPage(res: Response, status: number): void {
  assert.equal(res.status, status);
  assert.equal(res.headers['content-type'], HTML_UTF8);
  assert.equal(res.headers['content-security-policy'], CSP);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['x-frame-options'], 'DENY');
  assert.equal(res.headers['cache-control'], 'no-store');
}

/** What a person reads: tags removed, entities of ours decoded, whitespace collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The visible text of the element with this id (one without nested elements of its tag). */
export function textById(html: string, id: string): string {
  const match = new RegExp(`<(\\w+)[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  assert.ok(match, `no element with id ${id}`);
  return visibleText(match[2] ?? '');
}

/** The value of a hidden field, as the page wrote it. */
export function fieldValue(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  assert.ok(match, `no field ${name}`);
  return match[1] ?? '';
}

/** Set-Cookie headers with the random values replaced by <value>. */
export function cookieShapes(res: Response): string[] {
  const cookies = res.headers['set-cookie'] as unknown as string[] | undefined;
  return (cookies ?? []).map((cookie) => cookie.replace(/^([^=]+)=[A-Za-z0-9_-]+;/, '$1=<value>;'));
}

/** `name=value` of one Set-Cookie header, to send back. */
export function cookiePair(res: Response, name: string): string {
  const cookies = res.headers['set-cookie'] as unknown as string[] | undefined;
  const cookie = cookies?.find((candidate) => candidate.startsWith(`${name}=`));
  assert.ok(cookie, `no Set-Cookie for ${name}`);
  return cookie.split(';')[0] ?? '';
}

export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
