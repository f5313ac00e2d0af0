import assert from 'node:assert/strict';
import request from 'supertest';
import { EmClient, resolveEndpoint } from '../../src/em/index.js';
import { secretScrubber } from '../../src/em/scrub.js';
import { startUpstream, type ReceivedRequest, type Upstream } from '../support/upstream.js';
import { bodyText, rawBody } from '../support/screens.js';
import { testService } from '../support/service.js';

const SECRET = `p&ss<1+2%"'>]]>SECRETMARK`;

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A CUCM release that quotes the request it could not handle back in its error text. */
function echoingCucm(req: ReceivedRequest) {
  return {
    body: `<response><failure><error code="1">Invalid request: ${escapeXml(req.xml ?? '')}</error></failure></response>`,
  };
}

describe('the application password quoted back by CUCM', function () {
  let upstream: Upstream | undefined;

  afterEach(async function () {
    await upstream?.close();
    upstream = undefined;
  });

  it('is replaced in every form it may come back in', function () {
    const scrub = secretScrubber('p&ss<1+2%');
    assert.equal(
      scrub('a p&ss<1+2% b p&amp;ss&lt;1+2% c p%26ss%3C1%2B2%25 d'),
      'a [redacted] b [redacted] c [redacted] d',
    );
  });

  it('is replaced when percent-encoded with lower-case hex', function () {
    const scrub = secretScrubber('Zq9-SECRET-pass&<>');
    assert.equal(
      scrub('cert Zq9-SECRET-pass%26%3c%3e and Zq9-SECRET-pass%26%3C%3e'),
      'cert [redacted] and [redacted]',
    );
  });

  it('is replaced when CUCM quotes six or more of its characters, cut short or in pieces', function () {
    const scrub = secretScrubber('Zq9-SECRET-pass&<>');
    assert.deepEqual(
      [
        scrub('Invalid App Cert Zq9-SECRET-pass'),
        scrub('cert ...ECRET-pa... rejected'),
        scrub('only Zq9-S here'),
      ],
      ['Invalid App Cert [redacted]', 'cert ...[redacted]... rejected', 'only Zq9-S here'],
    );
    assert.equal(secretScrubber('abc')('xabcx ab'), 'x[redacted]x ab');
  });

  it('is replaced when a piece of it comes back escaped, encoded or in another letter case', function () {
    const scrub = secretScrubber('Zq9-SECRET-pass&<>');
    const doubleNumeric = [...'Zq9-SECRET-pass&<>']
      .map((char) => `&amp;#${char.codePointAt(0)};`)
      .join('');
    assert.deepEqual(
      [
        scrub('Could not parse: ...ass%26%3C%3E%3C%2FappCertificate%3E'),
        scrub('Could not parse: ...ass&amp;amp;&amp;lt;&amp;gt;'),
        scrub(`cert ${doubleNumeric}`),
        scrub('cert zq9-secret-pass&amp;&lt;&gt; rejected'),
      ],
      [
        'Could not parse: ...[redacted]%3C%2FappCertificate%3E',
        'Could not parse: ...[redacted]amp;&amp;lt;&amp;gt;',
        '[redacted]',
        'cert [redacted] rejected',
      ],
    );
  });

  it('keeps CUCM text that shares fewer than six characters with it', function () {
    const scrub = secretScrubber('Zq9-SECRET-pass&<>');
    assert.equal(
      scrub('Invalid user or password; CUCM SECRE, code 3'),
      'Invalid user or password; CUCM SECRE, code 3',
    );
  });

  it('cuts CUCM text past 300 characters', function () {
    const scrub = secretScrubber('x-secret');
    assert.equal(scrub('a'.repeat(400)), `${'a'.repeat(297)}...`);
  });

  it('never reaches the failure, the phone screen, the log or /readyz', async function () {
    upstream = await startUpstream(echoingCucm);
    const em = new EmClient({
      endpoints: [resolveEndpoint({ callManagerHost: upstream.hostPort })],
      credentials: { appId: 'emproxy', appCertificate: SECRET },
    });
    const outcome = await em.logout('SEP003094C25B15');
    await em.close();
    assert.equal(outcome.ok ? undefined : outcome.failure.emMessage?.includes('[redacted]'), true);
    assert.equal(JSON.stringify(outcome).includes('SECRETMARK'), false);

    const service = testService({
      hostPort: upstream.hostPort,
      confirm: false,
      client: { credentials: { appId: 'emproxy', appCertificate: SECRET } },
    });
    try {
      const screen = await request(service.app)
        .get('/logout?device=SEP003094C25B15')
        .buffer(true)
        .parse(rawBody);
      const ready = await request(service.app).get('/readyz');
      const seen = bodyText(screen) + JSON.stringify(ready.body) + JSON.stringify(service.logs);
      assert.equal(seen.includes('SECRETMARK'), false);
      assert.equal(seen.includes('[redacted]'), true);
    } finally {
      await service.close();
    }
  });
});

