import assert from 'node:assert/strict';
import request from 'supertest';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server.js';
import { assertPage, textById, visibleText } from '../support/admin-http.js';
import {
  startAdminService,
  type AdminService,
  type AdminServiceOptions,
} from '../support/admin-service.js';
import { signIn, type SignedIn } from '../support/admin-session.js';

/** The soft key row, as a person reads it: "1: Log out 2: empty …". */
function softKeyText(html: string): string {
  const match = /<ol class="softkeys[^"]*"[^>]*>([\s\S]*?)<\/ol>/.exec(html);
  assert.ok(match, 'no soft key row');
  return visibleText(match[1] ?? '');
}

function links(html: string): string[] {
  return [...html.matchAll(/<a\s+class="key"\s+href="([^"]*)"/g)].map((match) =>
    (match[1] ?? '').replaceAll('&amp;', '&'),
  );
}

describe('phone screen previewer', function () {
  let simulator: RunningSimulator;
  let service: AdminService;
  let session: SignedIn;

  async function start(options: Partial<AdminServiceOptions> = {}) {
    simulator = await startSimulator();
    service = await startAdminService({ hostPort: simulator.hostPort, ...options });
    session = await signIn(service.url);
  }

  afterEach(async function () {
    await service.close();
    await simulator.close();
  });

  const preview = (query: string) =>
    request(service.url).get(`/preview?${query}`).set('Cookie', session.cookie);
  const path = (value: string) => `path=${encodeURIComponent(value)}`;

  it('sends a visitor without a session to the sign-in page', async function () {
    await start();
    const res = await request(service.url).get(
      `/preview?${path('/logout?device=SEP001122334455')}`,
    );

    assert.equal(res.status, 303);
    assert.equal(
      res.headers['location'],
      `/admin/login?next=${encodeURIComponent('/preview?path=%2Flogout%3Fdevice%3DSEP001122334455')}`,
    );
  });

  it('offers the six models with the example path before anything is fetched', async function () {
    await start();
    const res = await preview('');

    assertPage(res, 200);
    const models = [...res.text.matchAll(/<option value="([^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(models, ['CP-7942G', 'CP-7965G', 'CP-7921G', 'CP-8845', 'CP-8865', 'CP-9861']);
    assert.match(res.text, /id="path"\s+name="path"\s+value="\/logout\?device=SEP001122334455"/);
  });

  it('draws the confirm screen as a 7942G shows it: greyscale 298×144, Log out at 1 and Exit at 3', async function () {
    await start();
    const res = await preview(`model=CP-7942G&${path('/logout?device=SEP001122334455')}`);

    assertPage(res, 200);
    assert.match(res.text, /class="display display-cp-7942g grey"/);
    assert.equal(
      textById(res.text, 'screen-heading'),
      'CP-7942G: GET /logout?device=SEP001122334455',
    );
    assert.match(
      visibleText(res.text),
      /Extension Mobility Log out jdoe from this phone\? The phone restarts after the logout\. Phone: SEP001122334455 Log out\? 1: Log out/,
    );
    assert.equal(softKeyText(res.text), '1: Log out 2: empty 3: Exit 4: empty');
    assert.deepEqual(links(res.text), [
      '/preview?model=CP-7942G&path=%2Flogout%2Fconfirm%3Fdevice%3DSEP001122334455',
      '/preview?model=CP-7942G&uri=SoftKey%3AExit',
    ]);
    assert.match(
      res.text,
      /data-effect="The phone leaves this screen and goes back to the Services list\."/,
    );
  });

  it('sends each model its own headers: German on the 8845 with Exit at 1, ISO-8859-1 to the 7921G', async function () {
    await start();
    const de = await preview(`model=CP-8845&${path('/logout?device=SEP001122334455')}`);
    assert.match(de.text, /class="display display-cp-8845 color"/);
    assert.equal(softKeyText(de.text), '1: Beenden 2: Abmelden 3: empty 4: empty');

    const latin1 = await preview(`model=CP-7921G&${path('/logout?device=SEPAABBCCDDEEFF')}`);
    assert.match(visibleText(latin1.text), /Content-Type: text\/xml; charset=iso-8859-1/);
    assert.match(visibleText(latin1.text), /renée\.müller@example\.com/);
  });

  it('follows the Log out soft key: the device is logged out and the next screen drawn', async function () {
    await start();
    const first = await preview(`model=CP-8865&${path('/logout?device=SEP001122334455')}`);
    const next = links(first.text).find((href) => href.includes('confirm'));
    assert.ok(next);

    const res = await request(service.url).get(next).set('Cookie', session.cookie);
    assertPage(res, 200);
    assert.match(visibleText(res.text), /Logged out/);
    assert.equal(simulator.state.loggedInUser('SEP001122334455'), undefined);
  });

  it('says what a phone URI soft key does, without fetching anything', async function () {
    await start();
    const before = simulator.stats.requests;
    const res = await preview('model=CP-8865&uri=SoftKey%3AExit');

    assertPage(res, 200);
    assert.match(
      visibleText(res.text),
      /CP-8865: SoftKey:Exit The phone leaves this screen and goes back to the Services list\./,
    );
    assert.equal(simulator.stats.requests, before);
  });

  it('decodes XML once and escapes for HTML once', async function () {
    await start();
    const res = await preview(`${path('/logout?device=SEP112233445566')}`);

    assert.match(res.text, /<div class="text">Log out o&#39;brien&amp;co from this phone\?/);
  });

  it('draws the screens of soft keys that point at PUBLIC_URL as this service', async function () {
    await start({ publicUrl: 'http://phones.example:3000' });
    const res = await preview(`model=CP-8865&${path('/logout?device=SEP001122334455')}`);

    assert.match(
      res.text,
      /http:\/\/phones\.example:3000\/logout\/confirm\?device=SEP001122334455/,
    );
    assert.ok(
      links(res.text).includes(
        '/preview?model=CP-8865&path=%2Flogout%2Fconfirm%3Fdevice%3DSEP001122334455',
      ),
    );
  });

  it("shows the service's own not-found screen for a path it does not serve", async function () {
    await start();
    const res = await preview(`${path('/nothing')}`);

    assertPage(res, 200);
    assert.match(visibleText(res.text), /HTTP 200, Content-Type: text\/xml; charset=utf-8/);
    assert.equal(softKeyText(res.text), '1: Exit 2: empty 3: empty 4: empty');
  });

  for (const [given, problem] of [
    [
      'http://169.254.169.254/latest/meta-data/',
      'Only a path of this service, starting with one /, can be previewed.',
    ],
    [
      '//evil.example/logout',
      'Only a path of this service, starting with one /, can be previewed.',
    ],
    [
      '/\\evil.example/logout',
      'Only a path of this service, starting with one /, can be previewed.',
    ],
    ['/api/devices/SEP001122334455', 'Paths under /api are not phone screens.'],
    ['/ADMIN/bulk', 'Paths under /admin are not phone screens.'],
    ['/logout/../preview?path=/x', 'Paths under /preview are not phone screens.'],
    [' ', 'Enter a path of this service, such as /logout?device=SEP…'],
  ] as const) {
    it(`refuses to fetch ${JSON.stringify(given)}`, async function () {
      await start();
      const before = simulator.stats.requests;
      const res = await preview(path(given));

      assertPage(res, 400);
      assert.equal(textById(res.text, 'screen-heading'), 'Not shown');
      assert.match(
        visibleText(res.text),
        new RegExp(problem.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')),
      );
      assert.equal(simulator.stats.requests, before);
    });
  }

  it('refuses a phone URI it does not know', async function () {
    await start();
    const res = await preview('uri=javascript%3Aalert(1)');

    assertPage(res, 400);
    assert.match(visibleText(res.text), /That is not a phone URI the previewer knows\./);
  });
});
