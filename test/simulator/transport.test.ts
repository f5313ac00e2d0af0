import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { startSimulator } from '../../src/simulator/server.js';
import type { RunningSimulator } from '../../src/simulator/server.js';
import {
  DECLARATION,
  emReply,
  failure,
  lines,
  logoutXml,
  PAGE_TYPE,
  postXml,
  queryXml,
  reply,
  SERVLET,
  SUCCESS,
} from './support.js';

const PARSE_ERROR = failure(1, 'Error on Parsing');
const JDOE_QUERY = queryXml(
  '<deviceUserQuery><deviceName>SEP001122334455</deviceName></deviceUserQuery>',
);
const JDOE_RESULTS = lines(
  DECLARATION,
  '<response>',
  '<deviceUserResults>',
  '<device name="SEP001122334455">',
  '<userID>jdoe</userID>',
  '<lastlogin>jdoe</lastlogin>',
  '<emccDevice>no</emccDevice>',
  '</device>',
  '</deviceUserResults>',
  '</response>',
);

describe('simulator HTTP transport', () => {
  let sim: RunningSimulator;

  beforeEach(async () => {
    sim = await startSimulator();
  });

  afterEach(async () => {
    await sim.close();
  });

  it('gives a loopback url and hostPort on the port it got', () => {
    const port = Number(sim.hostPort.split(':')[1]);

    assert.ok(port > 0);
    assert.equal(sim.hostPort, `127.0.0.1:${port}`);
    assert.equal(sim.url, `http://127.0.0.1:${port}`);
  });

  it('accepts GET with ?xml=', async () => {
    const xml = encodeURIComponent(logoutXml('SEP001122334455'));

    const response = await fetch(`${sim.url}${SERVLET}?xml=${xml}`);

    assert.deepEqual(await reply(response), emReply(SUCCESS));
  });

  it('serves the pre-4.1 path /EMservice/EMServiceServlet', async () => {
    const answer = await postXml(sim.url, JDOE_QUERY, '/EMservice/EMServiceServlet');

    assert.deepEqual(answer, emReply(JDOE_RESULTS));
  });

  it('takes CUCM 3.3 requests on /LoginService/login.asp', async () => {
    const answer = await postXml(sim.url, logoutXml('SEP001122334455'), '/LoginService/login.asp');

    assert.deepEqual(answer, emReply(SUCCESS));
  });

  it('takes CUCM 3.3 queries on /LoginService/query.asp, in any case (IIS)', async () => {
    const answer = await postXml(sim.url, JDOE_QUERY, '/loginservice/QUERY.ASP');

    assert.deepEqual(answer, emReply(JDOE_RESULTS));
  });

  it('answers 1 for a query sent to login.asp', async () => {
    const answer = await postXml(sim.url, JDOE_QUERY, '/LoginService/login.asp');

    assert.deepEqual(answer, emReply(PARSE_ERROR));
  });

  it('answers 8 for a request sent to query.asp', async () => {
    const answer = await postXml(sim.url, logoutXml('SEP001122334455'), '/LoginService/query.asp');

    assert.deepEqual(answer, emReply(failure(8, 'Query type undetermined')));
    assert.equal(sim.state.loggedInUser('SEP001122334455'), 'jdoe');
  });

  it("answers any other path with Tomcat's 404 page", async () => {
    const fixture = await readFile('test/fixtures/em/tomcat-404.html', 'utf8');

    const response = await fetch(`${sim.url}/emservice/emserviceservlet`);

    assert.deepEqual(await reply(response), {
      status: 404,
      contentType: PAGE_TYPE,
      body: fixture.replace(SERVLET, '/emservice/emserviceservlet'),
    });
  });

  it('answers 405 with Allow for methods other than GET and POST', async () => {
    const response = await fetch(`${sim.url}${SERVLET}`, { method: 'PUT', body: 'xml=' });

    assert.equal(response.headers.get('allow'), 'GET, POST');
    assert.deepEqual(await reply(response), {
      status: 405,
      contentType: PAGE_TYPE,
      body:
        '<!doctype html><html lang="en"><head><title>HTTP Status 405 – Method Not Allowed</title>' +
        '</head><body><h1>HTTP Status 405 – Method Not Allowed</h1><hr class="line" />' +
        '<p><b>Type</b> Status Report</p><p><b>Message</b> /emservice/EMServiceServlet</p>' +
        '<p><b>Description</b> The method received in the request-line is known by the origin ' +
        'server but not supported by the target resource.</p><hr class="line" />' +
        '<h3>Apache Tomcat</h3></body></html>\n',
    });
  });

  it('answers 413 for a body over 64 KiB', async () => {
    const body = `xml=${'a'.repeat(64 * 1024)}`;

    const response = await fetch(`${sim.url}${SERVLET}`, { method: 'POST', body });

    assert.deepEqual(await reply(response), {
      status: 413,
      contentType: PAGE_TYPE,
      body:
        '<!doctype html><html lang="en"><head><title>HTTP Status 413 – Payload Too Large</title>' +
        '</head><body><h1>HTTP Status 413 – Payload Too Large</h1><hr class="line" />' +
        '<p><b>Type</b> Status Report</p><p><b>Message</b> /emservice/EMServiceServlet</p>' +
        '<p><b>Description</b> The server is refusing to process a request because the request ' +
        'content is larger than the server is willing or able to process.</p><hr class="line" />' +
        '<h3>Apache Tomcat</h3></body></html>\n',
    });
  });

  const unparsable = [
    { name: 'a form without an xml field', body: 'XML=%3Cquery%2F%3E' },
    { name: 'an empty body', body: '' },
    { name: 'text that is not XML', body: 'xml=hello' },
    { name: 'an unclosed element', body: `xml=${encodeURIComponent('<request><appInfo>')}` },
    { name: 'an unknown root element', body: `xml=${encodeURIComponent('<hello/>')}` },
    {
      name: 'an unknown request type',
      body: `xml=${encodeURIComponent('<request><restart/></request>')}`,
    },
    {
      name: 'two operations in one request',
      body: `xml=${encodeURIComponent('<request><logout/><logoutAll/></request>')}`,
    },
    {
      name: 'a DTD declaring an entity',
      body: `xml=${encodeURIComponent(
        '<!DOCTYPE request [<!ENTITY id "emlogout">]>' +
          '<request><appInfo><appID>&id;</appID></appInfo><logoutAll/></request>',
      )}`,
    },
  ];

  for (const { name, body } of unparsable) {
    it(`answers 1 for ${name}`, async () => {
      const response = await fetch(`${sim.url}${SERVLET}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });

      assert.deepEqual(await reply(response), emReply(PARSE_ERROR));
    });
  }

  it('answers 1 for raw XML posted as text/xml (no form field)', async () => {
    const response = await fetch(`${sim.url}${SERVLET}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: logoutXml('SEP001122334455'),
    });

    assert.deepEqual(await reply(response), emReply(PARSE_ERROR));
    assert.equal(sim.state.loggedInUser('SEP001122334455'), 'jdoe');
  });

  it('counts every HTTP request', async () => {
    await postXml(sim.url, JDOE_QUERY);
    await fetch(`${sim.url}/nowhere`).then((response) => response.text());

    assert.deepEqual(sim.stats, { requests: 2, throttled: 0, maxInFlight: 0 });
  });

  it('closes promptly with keep-alive connections open', async () => {
    await postXml(sim.url, JDOE_QUERY);
    const started = Date.now();

    await sim.close();

    // Node keeps idle sockets 5 s: a close that waited for them would take that long.
    assert.ok(Date.now() - started < 4000, 'close() waited for a keep-alive timeout');
  });
});

describe('startSimulator options', () => {
  const bad = [
    { options: { port: 70000 }, message: 'port must be an integer from 0 to 65535, got 70000' },
    { options: { latencyMs: -1 }, message: 'latencyMs must be milliseconds >= 0, got -1' },
    {
      options: { maxConcurrent: 0 },
      message: 'maxConcurrent must be an integer from 1 to 100, got 0',
    },
    { options: { host: ' ' }, message: 'host must be a host name or IP address, got  ' },
  ];

  for (const { options, message } of bad) {
    it(`refuses ${JSON.stringify(options)} before listening`, async () => {
      await assert.rejects(startSimulator(options), { code: 'SIM_INVALID_OPTION', message });
    });
  }
});
