import assert from 'node:assert/strict';
import { Script } from 'node:vm';
import request from 'supertest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server.js';
import {
  assertPage,
  cookiePair,
  cookieShapes,
  eventually,
  fieldValue,
  textById,
  visibleText,
} from '../support/admin-http.js';
import {
  ADMIN_TOKEN,
  startAdminService,
  type AdminService,
  type AdminServiceOptions,
} from '../support/admin-service.js';
import { signIn, type SignedIn } from '../support/admin-session.js';

describe('admin page', function () {
  let simulator: RunningSimulator;
  let service: AdminService;

  async function start(options: Partial<AdminServiceOptions> = {}) {
    simulator = await startSimulator();
    service = await startAdminService({ hostPort: simulator.hostPort, ...options });
  }

  afterEach(async function () {
    await service.close();
    await simulator.close();
  });

  const get = (path: string, session?: SignedIn) => {
    const test = request(service.url).get(path);
    return session === undefined ? test : test.set('Cookie', session.cookie);
  };
  const postForm = (path: string, session: SignedIn, form: Record<string, string>) =>
    request(service.url).post(path).set('Cookie', session.cookie).type('form').send(form);

  describe('signing in', function () {
    it('sends a visitor without a session to the sign-in page, and back afterwards', async function () {
      await start();
      const res = await get('/admin?q=SEP001122334455');

      assert.equal(res.status, 303);
      assert.equal(res.headers['location'], '/admin/login?next=%2Fadmin%3Fq%3DSEP001122334455');
    });

    it('shows the sign-in form with its CSRF cookie: HttpOnly, SameSite=Strict, on the login path only', async function () {
      await start();
      const res = await get('/admin/login');

      assertPage(res, 200);
      assert.deepEqual(cookieShapes(res), [
        'em_admin_login=<value>; Path=/admin/login; Max-Age=3600; HttpOnly; SameSite=Strict',
      ]);
      assert.match(res.text, /<label for="token">Admin token<\/label>/);
      assert.match(res.text, /<input type="hidden" name="_csrf" value="[A-Za-z0-9_-]{43}" \/>/);
    });

    it('signs in with the token: a session cookie that is not the token, then the page it came from', async function () {
      await start();
      const form = await get('/admin/login?next=%2Fpreview');
      const res = await request(service.url)
        .post('/admin/login')
        .set('Cookie', cookiePair(form, 'em_admin_login'))
        .type('form')
        .send({ _csrf: fieldValue(form.text, '_csrf'), next: '/preview', token: ADMIN_TOKEN });

      assert.equal(res.status, 303);
      assert.equal(res.headers['location'], '/preview');
      assert.deepEqual(cookieShapes(res), [
        'em_admin=<value>; Path=/; Max-Age=28800; HttpOnly; SameSite=Strict',
        'em_admin_login=; Path=/admin/login; Max-Age=0; HttpOnly; SameSite=Strict',
      ]);
      const cookie = cookiePair(res, 'em_admin');
      assert.match(cookie, /^em_admin=[A-Za-z0-9_-]{43}$/);
      assert.ok(!cookie.includes(ADMIN_TOKEN));
      assertPage(await get('/admin').set('Cookie', cookie), 200);
    });

    it('marks the session cookie Secure when the request came over https', async function () {
      await start({ trustProxy: 'loopback' });
      const form = await get('/admin/login').set('X-Forwarded-Proto', 'https');
      const res = await request(service.url)
        .post('/admin/login')
        .set('X-Forwarded-Proto', 'https')
        .set('Cookie', cookiePair(form, 'em_admin_login'))
        .type('form')
        .send({ _csrf: fieldValue(form.text, '_csrf'), token: ADMIN_TOKEN });

      assert.deepEqual(cookieShapes(res), [
        'em_admin=<value>; Path=/; Max-Age=28800; HttpOnly; SameSite=Strict; Secure',
        'em_admin_login=; Path=/admin/login; Max-Age=0; HttpOnly; SameSite=Strict; Secure',
      ]);
    });

    it('shows the form again with an error for a wrong token, and no session', async function () {
      await start();
      const form = await get('/admin/login');
      const res = await request(service.url)
        .post('/admin/login')
        .set('Cookie', cookiePair(form, 'em_admin_login'))
        .type('form')
        .send({ _csrf: fieldValue(form.text, '_csrf'), token: 'not-the-admin-token' });

      assertPage(res, 401);
      assert.equal(textById(res.text, 'login-error'), 'That is not the admin token.');
      assert.deepEqual(cookieShapes(res), [
        'em_admin_login=<value>; Path=/admin/login; Max-Age=3600; HttpOnly; SameSite=Strict',
      ]);
    });

    it('refuses a sign-in that does not come from its form (login CSRF), even with the right token', async function () {
      await start();
      const form = await get('/admin/login');
      const other = await get('/admin/login');
      for (const [cookie, csrf] of [
        ['', fieldValue(form.text, '_csrf')],
        [cookiePair(other, 'em_admin_login'), fieldValue(form.text, '_csrf')],
        [cookiePair(form, 'em_admin_login'), ''],
      ] as const) {
        const res = await request(service.url)
          .post('/admin/login')
          .set('Cookie', cookie)
          .type('form')
          .send({ _csrf: csrf, token: ADMIN_TOKEN });
        assertPage(res, 403);
        assert.equal(
          textById(res.text, 'login-error'),
          'The sign-in form expired or did not come from this page. Try again.',
        );
        assert.equal(cookieShapes(res).filter((c) => c.startsWith('em_admin=')).length, 0);
      }
    });

    it('refuses a sign-in the browser says came from another site', async function () {
      await start();
      const form = await get('/admin/login');
      const res = await request(service.url)
        .post('/admin/login')
        .set('Cookie', cookiePair(form, 'em_admin_login'))
        .set('Sec-Fetch-Site', 'cross-site')
        .type('form')
        .send({ _csrf: fieldValue(form.text, '_csrf'), token: ADMIN_TOKEN });

      assertPage(res, 403);
      assert.equal(cookieShapes(res).filter((c) => c.startsWith('em_admin=')).length, 0);
    });

    it('stops a source after 10 wrong tokens, even with the right one next', async function () {
      await start();
      const form = await get('/admin/login');
      const send = (token: string) =>
        request(service.url)
          .post('/admin/login')
          .set('Cookie', cookiePair(form, 'em_admin_login'))
          .type('form')
          .send({ _csrf: fieldValue(form.text, '_csrf'), token });
      for (let attempt = 0; attempt < 10; attempt += 1) {
        assert.equal((await send(`guess-${attempt}`)).status, 401);
      }
      const res = await send(ADMIN_TOKEN);

      assertPage(res, 429);
      assert.equal(
        textById(res.text, 'login-error'),
        'Too many wrong tokens from your address. Try again in 15 minutes.',
      );
      assert.equal(res.headers['retry-after'], '900');
    });

    it('never sends anyone back to another site after signing in', async function () {
      await start();
      for (const next of [
        '//evil.example/admin',
        'https://evil.example/',
        '/logout?device=X',
        '/admin\\x',
      ]) {
        const form = await get(`/admin/login?next=${encodeURIComponent(next)}`);
        assert.equal(fieldValue(form.text, 'next'), '/admin', next);
      }
    });

    it('signs out: the session ends and its cookie is cleared', async function () {
      await start();
      const session = await signIn(service.url);
      const res = await postForm('/admin/signout', session, { _csrf: session.csrf });

      assert.equal(res.status, 303);
      assert.equal(res.headers['location'], '/admin/login');
      assert.deepEqual(cookieShapes(res), [
        'em_admin=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict',
      ]);
      assert.equal((await get('/admin', session)).status, 303);
    });
  });

  describe('look up and log out', function () {
    it('shows who is logged in on a device, with a link to the confirm step', async function () {
      await start();
      const session = await signIn(service.url);
      const res = await get('/admin?kind=device&q=sep001122334455', session);

      assertPage(res, 200);
      assert.equal(
        textById(res.text, 'result'),
        'jdoe is logged in on SEP001122334455 . Log jdoe out of SEP001122334455…',
      );
      assert.match(
        res.text,
        /<a class="button danger" href="\/admin\/confirm\?device=SEP001122334455">/,
      );
    });

    it('shows where a user is logged in', async function () {
      await start();
      const session = await signIn(service.url);
      const res = await get('/admin?kind=user&q=jdoe', session);

      assert.equal(
        textById(res.text, 'result'),
        'jdoe is logged in on: SEP001122334455 Log jdoe out of SEP001122334455…',
      );
    });

    it('says what is wrong with a name that is not a device name, and asks CUCM nothing', async function () {
      await start();
      const session = await signIn(service.url);
      const before = simulator.stats.requests;
      const res = await get('/admin?kind=device&q=SEP12', session);

      assertPage(res, 400);
      assert.equal(
        textById(res.text, 'result'),
        "'SEP12' is not a device name (SEP and 12 hex digits, or letters, digits, '.', '_', '-').",
      );
      assert.equal(simulator.stats.requests, before);
    });

    it('escapes a user id full of HTML in every place it appears', async function () {
      await start();
      const evil = `<img src=x onerror="alert('x')">&amp;`;
      simulator.state.addUser({ id: evil, profiles: ['evil-udp'] });
      simulator.state.setLoggedIn('SEP112233445566', evil);
      const session = await signIn(service.url);
      const res = await get('/admin?q=SEP112233445566', session);

      assert.ok(!res.text.includes('<img'));
      assert.ok(
        res.text.includes(
          '<strong>&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;amp;</strong> is logged in on',
        ),
      );
      const confirm = await get('/admin/confirm?device=SEP112233445566', session);
      assert.ok(!confirm.text.includes('<img'));
    });

    it('logs out after the confirm step, then shows the outcome and the recent action', async function () {
      await start();
      const session = await signIn(service.url);
      const confirm = await get('/admin/confirm?device=SEP001122334455', session);

      assertPage(confirm, 200);
      assert.match(visibleText(confirm.text), /Log jdoe out of SEP001122334455 \?/);
      assert.equal(simulator.state.loggedInUser('SEP001122334455'), 'jdoe');

      const res = await postForm('/admin/logout', session, {
        _csrf: fieldValue(confirm.text, '_csrf'),
        device: fieldValue(confirm.text, 'device'),
      });
      assert.equal(res.status, 303);
      assert.equal(res.headers['location'], '/admin?kind=device&q=SEP001122334455');
      assert.equal(simulator.state.loggedInUser('SEP001122334455'), undefined);

      const after = await get(res.headers['location'] as string, session);
      assert.equal(textById(after.text, 'result'), 'Nobody is logged in on SEP001122334455 .');
      assert.match(after.text, /<p class="flash" role="status">SEP001122334455: logged out.<\/p>/);
      assert.match(
        visibleText(after.text),
        /\d\d:\d\d:\d\d page logout SEP001122334455 logged-out logged out/,
      );
      const again = await get('/admin', session);
      assert.ok(!again.text.includes('class="flash"'), 'the flash shows once');
    });

    for (const [what, csrf] of [
      ['without a CSRF token', undefined],
      ['with a wrong CSRF token', 'x'.repeat(43)],
    ] as const) {
      it(`refuses a logout ${what} with 403, and logs nobody out`, async function () {
        await start();
        const session = await signIn(service.url);
        const form: Record<string, string> =
          csrf === undefined
            ? { device: 'SEP001122334455' }
            : { device: 'SEP001122334455', _csrf: csrf };
        const res = await postForm('/admin/logout', session, form);

        assertPage(res, 403);
        assert.match(visibleText(res.text), /This form did not come from this admin page/);
        assert.equal(simulator.state.loggedInUser('SEP001122334455'), 'jdoe');
      });
    }

    it('refuses a logout the browser says came from another site, even with the right token', async function () {
      await start();
      const session = await signIn(service.url);
      const res = await request(service.url)
        .post('/admin/logout')
        .set('Cookie', session.cookie)
        .set('Sec-Fetch-Site', 'cross-site')
        .type('form')
        .send({ device: 'SEP001122334455', _csrf: session.csrf });

      assertPage(res, 403);
      assert.match(visibleText(res.text), /This form did not come from this admin page/);
      assert.equal(simulator.state.loggedInUser('SEP001122334455'), 'jdoe');
    });

    it("refuses another session's CSRF token", async function () {
      await start();
      const mine = await signIn(service.url);
      const theirs = await signIn(service.url);
      const res = await postForm('/admin/logout', mine, {
        device: 'SEP001122334455',
        _csrf: theirs.csrf,
      });

      assert.equal(res.status, 403);
      assert.equal(simulator.state.loggedInUser('SEP001122334455'), 'jdoe');
    });

    it('sends a form without a session to the sign-in page and logs nobody out', async function () {
      await start();
      const res = await request(service.url)
        .post('/admin/logout')
        .type('form')
        .send({ device: 'SEP001122334455' });

      assert.equal(res.status, 303);
      assert.equal(res.headers['location'], '/admin/login?next=%2Fadmin');
      assert.equal(simulator.state.loggedInUser('SEP001122334455'), 'jdoe');
    });
  });

  describe('bulk logout', function () {
    it('starts a job from a CSV, shows its page, and the report follows through the API', async function () {
      await start();
      const session = await signIn(service.url);
      const csv = 'desk,device\n3.14,SEP001122334455\n3.15,SEP12\n3.16,sepaabbccddeeff\n';
      const res = await postForm('/admin/bulk', session, { _csrf: session.csrf, csv });

      assert.equal(res.status, 303);
      const location = res.headers['location'] as string;
      assert.match(location, /^\/admin\/bulk\/[0-9a-f-]{36}$/);
      const jobId = location.split('/').at(-1) as string;

      const page = await eventually(
        () => get(location, session),
        (answer) => answer.text.includes('Finished'),
      );
      assertPage(page, 200);
      assert.equal(
        textById(page.text, 'bulk-status'),
        'Finished: 3 of 3 done. 2 logged out, 0 nobody logged in, 0 failed, 1 skipped.',
      );
      assert.match(page.text, new RegExp(`href="/api/bulk/${jobId}/report.csv"\\s+download\\s*>`));

      const report = await get(`/api/bulk/${jobId}/report.csv`, session);
      assert.equal(report.status, 200);
      assert.equal(
        report.text.replace(/,\d+\n/g, ',<ms>\n'),
        [
          'desk,device,outcome,em_code,message,attempts,duration_ms',
          '3.14,SEP001122334455,logged-out,,logged out,1,<ms>',
          `3.15,SEP12,skipped,,"'SEP12' is not a valid device name (SEP and 12 hex digits, or letters, digits, '.', '_', '-')",,`,
          '3.16,SEPAABBCCDDEEFF,logged-out,,logged out,1,<ms>',
          '',
        ].join('\n'),
      );
      const home = await get('/admin', session);
      assert.match(
        visibleText(home.text),
        /page bulk [0-9a-f]{8} done 2 logged out, 0 nobody, 0 failed, 1 skipped/,
      );
    });

    it('says what is wrong with a CSV without a device column, keeping the text', async function () {
      await start();
      const session = await signIn(service.url);
      const csv = 'name;desk\nSEP001122334455;3.14\n';
      const res = await postForm('/admin/bulk', session, { _csrf: session.csrf, csv });

      assertPage(res, 400);
      assert.match(
        textById(res.text, 'bulk-error'),
        /^The CSV line 1: no device column in the header/,
      );
      assert.match(res.text, /<textarea[^>]*>name;desk\nSEP001122334455;3.14\n<\/textarea>/);
    });

    it('refuses a bulk form without the CSRF token', async function () {
      await start();
      const session = await signIn(service.url);
      const res = await postForm('/admin/bulk', session, { csv: 'device\nSEP001122334455\n' });

      assert.equal(res.status, 403);
      assert.equal(simulator.state.loggedInUser('SEP001122334455'), 'jdoe');
    });

    it('accepts the session cookie on API reads only: a POST with it is unauthorized', async function () {
      await start();
      const session = await signIn(service.url);

      assert.equal((await get('/api/devices/SEP001122334455', session)).status, 200);
      const res = await request(service.url)
        .post('/api/devices/SEP001122334455/logout')
        .set('Cookie', session.cookie);
      assert.equal(res.status, 401);
      assert.equal(simulator.state.loggedInUser('SEP001122334455'), 'jdoe');
    });
  });

  describe('assets and pages', function () {
    it('serves its stylesheet and script with exact types, and the script parses', async function () {
      await start();
      const css = await get('/admin/assets/admin.css');
      const js = await get('/admin/assets/admin.js');

      assert.equal(css.status, 200);
      assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
      assert.match(css.text, /\.display-cp-7942g \{ width: 298px; height: 144px; \}/);
      assert.equal(js.status, 200);
      assert.equal(js.headers['content-type'], 'text/javascript; charset=utf-8');
      assert.doesNotThrow(() => new Script(js.text));
    });

    it('puts no inline script or style in any page, so the CSP needs no exception', async function () {
      await start();
      const session = await signIn(service.url);
      for (const path of [
        '/admin/login',
        '/admin?q=SEP001122334455',
        '/preview?path=%2Flogout%3Fdevice%3DSEP001122334455',
      ]) {
        const res = await get(path, path === '/admin/login' ? undefined : session);
        assert.ok(!/<script(?![^>]*\bsrc=)/.test(res.text), path);
        assert.ok(!/\sstyle=|<style/.test(res.text), path);
        assert.ok(!/\son[a-z]+=/.test(res.text), path);
      }
    });

    it('answers an unknown admin page with 404', async function () {
      await start();
      const session = await signIn(service.url);
      const res = await get('/admin/nothing', session);

      assertPage(res, 404);
      assert.match(visibleText(res.text), /There is no such admin page\./);
    });
  });
});
