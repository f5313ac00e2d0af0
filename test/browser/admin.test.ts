import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startSimulator, type RunningSimulator } from '../../src/simulator/server.js';
import { ADMIN_TOKEN, startAdminService, type AdminService } from '../support/admin-service.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';

/**
 * Screenshots for the README are written to docs/ when UPDATE_SCREENSHOTS=1, and
 * to the temporary directory otherwise, so that a test run leaves the tree as it was.
 */
const SHOTS =
  process.env['UPDATE_SCREENSHOTS'] === '1'
    ? new URL('../../docs/', import.meta.url).pathname
    : tmpdir();

/**
 * What the browser offers that this project's types (no DOM library) do not know.
 * Code that runs in the page reaches it through `globalThis`, cast to this.
 */
interface BrowserGlobals {
  getComputedStyle(element: unknown): { outlineStyle: string };
}

describe('admin page and previewer in Chromium', function () {
  this.timeout(90_000);

  let browser: TestBrowser;
  let simulator: RunningSimulator;
  let service: AdminService;
  let page: Page;

  before(async function () {
    browser = await launchBrowser();
  });

  after(async function () {
    await browser?.close();
  });

  async function start(latencyMs = 0) {
    simulator = await startSimulator({ latencyMs });
    service = await startAdminService({ hostPort: simulator.hostPort, demo: true });
    browser.allow(service.url);
    page = await browser.context.newPage();
  }

  afterEach(async function () {
    await page?.close();
    await service?.close();
    await simulator?.close();
  });

  /** Signs in through the form and waits until the page it leads to has loaded. */
  async function signIn(token = ADMIN_TOKEN, landing = '/admin') {
    await page.goto(`${service.url}/admin`);
    await page.getByLabel('Admin token').fill(token);
    const posted = page.waitForResponse(
      (res) => res.request().method() === 'POST' && new URL(res.url()).pathname === '/admin/login',
    );
    await page.getByRole('button', { name: 'Sign in' }).click();
    await posted;
    await page.waitForURL((url) => url.pathname === landing);
  }

  /** Clicks something that loads a new page, and waits for that page: never reads the old one. */
  async function follow(target: { click(): Promise<void> }) {
    await Promise.all([page.waitForEvent('load'), target.click()]);
  }

  async function lookUp(query: string, kind: 'device' | 'user' = 'device') {
    await page.getByLabel('Device name or user id').fill(query);
    await page.getByRole('radio', { name: kind }).check();
    await follow(page.getByRole('button', { name: 'Look up' }));
  }

  it('refuses without the token: the sign-in form for the page, 401 JSON for the API', async function () {
    await start();
    await page.goto(`${service.url}/admin`);
    assert.equal(new URL(page.url()).pathname, '/admin/login');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Sign in');

    await signIn('wrong-token-wrong-token', '/admin/login');
    assert.equal(await page.getByRole('alert').textContent(), 'That is not the admin token.');
    assert.equal(new URL(page.url()).pathname, '/admin/login');

    const api = await page.goto(`${service.url}/api/devices/SEP001122334455`);
    assert.equal(api?.status(), 401);
    assert.deepEqual(await api?.json(), {
      error: {
        code: 'unauthorized',
        message: 'send the admin token as Authorization: Bearer <token>',
      },
    });
  });

  it('signs in, looks a device up, and logs it out after the confirm step', async function () {
    await start();
    await signIn();
    assert.equal(new URL(page.url()).pathname, '/admin');
    assert.equal(await page.locator('#result').getAttribute('aria-live'), 'polite');

    await lookUp('sep001122334455');
    assert.equal(
      (await page.locator('#result p').textContent())?.replace(/\s+/g, ' ').trim(),
      'jdoe is logged in on SEP001122334455.',
    );
    await follow(page.getByRole('link', { name: 'Log jdoe out of SEP001122334455…' }));
    assert.equal(
      (await page.locator('main p').first().textContent())?.replace(/\s+/g, ' ').trim(),
      'Log jdoe out of SEP001122334455?',
    );
    assert.equal(simulator.state.loggedInUser('SEP001122334455'), 'jdoe');

    await follow(page.getByRole('button', { name: 'Log out' }));
    assert.equal(await page.getByRole('status').textContent(), 'SEP001122334455: logged out.');
    assert.equal(
      (await page.locator('#result p').textContent())?.replace(/\s+/g, ' ').trim(),
      'Nobody is logged in on SEP001122334455.',
    );
    assert.equal(simulator.state.loggedInUser('SEP001122334455'), undefined);
    const recent = await page.locator('section', { hasText: 'Recent actions' }).locator('tbody tr');
    assert.deepEqual(
      await recent
        .first()
        .locator('td')
        .allTextContents()
        .then((cells) => cells.slice(1)),
      ['page', 'logout', 'SEP001122334455', 'logged-out', 'logged out'],
    );
  });

  it('can be used from the keyboard: skip link first, visible focus, search by Enter', async function () {
    await start();
    await signIn();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    assert.equal(await focused.textContent(), 'Skip to content');
    const outline = await focused.evaluate(
      (element) => (globalThis as unknown as BrowserGlobals).getComputedStyle(element).outlineStyle,
    );
    assert.equal(outline, 'solid');

    await page.getByLabel('Device name or user id').focus();
    await page.keyboard.type('jdoe');
    await page.getByRole('radio', { name: 'user' }).check();
    await page.getByLabel('Device name or user id').press('Enter');
    await page.waitForURL(/kind=user/);
    assert.match((await page.locator('#result').textContent()) ?? '', /jdoe\s+is logged in on:/);
  });

  it('uploads a CSV for a bulk run, shows live progress, and offers the report', async function () {
    await start(700);
    await signIn();
    const csv =
      'device,desk\nSEP001122334455,3.14\nSEP112233445566,3.15\nSEP00AABBCCDDEE,3.16\nnot a phone,3.17\n';
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({
      name: 'floor-3.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.waitForFunction("document.getElementById('csv').value.length > 10");
    assert.equal(await page.getByLabel(/^CSV text/).inputValue(), csv);

    await page.getByRole('button', { name: 'Start bulk logout' }).click();
    await page.waitForURL(/\/admin\/bulk\/[0-9a-f-]{36}$/);
    const jobUrl = page.url();
    assert.match((await page.locator('#bulk-status').textContent()) ?? '', /^Running: /);
    assert.equal(await page.locator('#bulk-report').isHidden(), true);

    await page.locator('#bulk-status', { hasText: 'Finished' }).waitFor();
    assert.equal(page.url(), jobUrl, 'progress came from polling, not from a reload');
    assert.equal(
      await page.locator('#bulk-status').textContent(),
      'Finished: 4 of 4 done. 2 logged out, 1 nobody logged in, 0 failed, 1 skipped.',
    );
    assert.equal(await page.locator('#bulk-progress').getAttribute('value'), '4');
    assert.equal(await page.locator('#bulk-results tbody tr').count(), 4);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the report (CSV)' }).click(),
    ]);
    const report = await readFile((await download.path()) as string, 'utf8');
    assert.equal(
      report.replace(/,\d+\n/g, ',<ms>\n'),
      [
        'desk,device,outcome,em_code,message,attempts,duration_ms',
        '3.14,SEP001122334455,logged-out,,logged out,1,<ms>',
        '3.15,SEP112233445566,logged-out,,logged out,1,<ms>',
        '3.16,SEP00AABBCCDDEE,nobody,19,No user logged in,1,<ms>',
        `3.17,not a phone,skipped,,"'not a phone' is not a valid device name (SEP and 12 hex digits, or letters, digits, '.', '_', '-')",,`,
        '',
      ].join('\n'),
    );
    assert.equal(simulator.state.loggedInUser('SEP112233445566'), undefined);
  });

  it('previews a screen at the model size and presses its soft keys', async function () {
    await start();
    await signIn();
    await follow(page.getByRole('link', { name: 'Previewer' }));
    await page.getByLabel('Phone model').selectOption('CP-7942G');
    await page.getByLabel('Path of this service').fill('/logout?device=SEP001122334455');
    // Measure the page the form leads to, not the one it leaves.
    await follow(page.getByRole('button', { name: 'Show' }));

    const display = page.getByRole('group', { name: 'CP-7942G display' });
    await display.locator('.title').waitFor();
    const box = await display.boundingBox();
    assert.deepEqual({ width: box?.width, height: box?.height }, { width: 298, height: 144 });
    assert.equal(await display.locator('.title').textContent(), 'Extension Mobility (demo)');
    const keys = page.getByRole('list', { name: 'Soft keys' }).locator('li');
    assert.deepEqual(
      (await keys.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim()),
      ['1: Log out', '2: empty', '3: Exit', '4: empty'],
    );
    await page.screenshot({ path: join(SHOTS, 'previewer.png'), fullPage: true });

    await page.getByRole('link', { name: '3: Exit' }).click();
    assert.equal(
      await page.locator('#press-note').textContent(),
      'You pressed Exit (SoftKey:Exit): The phone leaves this screen and goes back to the Services list.',
    );
    assert.equal(simulator.state.loggedInUser('SEP001122334455'), 'jdoe');

    await follow(page.getByRole('link', { name: '1: Log out' }));
    assert.match((await display.locator('.text').textContent()) ?? '', /^You are logged out\./);
    assert.equal(simulator.state.loggedInUser('SEP001122334455'), undefined);
  });

  it('fits a phone-sized screen without sideways scrolling: admin page, bulk job, previewer', async function () {
    await start();
    await page.setViewportSize({ width: 375, height: 740 });
    const overflow = () =>
      page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    await signIn();
    await lookUp('SEPAABBCCDDEEFF');
    assert.equal(await overflow(), 0, '/admin');
    assert.equal(
      await page.getByRole('link', { name: /^Log renée\.müller@example\.com out/ }).isVisible(),
      true,
    );

    await page.getByLabel(/^CSV text/).fill('device\nSEP001122334455\nnot a phone\n');
    await page.getByRole('button', { name: 'Start bulk logout' }).click();
    await page.locator('#bulk-status', { hasText: 'Finished' }).waitFor();
    assert.equal(await overflow(), 0, 'bulk job');

    await page.goto(
      `${service.url}/preview?model=CP-9861&path=%2Flogout%3Fdevice%3DSEP112233445566`,
    );
    assert.equal(await overflow(), 0, '/preview');
  });

  it('screenshots the admin page with a result and recent actions', async function () {
    await start();
    await signIn();
    await page.goto(`${service.url}/admin/confirm?device=SEP112233445566`);
    await page.getByRole('button', { name: 'Log out' }).click();
    await lookUp('SEPAABBCCDDEEFF');
    assert.equal(
      await page.locator('section', { hasText: 'Recent actions' }).locator('tbody tr').count(),
      1,
    );
    await page.screenshot({ path: join(SHOTS, 'admin.png'), fullPage: true });
  });
});
