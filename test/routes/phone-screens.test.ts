import request from 'supertest';
import { emFixture, startUpstream, type Reply, type Upstream } from '../support/upstream.js';
import { assertScreen, rawBody } from '../support/screens.js';
import { testService, type TestService } from '../support/service.js';

const HOST = 'phones.example:3000';
const DEVICE = 'SEP003094C25B15';

/** Each CUCM answer (fixtures and misbehaviours) and the screen the phone must get for it. */
function queryAnswer(device: string, userId: string): string {
  return `<response><deviceUserResults><device name="${device}"><userID>${userId}</userID></device></deviceUserResults></response>`;
}

describe('phone screens for every kind of CUCM answer', function () {
  let upstream: Upstream | undefined;
  let service: TestService | undefined;

  afterEach(async function () {
    await service?.close();
    await upstream?.close();
    service = undefined;
    upstream = undefined;
  });

  async function screenFor(path: string, reply: Reply | 'closed-port', client = {}) {
    upstream = await startUpstream(reply === 'closed-port' ? { body: '' } : reply);
    const hostPort = upstream.hostPort;
    if (reply === 'closed-port') {
      await upstream.close();
      upstream = undefined;
    }
    service = testService({ hostPort, client });
    return request(service.app).get(path).set('Host', HOST).buffer(true).parse(rawBody);
  }

  const logout = `/logout/confirm?device=${DEVICE}`;
  const lookup = `/logout?device=${DEVICE}`;

  const cases: [string, string, Reply | 'closed-port', string][] = [
    [
      'logout success (CUCM 12)',
      logout,
      { body: emFixture('logout-success.xml') },
      'logged-out-3094.xml',
    ],
    [
      'logout success (compact)',
      logout,
      { body: emFixture('logout-success-compact.xml') },
      'logged-out-3094.xml',
    ],
    [
      '19 nobody logged in',
      logout,
      { body: emFixture('logout-failure-19-no-user.xml') },
      'nobody-logged-in.xml',
    ],
    [
      '22 EM disabled',
      logout,
      { body: emFixture('logout-failure-22-em-disabled.xml') },
      'failed-22-em-disabled.xml',
    ],
    ['26 busy', logout, { body: emFixture('logout-failure-26-busy.xml') }, 'failed-26-busy.xml'],
    [
      '3 auth (short text)',
      logout,
      { body: emFixture('logout-failure-3-auth-short.xml') },
      'failed-3-auth-short.xml',
    ],
    [
      '3 auth (long text)',
      logout,
      { body: emFixture('logout-failure-3-auth-long.xml') },
      'failed-3-auth-long.xml',
    ],
    [
      '10 no proxy rights',
      logout,
      { body: emFixture('logout-failure-10-no-proxy-rights.xml') },
      'failed-10-no-proxy-rights.xml',
    ],
    [
      '42 undocumented code',
      logout,
      { body: '<response><failure><error code="42">Something new</error></failure></response>' },
      'failed-42-undocumented.xml',
    ],
    [
      'Tomcat 404',
      logout,
      { status: 404, body: emFixture('tomcat-404.html'), contentType: 'text/html' },
      'failed-http-404.xml',
    ],
    [
      'HTML with 200',
      logout,
      { body: emFixture('tomcat-404.html'), contentType: 'text/html' },
      'failed-unreadable.xml',
    ],
    ['connection refused', logout, 'closed-port', 'failed-refused.xml'],
    ['no answer in time', logout, { hang: true }, 'failed-timeout.xml'],
    [
      'query: user logged in',
      `/logout?device=SEP402CF4915265`,
      { body: emFixture('query-user-logged-in.xml') },
      'confirm-percent-decoded.xml',
    ],
    [
      'query: nobody (two <none/>)',
      lookup,
      { body: emFixture('query-nobody-cucm12.xml') },
      'nobody-logged-in.xml',
    ],
    [
      'query: device does not exist',
      `/logout?device=SEP000000000000`,
      { body: emFixture('query-does-not-exist.xml') },
      'unknown-device.xml',
    ],
    [
      'logout: 11 device does not exist',
      `/logout/confirm?device=SEP000000000000`,
      { body: emFixture('logout-failure-11-no-device.xml') },
      'unknown-device.xml',
    ],
    [
      'query failure with errorMessage',
      lookup,
      { body: emFixture('query-failure-errormessage.xml') },
      'lookup-failed-errormessage.xml',
    ],
    ['query: connection refused', lookup, 'closed-port', 'lookup-failed-refused.xml'],
    [
      'query: a user id with line breaks is shown on one line',
      `/logout?device=SEP402CF4915265`,
      { body: queryAnswer('SEP402CF4915265', 'jdoe%0A%0ANobody%20is%20logged%20in.') },
      'confirm-one-line-user.xml',
    ],
    [
      'query: invisible characters in a user id are dropped',
      `/logout?device=SEP402CF4915265`,
      {
        body: queryAnswer(
          'SEP402CF4915265',
          'em%E2%80%8B%EF%BB%BF%40ex%C2%ADam%E2%80%8Dp%CD%8Fle%E1%A0%8E.com%EF%BB%BF',
        ),
      },
      'confirm-percent-decoded.xml',
    ],
    [
      'query failure 19: nobody logged in',
      lookup,
      { body: emFixture('logout-failure-19-no-user.xml') },
      'nobody-logged-in.xml',
    ],
  ];

  for (const [name, path, reply, screen] of cases) {
    it(`${name} → ${screen}`, async function () {
      assertScreen(await screenFor(path, reply, { timeoutMs: 300 }), screen);
    });
  }
});

describe('phone screens for requests that name no usable phone', function () {
  let upstream: Upstream;
  let service: TestService;

  beforeEach(async function () {
    upstream = await startUpstream({ body: emFixture('logout-success.xml') });
    service = testService({ hostPort: upstream.hostPort });
  });

  afterEach(async function () {
    await service.close();
    await upstream.close();
  });

  const cases: [string, string][] = [
    ['/logout', 'bad-device-missing.xml'],
    ['/logout?device=', 'bad-device-missing.xml'],
    ['/logout?device=%23DEVICENAME%23', 'bad-device-placeholder.xml'],
    ['/logout?device=SEP12345', 'bad-device-invalid.xml'],
    ['/logout?device=SEP001122334455&name=SEP00AABBCCDDEE', 'bad-device-ambiguous.xml'],
    ['/logout/confirm?device=SEP001122334455&device=SEP00AABBCCDDEE', 'bad-device-ambiguous.xml'],
    ['/no/such/page', 'not-found.xml'],
  ];

  for (const [path, screen] of cases) {
    it(`GET ${path} → ${screen}, and nothing is sent to CUCM`, async function () {
      const res = await request(service.app)
        .get(path)
        .set('Host', HOST)
        .buffer(true)
        .parse(rawBody);
      assertScreen(res, screen);
      if (upstream.requests.length !== 0) throw new Error('a request reached CUCM');
    });
  }
});
