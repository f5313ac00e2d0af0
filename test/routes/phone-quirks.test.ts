import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startService, type RunningService } from '../../src/service.js';
import { parseRaw, rawRequest } from '../support/raw-http.js';
import { screenFile } from '../support/screens.js';

const silent = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));

/** What real phones do over the wire that supertest cannot: HTTP/1.0 without Host, huge requests. */
describe('phone HTTP quirks on a listening service', function () {
  let service: RunningService;
  let port: number;

  beforeEach(async function () {
    service = await startService(loadConfig({ PORT: '0', HOST: '127.0.0.1' }), silent);
    port = (service.server.address() as AddressInfo).port;
  });

  afterEach(async function () {
    await service.close();
  });

  it('builds soft key URLs from the local address for an HTTP/1.0 phone without Host', async function () {
    const request = [
      'GET /logout?device=SEP001122334455 HTTP/1.0',
      'User-Agent: Allegro-Software-WebClient/3.12',
      'x-CiscoIPPhoneModelName: CP-7921G',
      'x-CiscoIPPhoneDisplay: 176, 140, 16, C',
      'Accept-Charset: iso-8859-1',
      'Connection: Close',
      '',
      '',
    ].join('\r\n');
    const answer = parseRaw(await rawRequest(port, request));

    assert.equal(answer.status, 'HTTP/1.1 200 OK');
    assert.equal(answer.headers['content-type'], 'text/xml; charset=iso-8859-1');
    const expected = screenFile('confirm-demo-classic.xml').replaceAll(
      'http://phones.example:3000',
      `http://127.0.0.1:${port}`,
    );
    assert.equal(answer.body.toString('latin1'), expected);
  });

  it('answers a request with 20 kB of headers with a screen, not HTTP 431', async function () {
    const request = `GET /logout?device=SEP001122334455 HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`;
    const answer = parseRaw(await rawRequest(port, request));

    assert.equal(answer.status, 'HTTP/1.1 200 OK');
    assert.equal(answer.headers['content-type'], 'text/xml; charset=utf-8');
    assert.equal(answer.body.toString('utf8'), screenFile('too-large.xml'));
  });

  it('answers a 20 kB service URL with a screen, not HTTP 431', async function () {
    const request = `GET /logout?device=${'A'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`;
    const answer = parseRaw(await rawRequest(port, request));

    assert.equal(answer.status, 'HTTP/1.1 200 OK');
    assert.equal(answer.body.toString('utf8'), screenFile('too-large.xml'));
  });
});
