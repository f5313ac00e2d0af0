import assert from 'node:assert/strict';
import { EmClient, resolveEndpoint } from '../../src/em/index.js';
import { startUpstream, type Upstream } from '../support/upstream.js';

const NOBODY_LOGGED_IN = {
  kind: 'em',
  emCode: 19,
  emMessage: 'No user logged in',
  category: 'nobody-logged-in',
  description: 'EM service refused: code 19 (No user logged in): No user logged in',
};

/** Shapes beyond the fixtures that a CUCM, a proxy or a copied sample may produce. */
describe('EM answers read leniently', function () {
  let upstream: Upstream;
  let em: EmClient;

  afterEach(async function () {
    await em.close();
    await upstream.close();
  });

  async function client(body: string) {
    upstream = await startUpstream({ body });
    em = new EmClient({
      endpoints: [resolveEndpoint({ callManagerHost: upstream.hostPort })],
      credentials: { appId: 'emproxy', appCertificate: 'secret' },
      timeoutMs: 1000,
    });
    return em;
  }

  it('reads lower-case element names as CUCM camelCase ones', async function () {
    await client(
      '<response><failure><error CODE=" 19 ">No user logged in</error></failure></response>',
    );
    const outcome = await em.logout('SEP003094C25B15');
    assert.deepEqual(outcome.ok ? undefined : outcome.failure, NOBODY_LOGGED_IN);
  });

  it('reads <Response><Success/></Response> as a success', async function () {
    await client('\uFEFF  <?xml version="1.0"?>\r\n<Response><Success></Success></Response>\r\n');
    assert.equal((await em.logout('SEP003094C25B15')).ok, true);
  });

  it('takes the only device of an answer to a one-device query even without its name', async function () {
    await client(
      '<response><deviceuserresults><device><userid>a%20b%C3%A9</userid></device></deviceuserresults></response>',
    );
    const outcome = await em.deviceUser('SEP003094C25B15');
    assert.deepEqual(outcome.ok ? outcome.device : undefined, {
      deviceName: '',
      lastLogin: undefined,
      state: 'logged-in',
      userId: 'a bé',
    });
  });

  it('drops control characters XML forbids from CUCM text instead of calling the answer unreadable', async function () {
    await client(
      '<response><failure><error code="19">No user\u0001 logged in\u001F</error></failure></response>',
    );
    const outcome = await em.logout('SEP003094C25B15');
    assert.deepEqual(outcome.ok ? undefined : outcome.failure, NOBODY_LOGGED_IN);
  });

  it("reads HTML's character names, keeps unknown ones as written, and spaces text around child elements (a comment is no text)", async function () {
    await client(
      '<response><failure><error code="3">Wrong&nbsp;password &copy;<!-- c -->Cisco <b>x</b> &ldquo;tail&rdquo; &bogus;</error></failure></response>',
    );
    const outcome = await em.logout('SEP003094C25B15');
    assert.equal(
      outcome.ok ? undefined : outcome.failure.emMessage,
      'Wrong password \u00A9Cisco \u201Ctail\u201D &bogus;',
    );
  });

  it('calls an XHTML page an HTML page even though it is well-formed XML', async function () {
    await client('<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Sign in</p></body></html>');
    const outcome = await em.logout('SEP003094C25B15');
    assert.deepEqual(outcome.ok ? undefined : outcome.failure, {
      kind: 'unreadable',
      description: `EM service answer is unreadable (an HTML page): POST http://${upstream.hostPort}/emservice/EMServiceServlet`,
    });
  });

  it('refuses a second root element after the answer: a concatenated or corrupt body is not trusted', async function () {
    await client('<response><success/></response><response><failure/></response>');
    const outcome = await em.logout('SEP003094C25B15');
    assert.deepEqual(outcome.ok ? undefined : outcome.failure, {
      kind: 'unreadable',
      description:
        'EM service answer is unreadable (not XML: Extra content at the end of the document (line 1, column 32)): ' +
        `POST http://${upstream.hostPort}/emservice/EMServiceServlet`,
    });
  });

  it('uses CUCM text as given when a code carries an empty message', async function () {
    await client('<response><failure><error code="26"/></failure></response>');
    const outcome = await em.logout('SEP003094C25B15');
    assert.equal(
      outcome.ok ? undefined : outcome.failure.description,
      'EM service refused: code 26 (Busy, please try again): Busy, please try again',
    );
  });
});
