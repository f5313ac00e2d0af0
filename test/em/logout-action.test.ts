import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';

import {
  runLogoutAction,
  type EmFailure,
  type LogoutActionInput,
  type LogoutActionResult,
} from '../../src/em/index.js';
import { emFixture, FIXTURES, type Reply, type Upstream } from '../support/upstream.js';
import { closedPort, FORM_TYPE, Opened, SERVLET, servletUrl } from './support.js';

const DEVICE = 'SEP003094C25B15';
const VALID = { AppId: 'emproxy', AppCertificate: 'secret', DeviceName: DEVICE } as const;
const SUCCESS = emFixture('logout-success.xml');
const BUSY = emFixture('logout-failure-26-busy.xml');

/** Everything but the per-run detail of an EM failure's description. */
function emFields(failure: EmFailure | undefined): Partial<EmFailure> {
  assert.ok(failure !== undefined, 'a Failure carries a failure');
  const { kind, emCode, emMessage, category } = failure;
  return { kind, emCode, emMessage, category };
}

describe('runLogoutAction', () => {
  const opened = new Opened();

  afterEach(async () => {
    await opened.close();
  });

  async function logoutVia(reply: Reply | readonly Reply[], input: LogoutActionInput = {}) {
    const upstream = await opened.upstream(reply);
    const result = await runLogoutAction(
      { ...VALID, CallManagerHost: upstream.hostPort, ...input },
      { timeoutMs: 1000 },
    );
    return { upstream, result };
  }

  describe('input rules', () => {
    const missing = [undefined, null, '', '   '];
    const cases: { title: string; input: LogoutActionInput; description: string }[] = [
      ...(['AppId', 'AppCertificate', 'DeviceName'] as const).flatMap((field) =>
        missing.map((value) => ({
          title: `${field} ${JSON.stringify(value) ?? 'undefined'} is named as missing`,
          input: { [field]: value },
          description: `${field} is required and was not given`,
        })),
      ),
      {
        title: 'DeviceName with a control character is refused',
        input: { DeviceName: 'SEP003094C25B1\u0001' },
        description: 'DeviceName contains a control character that XML cannot carry',
      },
      {
        title: 'AppCertificate with a NUL is refused',
        input: { AppCertificate: 'sec\u0000ret' },
        description: 'AppCertificate contains a control character that XML cannot carry',
      },
      {
        title: 'an unknown Version is refused',
        input: { Version: 'v5' },
        description: "Version must be v333, other or Undefined, got 'v5'",
      },
      {
        title: 'CallManagerHost with port 0 is refused',
        input: { CallManagerHost: '127.0.0.1:0' },
        description: "CallManagerHost must be host, host:port or [IPv6]:port, got '127.0.0.1:0'",
      },
      {
        title: 'neither CallManagerHost nor Url is refused',
        input: { CallManagerHost: ' ', Url: null },
        description: 'Neither CallManagerHost nor Url is set: there is no EM service to talk to',
      },
    ];

    for (const { title, input, description } of cases) {
      it(`${title}: Failure, code 0, no message, nothing sent`, async () => {
        const { upstream, result } = await logoutVia({ body: SUCCESS }, input);

        assert.deepEqual(result, {
          Branch: 'Failure',
          ErrorCode: 0,
          ErrorMessage: null,
          failure: { kind: 'config', description },
          attempts: 0,
        } satisfies LogoutActionResult);
        assert.equal(upstream.requests.length, 0);
      });
    }
  });

  describe('the request sent', () => {
    const cases: { title: string; input: LogoutActionInput; xml: string }[] = [
      {
        title: 'escapes the password and app id once as XML, then once as a form',
        input: { AppId: `em"app'<1>`, AppCertificate: 'p&ss<1+2%' },
        // Quotes need no escaping in element content (XML 1.0 section 2.4): only & and <.
        xml:
          '<request><appInfo><appID>em"app\'&lt;1&gt;</appID>' +
          '<appCertificate>p&amp;ss&lt;1+2%</appCertificate></appInfo>' +
          `<logout><deviceName>${DEVICE}</deviceName></logout></request>`,
      },
      {
        title: 'trims AppId and DeviceName but sends the password as given',
        input: { AppId: ' emproxy ', AppCertificate: ' pass word ', DeviceName: ` ${DEVICE}\t` },
        xml:
          '<request><appInfo><appID>emproxy</appID>' +
          '<appCertificate> pass word </appCertificate></appInfo>' +
          `<logout><deviceName>${DEVICE}</deviceName></logout></request>`,
      },
      {
        title: 'carries non-ASCII text as UTF-8',
        input: { AppCertificate: 'Grüße€' },
        xml:
          '<request><appInfo><appID>emproxy</appID>' +
          '<appCertificate>Grüße€</appCertificate></appInfo>' +
          `<logout><deviceName>${DEVICE}</deviceName></logout></request>`,
      },
    ];

    for (const { title, input, xml } of cases) {
      it(`${title}: one POST of the xml form field to the servlet`, async () => {
        const { upstream, result } = await logoutVia({ body: SUCCESS }, input);

        assert.equal(result.Branch, 'Success');
        assert.deepEqual(upstream.requests, [
          { method: 'POST', path: SERVLET, contentType: FORM_TYPE, xml },
        ]);
      });
    }

    it('Version v333 reaches /LoginService/login.asp', async () => {
      const { upstream, result } = await logoutVia({ body: SUCCESS }, { Version: 'v333' });

      assert.equal(result.Branch, 'Success');
      assert.deepEqual(
        upstream.requests.map((request) => request.path),
        ['/LoginService/login.asp'],
      );
    });

    it('Url is used as given when CallManagerHost is empty', async () => {
      const upstream = await opened.upstream({ body: SUCCESS });

      const result = await runLogoutAction(
        { ...VALID, CallManagerHost: '', Url: `${upstream.url}/custom/em?site=1` },
        { timeoutMs: 1000 },
      );

      assert.equal(result.Branch, 'Success');
      assert.deepEqual(
        upstream.requests.map((request) => request.path),
        ['/custom/em'],
      );
    });

    it('CallManagerHost wins over Url', async () => {
      const chosen = await opened.upstream({ body: SUCCESS });
      const ignored = await opened.upstream({ body: SUCCESS });

      const result = await runLogoutAction(
        { ...VALID, CallManagerHost: chosen.hostPort, Url: servletUrl(ignored) },
        { timeoutMs: 1000 },
      );

      assert.equal(result.node, chosen.hostPort);
      assert.equal(chosen.requests.length, 1);
      assert.equal(ignored.requests.length, 0);
    });
  });

  describe('EM answers replayed from the fixtures', () => {
    const successes = ['logout-success.xml', 'logout-success-compact.xml'];
    const failures: { file: string; code: number; text: string; category: string }[] = [
      {
        file: 'logout-failure-3-auth-short.xml',
        code: 3,
        text: "Could not authenticate 'emproxy'",
        category: 'service-misconfigured',
      },
      {
        file: 'logout-failure-3-auth-long.xml',
        code: 3,
        text: 'DB Query Error: Application Authentication Error: Could not authenticate',
        category: 'service-misconfigured',
      },
      {
        file: 'logout-failure-10-no-proxy-rights.xml',
        code: 10,
        text: 'User does not have proxy rights',
        category: 'service-misconfigured',
      },
      {
        file: 'logout-failure-11-no-device.xml',
        code: 11,
        text: 'Device does not exist',
        category: 'unknown-device',
      },
      {
        file: 'logout-failure-19-no-user.xml',
        code: 19,
        text: 'No user logged in',
        category: 'nobody-logged-in',
      },
      {
        file: 'logout-failure-22-em-disabled.xml',
        code: 22,
        text: 'Device Logon disabled',
        category: 'em-disabled',
      },
    ];
    // Code 26 is retried until the deadline: see 'retries' below.
    const busyFile = 'logout-failure-26-busy.xml';

    it('covers every logout fixture', () => {
      const files = readdirSync(new URL('em/', FIXTURES)).filter((name) =>
        name.startsWith('logout-'),
      );
      const covered = [...successes, ...failures.map((entry) => entry.file), busyFile];

      assert.deepEqual([...files].sort(), [...covered].sort());
    });

    for (const file of successes) {
      it(`${file} is Success with code 0 and no message`, async () => {
        const { upstream, result } = await logoutVia({ body: emFixture(file) });

        assert.deepEqual(result, {
          Branch: 'Success',
          ErrorCode: 0,
          ErrorMessage: null,
          attempts: 1,
          node: upstream.hostPort,
        } satisfies LogoutActionResult);
      });
    }

    for (const { file, code, text, category } of failures) {
      it(`${file} is Failure ${code} with CUCM's text, category ${category}`, async () => {
        const { upstream, result } = await logoutVia({ body: emFixture(file) });
        const { failure, ...rest } = result;

        assert.deepEqual(rest, {
          Branch: 'Failure',
          ErrorCode: code,
          ErrorMessage: text,
          attempts: 1,
          node: upstream.hostPort,
        });
        assert.deepEqual(emFields(failure), {
          kind: 'em',
          emCode: code,
          emMessage: text,
          category,
        });
        assert.ok(failure?.description.startsWith(`EM service refused: code ${code} (`));
        assert.ok(failure?.description.endsWith(`): ${text}`));
      });
    }

    it('tomcat-404.html with status 404 is an HTTP failure, not an EM code', async () => {
      const reply = {
        status: 404,
        body: emFixture('tomcat-404.html'),
        contentType: 'text/html;charset=utf-8',
      };
      const { upstream, result } = await logoutVia(reply);

      assert.deepEqual(result, {
        Branch: 'Failure',
        ErrorCode: 0,
        ErrorMessage: null,
        failure: {
          kind: 'http',
          status: 404,
          description: `EM service answered HTTP 404: POST ${servletUrl(upstream)}`,
        },
        attempts: 1,
      } satisfies LogoutActionResult);
    });
  });

  describe('answers that cannot be read', () => {
    const laughs =
      '<?xml version="1.0"?>\n<!DOCTYPE response [\n<!ENTITY lol "lol">\n' +
      Array.from({ length: 9 }, (_, index) => {
        const previous = index === 0 ? 'lol' : `lol${index}`;
        return `<!ENTITY lol${index + 1} "${`&${previous};`.repeat(10)}">\n`;
      }).join('') +
      ']>\n<response><failure><error code="3">&lol9;</error></failure></response>';
    const cases: { title: string; reply: Reply; problem: string }[] = [
      {
        title: 'an HTML page with status 200',
        reply: { body: emFixture('tomcat-404.html'), contentType: 'text/html;charset=utf-8' },
        problem: 'an HTML page',
      },
      { title: 'an empty body', reply: { body: '' }, problem: 'empty body' },
      { title: 'a body of blanks', reply: { body: ' \r\n ' }, problem: 'empty body' },
      {
        title: 'truncated XML',
        reply: { body: SUCCESS.replace('</response>\n', '') },
        problem: 'not XML: Missing end tag for element response (line 3, column 11)',
      },
      {
        title: 'text that is not XML',
        reply: { body: 'Service Unavailable', contentType: 'text/plain' },
        problem: 'not XML: Root element is missing or invalid (line 1, column 1)',
      },
      {
        title: 'a well-formed answer of 1 MB, over the 256 KiB cap',
        reply: { body: `<response><success/>${' '.repeat(1024 * 1024)}</response>` },
        problem: 'larger than 262144 bytes',
      },
      {
        title: 'a DTD defining entities (billion laughs)',
        reply: { body: laughs },
        problem: 'DTD with an internal subset refused',
      },
      {
        title: 'a DTD whose entity would expand to <success/>',
        reply: {
          body: '<!DOCTYPE response [<!ENTITY done "<success/>">]><response>&done;</response>',
        },
        problem: 'DTD with an internal subset refused',
      },
      {
        title: 'elements nested 10 000 deep',
        reply: { body: `<response>${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</response>` },
        problem: 'nested too deeply',
      },
      {
        title: 'elements with non-ASCII names nested 10 000 deep',
        reply: { body: `<response>${'<é>'.repeat(10_000)}${'</é>'.repeat(10_000)}</response>` },
        problem: 'nested too deeply',
      },
      {
        title: "33 levels hidden behind attribute values that hold '/>'",
        reply: {
          body: `<response>${'<a x="/>">'.repeat(33)}${'</a>'.repeat(33)}<success/></response>`,
        },
        problem: 'nested too deeply',
      },
      {
        title: "6 500 levels, each with a CDATA section that holds '> </x>'",
        reply: {
          body: `<response>${'<a><![CDATA[> </x> ]]>'.repeat(6500)}${'</a>'.repeat(6500)}<success/></response>`,
        },
        problem: 'nested too deeply',
      },
      {
        title: 'an XML document that is not an EM answer',
        reply: { body: '<result><success/></result>' },
        problem: 'unexpected <result> document',
      },
      {
        title: 'a response with neither success nor failure',
        reply: { body: '<response><pending/></response>' },
        problem: 'unexpected <response> document',
      },
    ];

    for (const { title, reply, problem } of cases) {
      it(`${title} is Failure 'unreadable' with no EM code`, async () => {
        const { upstream, result } = await logoutVia(reply);

        assert.deepEqual(result, {
          Branch: 'Failure',
          ErrorCode: 0,
          ErrorMessage: null,
          failure: {
            kind: 'unreadable',
            description: `EM service answer is unreadable (${problem}): POST ${servletUrl(upstream)}`,
          },
          attempts: 1,
        } satisfies LogoutActionResult);
      });
    }

    it('an external DTD is ignored, never fetched', async () => {
      const body =
        '<?xml version="1.0"?>\n' +
        '<!DOCTYPE response SYSTEM "http://cucm.invalid/em/response.dtd">\n' +
        '<response><success/></response>';
      const { result } = await logoutVia({ body });

      assert.equal(result.Branch, 'Success');
    });
  });

  describe('answer encodings', () => {
    const text = "Could not authenticate 'José Müller'";
    const xml = `<response><failure><error code="3">${text}</error></failure></response>`;
    const cases: { title: string; reply: Reply; expected?: string }[] = [
      {
        title: 'an ISO-8859-1 declaration with latin1 bytes',
        reply: {
          body: Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>\n${xml}`, 'latin1'),
          contentType: 'text/xml',
        },
      },
      {
        title: 'a charset=ISO-8859-1 header with latin1 bytes',
        reply: { body: Buffer.from(xml, 'latin1'), contentType: 'text/xml; charset=ISO-8859-1' },
      },
      {
        title: 'a charset=windows-1252 header with its own bytes for quotes',
        reply: {
          body: Buffer.from(xml.replaceAll("'", '\x91'), 'latin1'),
          contentType: 'text/xml; charset=windows-1252',
        },
        expected: text.replaceAll("'", '\u2018'),
      },
      {
        title: 'an ISO-8859-1 label over bytes that only windows-1252 has (€, Š, “”)',
        reply: {
          body: Buffer.from(xml.replace('José', '\x80 \x8A \x93x\x94'), 'latin1'),
          contentType: 'text/xml; charset=iso-8859-1',
        },
        expected: text.replace('José', '\u20AC \u0160 \u201Cx\u201D'),
      },
      {
        title: 'UTF-8 bytes with no declaration and no charset',
        reply: { body: Buffer.from(xml, 'utf8'), contentType: 'text/xml' },
      },
      {
        title: 'UTF-8 bytes after a byte order mark',
        reply: { body: Buffer.from(`\uFEFF${xml}`, 'utf8'), contentType: 'text/xml' },
      },
      {
        title: 'character references',
        reply: {
          body: xml.replace('é', '&#233;').replace('ü', '&#xFC;').replaceAll("'", '&apos;'),
        },
      },
    ];

    for (const { title, reply, expected } of cases) {
      it(`${title} are decoded right`, async () => {
        const { result } = await logoutVia(reply);

        assert.equal(result.ErrorCode, 3);
        assert.equal(result.ErrorMessage, expected ?? text);
      });
    }
  });

  describe('transport failures', () => {
    interface TransportCase {
      title: string;
      target: () => Promise<{ host: string; url: string; upstream?: Upstream }>;
      timeoutMs: number;
      failure: (url: string) => EmFailure;
    }

    const viaUpstream = (reply: Reply) => async () => {
      const upstream = await opened.upstream(reply);
      return { host: upstream.hostPort, url: servletUrl(upstream), upstream };
    };

    const cases: TransportCase[] = [
      {
        title: 'a closed port is refused',
        target: async () => {
          const host = `127.0.0.1:${await closedPort()}`;
          return { host, url: `http://${host}${SERVLET}` };
        },
        timeoutMs: 1000,
        failure: (url) => ({
          kind: 'network',
          reason: 'refused',
          description: `EM service refused the connection (ECONNREFUSED): POST ${url}`,
        }),
      },
      {
        title: 'a name that does not resolve is a DNS failure',
        target: async () => ({
          host: 'cucm.invalid',
          url: `http://cucm.invalid:8080${SERVLET}`,
        }),
        timeoutMs: 1000,
        failure: (url) => ({
          kind: 'network',
          reason: 'dns',
          description: `EM service host name could not be resolved (ENOTFOUND): POST ${url}`,
        }),
      },
      {
        title: 'a server that never answers is a timeout',
        target: viaUpstream({ hang: true }),
        timeoutMs: 200,
        failure: (url) => ({
          kind: 'timeout',
          description: `EM service did not answer within 200 ms: POST ${url}`,
        }),
      },
      {
        title: 'a server that resets every connection is a reset, after retries',
        target: viaUpstream({ reset: true }),
        timeoutMs: 300,
        failure: (url) => ({
          kind: 'network',
          reason: 'reset',
          description: `EM service closed the connection (UND_ERR_SOCKET): POST ${url}`,
        }),
      },
    ];

    for (const { title, target, timeoutMs, failure } of cases) {
      it(`${title}: Failure with code 0 and no message`, async () => {
        const { host, url, upstream } = await target();
        const started = performance.now();

        const result = await runLogoutAction({ ...VALID, CallManagerHost: host }, { timeoutMs });
        const elapsed = performance.now() - started;

        assert.deepEqual(
          { Branch: result.Branch, ErrorCode: result.ErrorCode, ErrorMessage: result.ErrorMessage },
          { Branch: 'Failure', ErrorCode: 0, ErrorMessage: null },
        );
        assert.deepEqual(result.failure, failure(url));
        // A hang check, not a speed target.
        assert.ok(elapsed < timeoutMs + 2000, `took ${elapsed} ms`);
        if (upstream !== undefined) assert.ok(upstream.requests.length >= 1);
      });
    }

    it('resets are retried within the deadline', async () => {
      const upstream = await opened.upstream({ reset: true });

      const result = await runLogoutAction(
        { ...VALID, CallManagerHost: upstream.hostPort },
        { timeoutMs: 300 },
      );

      assert.ok(result.attempts >= 2, `attempts: ${result.attempts}`);
      // The deadline may cut the last attempt before the server has read it.
      assert.ok(upstream.requests.length >= result.attempts - 1);
      assert.ok(upstream.requests.length <= result.attempts);
    });
  });

  describe('retries', () => {
    it('code 26 then success is Success after 2 attempts', async () => {
      const { upstream, result } = await logoutVia([{ body: BUSY }, { body: SUCCESS }]);

      assert.deepEqual(result, {
        Branch: 'Success',
        ErrorCode: 0,
        ErrorMessage: null,
        attempts: 2,
        node: upstream.hostPort,
      } satisfies LogoutActionResult);
      assert.equal(upstream.requests.length, 2);
    });

    it('a reset then success is Success after 2 attempts', async () => {
      const { upstream, result } = await logoutVia([{ reset: true }, { body: SUCCESS }]);

      assert.equal(result.Branch, 'Success');
      assert.equal(result.attempts, 2);
      assert.equal(upstream.requests.length, 2);
    });

    it('a reset then code 19 is Success: the attempt CUCM received may have logged out', async () => {
      const nobody = emFixture('logout-failure-19-no-user.xml');
      const { upstream, result } = await logoutVia([{ reset: true }, { body: nobody }]);

      assert.deepEqual(
        [result.Branch, result.ErrorCode, result.ErrorMessage, result.attempts],
        ['Success', 0, null, 2],
      );
      assert.equal(upstream.requests.length, 2);
    });

    it('code 26 then code 19 is Failure 19: a busy CUCM did nothing', async () => {
      const nobody = emFixture('logout-failure-19-no-user.xml');
      const { result } = await logoutVia([{ body: BUSY }, { body: nobody }]);

      assert.deepEqual(
        [result.Branch, result.ErrorCode, result.ErrorMessage, result.attempts],
        ['Failure', 19, 'No user logged in', 2],
      );
    });

    it('code 26 every time is Failure 26 after several attempts within the deadline', async () => {
      const upstream = await opened.upstream({ body: BUSY });
      const started = performance.now();

      const result = await runLogoutAction(
        { ...VALID, CallManagerHost: upstream.hostPort },
        { timeoutMs: 400 },
      );
      const elapsed = performance.now() - started;

      assert.deepEqual(
        { Branch: result.Branch, ErrorCode: result.ErrorCode, ErrorMessage: result.ErrorMessage },
        { Branch: 'Failure', ErrorCode: 26, ErrorMessage: 'Busy, please try again' },
      );
      assert.deepEqual(emFields(result.failure), {
        kind: 'em',
        emCode: 26,
        emMessage: 'Busy, please try again',
        category: 'busy',
      });
      // Default backoff: waits of 50-100 ms then 100-200 ms leave room for a third try.
      assert.ok(result.attempts >= 3, `attempts: ${result.attempts}`);
      assert.ok(upstream.requests.length >= 3, `requests: ${upstream.requests.length}`);
      // A hang check, not a speed target.
      assert.ok(elapsed < 400 + 2000, `took ${elapsed} ms`);
    });

    it('code 26 then a hang until the deadline is still Failure 26, not a timeout', async () => {
      const upstream = await opened.upstream([{ body: BUSY }, { hang: true }]);

      const result = await runLogoutAction(
        { ...VALID, CallManagerHost: upstream.hostPort },
        { timeoutMs: 250 },
      );

      assert.equal(result.ErrorCode, 26);
      assert.equal(result.failure?.kind, 'em');
      assert.equal(result.attempts, 2);
    });

    it('a reset then a hang until the deadline is still a reset, not a timeout', async () => {
      const upstream = await opened.upstream([{ reset: true }, { hang: true }]);

      const result = await runLogoutAction(
        { ...VALID, CallManagerHost: upstream.hostPort },
        { timeoutMs: 250 },
      );

      assert.equal(result.failure?.kind, 'network');
      assert.equal(result.failure.reason, 'reset');
      assert.equal(result.attempts, 2);
    });
  });
});