describe('the application password in other parts of an answer', function () {
  const PASSWORD = 'Zq9-SECRET-pass';
  let upstream: Upstream | undefined;
  let em: EmClient | undefined;

  afterEach(async function () {
    await em?.close();
    await upstream?.close();
    upstream = undefined;
  });

  async function clientFor(body: string): Promise<EmClient> {
    upstream = await startUpstream({ body });
    em = new EmClient({
      endpoints: [resolveEndpoint({ callManagerHost: upstream.hostPort })],
      credentials: { appId: 'emproxy', appCertificate: PASSWORD },
    });
    return em;
  }

  it('is removed from a parse error that names an element or attribute of the answer', async function () {
    const element = await (await clientFor(`<response><${PASSWORD}></response>`)).logout('SEP1');
    await em?.close();
    await upstream?.close();
    const attribute = await (
      await clientFor(`<response ${PASSWORD}="1" ${PASSWORD}="2"><success/></response>`)
    ).logout('SEP1');
    const descriptions = [element, attribute].map((outcome) =>
      outcome.ok ? '' : outcome.failure.description.replace(/POST .*/, 'POST …'),
    );
    assert.deepEqual(descriptions, [
      'EM service answer is unreadable (not XML: Missing end tag for element [redacted] (line 1, column 28)): POST …',
      'EM service answer is unreadable (not XML: Duplicate attribute: [redacted] (line 1, column 50)): POST …',
    ]);
  });

  it('is removed from a user id in a query answer', async function () {
    const client = await clientFor(
      `<response><deviceUserResults><device name="SEP1"><userID>${PASSWORD}%26</userID></device></deviceUserResults></response>`,
    );
    const outcome = await client.deviceUser('SEP1');
    assert.deepEqual(outcome.ok ? outcome.device : undefined, {
      deviceName: 'SEP1',
      lastLogin: undefined,
      state: 'logged-in',
      userId: '[redacted]&',
    });
  });
});

describe('the request form templates', function () {
  it('write exactly what a fresh xmlbuilder2 build, form-encoded by URLSearchParams, gives', async function () {
    const requests = await import('../../src/em/request-xml.js');
    const credentials = { appId: 'em"proxy +1', appCertificate: `${SECRET}&=%é` };
    const logout = requests.logoutForm(credentials);
    const query = requests.oneDeviceQueryForm(credentials);
    const form = (xml: string) => new URLSearchParams({ xml }).toString();
    const values = [
      'SEP001122334455',
      'a&b<c>d\re',
      `x'y"z`,
      'a b+c=d%e',
      'ünï😀',
      '*._-',
      'value-slot-x',
      '',
    ];
    for (const value of values) {
      assert.equal(logout(value), form(requests.logoutRequest(credentials, value)));
      assert.equal(query(value), form(requests.deviceUserQuery(credentials, [value])));
      assert.equal(requests.formBody(requests.logoutRequest(credentials, value)), logout(value));
    }
  });
});

describe('values that look like XML entities', function () {
  it('reach CUCM exactly as given, not decoded once more', async function () {
    const { logoutRequest } = await import('../../src/em/request-xml.js');
    const { readXml, child } = await import('../../src/em/xml-reader.js');
    const password = 'p&amp;ss&lt;&#65;&foo;';
    const parsed = readXml(
      logoutRequest({ appId: 'em&amp;', appCertificate: password }, 'SEP1&amp;'),
    );
    assert.equal(parsed.ok, true);
    if (!parsed.ok) return;
    const appInfo = child(parsed.root, 'appInfo');
    assert.equal(appInfo && child(appInfo, 'appCertificate')?.text, password);
    assert.equal(appInfo && child(appInfo, 'appID')?.text, 'em&amp;');
  });
});
