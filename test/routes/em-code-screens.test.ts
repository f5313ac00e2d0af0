import assert from 'node:assert/strict';
import request from 'supertest';
import { startUpstream, type Upstream } from '../support/upstream.js';
import { bodyText, rawBody, screenFile } from '../support/screens.js';
import { testService, type TestService } from '../support/service.js';

const DEVICE = 'SEP003094C25B15';
const RETRY = [
  '  <SoftKeyItem>',
  '    <Name>Retry</Name>',
  `    <URL>http://phones.example:3000/logout/confirm?device=${DEVICE}</URL>`,
  '    <Position>3</Position>',
  '  </SoftKeyItem>',
  '',
].join('\n');

const MISCONFIGURED = 'The logout service is not set up correctly. Please tell IT.';
const FAULT = 'The logout service and CUCM did not understand each other. Please tell IT.';
const EM_DISABLED = 'Extension Mobility is not enabled on this phone. Please ask IT to enable it.';
const TRY_AGAIN = 'CUCM could not complete the logout this time. Please try again.';
const NOT_ALLOWED = 'CUCM does not allow this logout. Please ask IT.';
const ASK_IT = 'CUCM could not complete the logout. Please ask IT for help.';
const REFUSED = 'CUCM refused the logout. Please ask IT for help.';
const BUSY = 'CUCM is busy right now. Please try again in a moment.';

/**
 * The whole EM error table of the reference (section 4), code by code: what the
 * person reads, and whether a Retry key is offered (only where waiting can help).
 */
const TABLE: [code: number, text: string, message: string, retry: boolean][] = [
  [0, 'Unknown error', TRY_AGAIN, true],
  [1, 'Request XML could not be parsed', FAULT, false],
  [2, 'Cannot authorize app user', MISCONFIGURED, false],
  [3, 'Invalid app user or password', MISCONFIGURED, false],
  [4, 'Policy validation error', NOT_ALLOWED, false],
  [5, 'Device logon disabled', EM_DISABLED, false],
  [6, 'Database error', TRY_AGAIN, true],
  [7, 'Could not set auto-logout', TRY_AGAIN, true],
  [8, 'Query type undetermined', FAULT, false],
  [9, 'Directory user info error', ASK_IT, false],
  [10, 'App user lacks proxy rights', MISCONFIGURED, false],
  [12, 'Device profile not found', ASK_IT, false],
  [18, 'Another user is logged in', ASK_IT, false],
  [20, 'Hoteling flag error', TRY_AGAIN, true],
  [21, 'Hoteling status error', TRY_AGAIN, true],
  [22, 'Device Logon disabled', EM_DISABLED, false],
  [23, 'User not found', ASK_IT, false],
  [25, 'User logged in elsewhere', ASK_IT, false],
  [26, 'Busy, please try again', BUSY, true],
  [27, 'Password must be changed', MISCONFIGURED, false],
  [28, 'Untrusted IP', NOT_ALLOWED, false],
  [29, 'RIS data collector down', ASK_IT, false],
  [30, 'Proxy not allowed', NOT_ALLOWED, false],
  [13, 'Undocumented', REFUSED, false],
  [17, 'Undocumented', REFUSED, false],
  [24, 'Undocumented', REFUSED, false],
  [31, 'Undocumented', REFUSED, false],
  [999, 'Undocumented', REFUSED, false],
];

describe('the screen for every EM error code', function () {
  let upstream: Upstream;
  let service: TestService;

  afterEach(async function () {
    await service.close();
    await upstream.close();
  });

  for (const [code, text, message, retry] of TABLE) {
    it(`code ${code} (${text}) tells the person "${message}"${retry ? ' with Retry' : ''}`, async function () {
      const body = `<response><failure><error code="${code}">${text}</error></failure></response>`;
      upstream = await startUpstream({ body });
      service = testService({ hostPort: upstream.hostPort, client: { timeoutMs: 300 } });

      const res = await request(service.app)
        .get(`/logout/confirm?device=${DEVICE}`)
        .set('Host', 'phones.example:3000')
        .buffer(true)
        .parse(rawBody);
      const expected = screenFile('failed-by-code.template.xml')
        .replace('{{message}}', message)
        .replace('{{code}}', String(code))
        .replace('{{text}}', text)
        .replace('{{retry}}', retry ? RETRY : '');
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], 'text/xml; charset=utf-8');
      assert.equal(bodyText(res), expected);
    });
  }
});
