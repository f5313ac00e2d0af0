import assert from 'node:assert/strict';
import { TokenCheck } from '../../src/admin/auth.js';
import { JobStore, type JobView } from '../../src/admin/jobs.js';
import { parsePhoneScreen } from '../../src/admin/preview/parse.js';
import { checkPreviewPath, ownPath } from '../../src/admin/preview/target.js';
import { SessionStore } from '../../src/admin/sessions.js';
import type { LogoutOutcome } from '../../src/em/index.js';
import { createLogger } from '../../src/logger.js';

describe('admin building blocks', function () {
  describe('TokenCheck', function () {
    const check = new TokenCheck('0123456789abcdef-token');

    it('accepts the token and nothing else, whatever its length or type', function () {
      assert.equal(check.matches('0123456789abcdef-token'), true);
      for (const other of [
        '',
        '0123456789abcdef-toke',
        '0123456789abcdef-token ',
        'x'.repeat(5000),
      ]) {
        assert.equal(check.matches(other), false, other.slice(0, 30));
      }
      for (const other of [undefined, null, 42, ['0123456789abcdef-token']]) {
        assert.equal(check.matches(other), false);
      }
    });
  });

  describe('SessionStore', function () {
    it('ends a session after an hour unused and after eight hours in any case', function () {
      let now = 0;
      const store = new SessionStore({ now: () => now });
      const idle = store.create();
      const busy = store.create();

      now = 59 * 60_000;
      assert.equal(store.find(busy.id), busy);
      now = 61 * 60_000;
      assert.equal(store.find(idle.id), undefined);
      for (now = 61 * 60_000; now < 8 * 3_600_000; now += 30 * 60_000) {
        assert.equal(store.find(busy.id), busy);
      }
      now = 8 * 3_600_000 + 1;
      assert.equal(store.find(busy.id), undefined);
    });

    it('keeps at most maxSessions, dropping the one unused longest', function () {
      const store = new SessionStore({ maxSessions: 2 });
      const first = store.create();
      const second = store.create();
      store.find(first.id);
      store.create();

      assert.equal(store.find(second.id), undefined);
      assert.equal(store.find(first.id), first);
    });

    it('checks the CSRF token of its own session only', function () {
      const store = new SessionStore();
      const mine = store.create();
      const theirs = store.create();

      assert.equal(store.checkCsrf(mine, mine.csrf), true);
      assert.equal(store.checkCsrf(mine, theirs.csrf), false);
      assert.equal(store.checkCsrf(mine, undefined), false);
      assert.equal(store.checkCsrf(mine, [mine.csrf]), false);
    });
  });

  describe('JobStore', function () {
    const logger = createLogger('silent');

    /** A client whose logouts finish when the test says so. */
    function heldClient() {
      const waiting: (() => void)[] = [];
      const client = {
        logout(): Promise<LogoutOutcome> {
          return new Promise((resolve) => {
            waiting.push(() =>
              resolve({ ok: true, repeated: false, node: 'n', attempts: 1, durationMs: 1 }),
            );
          });
        },
      };
      return { client, release: () => waiting.splice(0).forEach((finish) => finish()) };
    }
    const input = (device: string) => ({
      header: ['device'],
      deviceIndex: 0,
      rows: [{ line: 1, values: [device] }],
    });

    it('refuses a job over maxDevices with too_many_devices', function () {
      const jobs = new JobStore({ client: heldClient().client, logger, maxDevices: 1 });
      const rows = [1, 2].map((line) => ({ line, values: ['SEP001122334455'] }));

      assert.throws(() => jobs.start({ header: ['device'], deviceIndex: 0, rows }), {
        name: 'JobLimitError',
        code: 'too_many_devices',
        message: 'a bulk job may name at most 1 devices, got 2',
      });
    });

    it('keeps maxJobs: refuses while all run, then drops the oldest finished one', async function () {
      const { client, release } = heldClient();
      const jobs = new JobStore({ client, logger, maxJobs: 2 });
      const finished: JobView[] = [];
      const first = jobs.start(input('SEP001122334455'), (view) => finished.push(view));
      const second = jobs.start(input('SEP00AABBCCDDEE'), (view) => finished.push(view));

      assert.throws(() => jobs.start(input('SEPAABBCCDDEEFF')), { code: 'too_many_jobs' });
      while (finished.length < 2) {
        release();
        await new Promise((resolve) => setImmediate(resolve));
      }

      const third = jobs.start(input('SEPAABBCCDDEEFF'));
      assert.equal(jobs.view(first.jobId), undefined);
      assert.equal(jobs.view(second.jobId)?.status, 'done');
      assert.equal(jobs.view(third.jobId)?.status, 'running');
      while (jobs.view(third.jobId)?.status === 'running') {
        release();
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
  });

  describe('previewer paths', function () {
    it('takes paths of this service and normalises them', function () {
      assert.deepEqual(checkPreviewPath(' /logout?device=SEP001122334455 '), {
        ok: true,
        path: '/logout?device=SEP001122334455',
      });
      assert.deepEqual(checkPreviewPath('/a/../logout'), { ok: true, path: '/logout' });
    });

    it('follows a soft key URL only when its origin is this service', function () {
      const origins = ['http://svc.example:3000'];

      assert.equal(
        ownPath('http://svc.example:3000/logout/confirm?device=SEP001122334455', origins),
        '/logout/confirm?device=SEP001122334455',
      );
      assert.equal(ownPath('http://other.example:3000/logout', origins), undefined);
      assert.equal(ownPath('https://svc.example:3000/logout', origins), undefined);
      assert.equal(ownPath('http://svc.example:3000/admin', origins), undefined);
      assert.equal(ownPath('not a url', origins), undefined);
    });
  });

  describe('parsePhoneScreen', function () {
    it('reads a CiscoIPPhoneMenu with its items and soft keys', function () {
      const xml = `<?xml version="1.0" encoding="UTF-8"?>
<CiscoIPPhoneMenu><Title>Pick</Title><Prompt>One</Prompt>
<MenuItem><Name>A &amp; B</Name><URL>http://svc/a?x=1&amp;y=2</URL></MenuItem>
<SoftKeyItem><Name>Exit</Name><URL>SoftKey:Exit</URL><Position>3</Position></SoftKeyItem>
</CiscoIPPhoneMenu>`;

      assert.deepEqual(parsePhoneScreen(xml), {
        ok: true,
        screen: {
          kind: 'CiscoIPPhoneMenu',
          title: 'Pick',
          prompt: 'One',
          text: undefined,
          menuItems: [{ name: 'A & B', url: 'http://svc/a?x=1&y=2' }],
          softKeys: [{ name: 'Exit', url: 'SoftKey:Exit', position: 3 }],
          problems: [],
        },
      });
    });

    it('reports what a phone would refuse: no Position, a repeated position, a wrong-case element', function () {
      const xml = `<CiscoIPPhoneText><title>lower</title><Text>x &eacute;</Text>
<SoftKeyItem><Name>A</Name><URL>SoftKey:Exit</URL></SoftKeyItem>
<SoftKeyItem><Name>B</Name><URL>SoftKey:Exit</URL><Position>1</Position></SoftKeyItem>
<SoftKeyItem><Name>C</Name><URL>SoftKey:Exit</URL><Position>1</Position></SoftKeyItem>
</CiscoIPPhoneText>`;
      const parsed = parsePhoneScreen(xml);

      assert.ok(parsed.ok);
      assert.equal(parsed.screen.title, undefined);
      assert.equal(parsed.screen.text, 'x &eacute;');
      assert.deepEqual(parsed.screen.softKeys, [{ name: 'B', url: 'SoftKey:Exit', position: 1 }]);
      assert.deepEqual(parsed.screen.problems, [
        'soft key "A" has no valid Position (1-16): a phone refuses the screen',
        'two soft keys at position 1: the phone shows one of them',
      ]);
    });

    it('expands no entity a DTD defines and draws no root it does not know', function () {
      const bomb =
        '<!DOCTYPE t [<!ENTITY a "aaaa">]><CiscoIPPhoneText><Text>&a;</Text></CiscoIPPhoneText>';

      assert.deepEqual(parsePhoneScreen(bomb), {
        ok: false,
        problem: 'XML Error: DTD with an internal subset refused',
      });
      assert.deepEqual(parsePhoneScreen('<CiscoIPPhoneImage/>'), {
        ok: false,
        problem:
          'XML Error [5]: the previewer draws CiscoIPPhoneText and CiscoIPPhoneMenu, not CiscoIPPhoneImage',
      });
    });
  });
});
