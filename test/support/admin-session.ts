import assert from 'node:assert/strict';
import request from 'supertest';
import { cookiePair, fieldValue } from './admin-http.js';
import { ADMIN_TOKEN } from './admin-service.js';

export interface SignedIn {
  /** `em_admin=…`, to send as the Cookie header. */
  readonly cookie: string;
  /** The session's CSRF token, as the admin page's forms carry it. */
  readonly csrf: string;
}

/** Signs in through the login form as a browser would, and reads the CSRF token off /admin. */
export async function signIn(url: string, token = ADMIN_TOKEN): Promise<SignedIn> {
  const form = await request(url).get('/admin/login');
  const loginCookie = cookiePair(form, 'em_admin_login');
  const res = await request(url)
    .post('/admin/login')
    .set('Cookie', loginCookie)
    .type('form')
    .send({ _csrf: fieldValue(form.text, '_csrf'), next: '/admin', token });
  assert.equal(res.status, 303, 'sign-in refused');
  const cookie = cookiePair(res, 'em_admin');
  const page = await request(url).get('/admin').set('Cookie', cookie);
  return { cookie, csrf: fieldValue(page.text, '_csrf') };
}
