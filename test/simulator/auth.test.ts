import assert from 'node:assert/strict';

import { startSimulator } from '../../src/simulator/server.js';
import type { RunningSimulator } from '../../src/simulator/server.js';
import {
  appInfo,
  emReply,
  failure,
  logoutXml,
  postXml,
  reply,
  SERVLET,
  SUCCESS,
} from './support.js';

const TRICKY_PASSWORD = 'p&ss<1+2%';

describe('simulator application-user checks', () => {
  let sim: RunningSimulator;

  beforeEach(async () => {
    sim = await startSimulator({
      seed: {
        appUsers: [
          { id: 'tricky', password: TRICKY_PASSWORD, proxyRights: true },
          { id: 'noproxy', password: 'noproxy-secret', proxyRights: false },
        ],
        users: [{ id: 'jdoe', profiles: ['jdoe-udp'] }],
        devices: [{ name: 'SEP001122334455', emEnabled: true, user: 'jdoe' }],
      },
    });
  });

  afterEach(async () => {
    await sim.close();
  });

  it('answers 2 for a blank appID', async () => {
    const answer = await postXml(sim.url, logoutXml('SEP001122334455', appInfo('', 'x')));

    assert.deepEqual(answer, emReply(failure(2, 'Cannot authorize App user')));
  });

  it('answers 2 for a blank appCertificate', async () => {
    const answer = await postXml(sim.url, logoutXml('SEP001122334455', appInfo('tricky', ' ')));

    assert.deepEqual(answer, emReply(failure(2, 'Cannot authorize App user')));
  });

  it('answers 2 when appInfo is missing', async () => {
    const answer = await postXml(sim.url, logoutXml('SEP001122334455', ''));

    assert.deepEqual(answer, emReply(failure(2, 'Cannot authorize App user')));
  });

  it('answers 3 naming the unknown app user', async () => {
    const answer = await postXml(sim.url, logoutXml('SEP001122334455', appInfo('emproxy', 'x')));

    assert.deepEqual(answer, emReply(failure(3, "Could not authenticate 'emproxy'")));
  });

  it('answers 3 for a wrong password without echoing it', async () => {
    const app = appInfo('tricky', 'wrong<secret>');

    const answer = await postXml(sim.url, logoutXml('SEP001122334455', app));

    assert.deepEqual(answer, emReply(failure(3, "Could not authenticate 'tricky'")));
  });

  it('escapes the app id it echoes in code 3', async () => {
    const answer = await postXml(sim.url, logoutXml('SEP001122334455', appInfo('a<b&c', 'x')));

    assert.deepEqual(answer, emReply(failure(3, "Could not authenticate 'a&lt;b&amp;c'")));
  });

  it('answers 10 for an app user without proxy rights', async () => {
    const app = appInfo('noproxy', 'noproxy-secret');

    const answer = await postXml(sim.url, logoutXml('SEP001122334455', app));

    assert.deepEqual(answer, emReply(failure(10, 'User does not have proxy rights')));
    assert.equal(sim.state.loggedInUser('SEP001122334455'), 'jdoe');
  });

  it('authenticates p&ss<1+2% sent XML-escaped, then form-encoded', async () => {
    const answer = await postXml(
      sim.url,
      logoutXml('SEP001122334455', appInfo('tricky', TRICKY_PASSWORD)),
    );

    assert.deepEqual(answer, emReply(SUCCESS));
  });

  it('takes a password in CDATA literally', async () => {
    const password = `<appCertificate><![CDATA[${TRICKY_PASSWORD}]]></appCertificate>`;
    const app = `<appInfo><appID>tricky</appID>${password}</appInfo>`;

    const answer = await postXml(sim.url, logoutXml('SEP001122334455', app));

    assert.deepEqual(answer, emReply(SUCCESS));
  });

  it('answers 1 when the password is not XML-escaped', async () => {
    const password = `<appCertificate>${TRICKY_PASSWORD}</appCertificate>`;
    const app = `<appInfo><appID>tricky</appID>${password}</appInfo>`;

    const answer = await postXml(sim.url, logoutXml('SEP001122334455', app));

    assert.deepEqual(answer, emReply(failure(1, 'Error on Parsing')));
  });

  it('answers 1 when the XML is not form-encoded', async () => {
    // "&" splits the form field and "+" turns into a space: the xml field is cut short.
    const xml = logoutXml('SEP001122334455', appInfo('tricky', TRICKY_PASSWORD));

    const response = await fetch(`${sim.url}${SERVLET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `xml=${xml}`,
    });

    assert.deepEqual(await reply(response), emReply(failure(1, 'Error on Parsing')));
  });

  it('answers 3 when the form-encoding leaves "+" as it is', async () => {
    // Well-formed XML, but a raw "+" in a form value means a space.
    const xml = logoutXml('SEP001122334455', appInfo('tricky', TRICKY_PASSWORD));
    const body = `xml=${encodeURIComponent(xml).replace('%2B', '+')}`;

    const response = await fetch(`${sim.url}${SERVLET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });

    assert.deepEqual(await reply(response), emReply(failure(3, "Could not authenticate 'tricky'")));
  });
});
