import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { generate } from 'selfsigned';
import request from 'supertest';
import { loadConfig } from '../../src/config.js';
import { EmClient, resolveEndpoint } from '../../src/em/index.js';
import { createLogger } from '../../src/logger.js';
import { startService, type RunningService } from '../../src/service.js';
import { emFixture } from '../support/upstream.js';
import { bodyText, rawBody, screenFile } from '../support/screens.js';
import { testService } from '../support/service.js';

const silent = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));

/** CUCM's Tomcat on 8443 with a self-signed certificate, made for this test run only. */
describe('HTTPS to the EM service with a self-signed certificate', function () {
  let pems: { cert: string; private: string };
  let server: Server;
  let hostPort: string;
  let dir: string;

  before(async function () {
    this.timeout(20_000);
    pems = await generate([{ name: 'commonName', value: 'cucm.test' }], {
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    dir = mkdtempSync(join(tmpdir(), 'em-logout-tls-'));
    writeFileSync(join(dir, 'cucm.pem'), pems.cert);
  });

  after(function () {
    rmSync(dir, { recursive: true });
  });

  beforeEach(async function () {
    server = createServer({ cert: pems.cert, key: pems.private }, async (req, res) => {
      let body = '';
      for await (const chunk of req) body += String(chunk);
      const query = decodeURIComponent(body).includes('deviceUserQuery');
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(emFixture(query ? 'query-does-not-exist.xml' : 'logout-success.xml'));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    hostPort = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async function () {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  function client(tls: { ca?: string; rejectUnauthorized?: boolean }) {
    return new EmClient({
      endpoints: [resolveEndpoint({ callManagerHost: `https://${hostPort}` })],
      credentials: { appId: 'emproxy', appCertificate: 'secret' },
      timeoutMs: 2000,
      tls,
    });
  }

  it('logs out when the certificate is trusted through EM_CA_FILE', async function () {
    const em = client({ ca: pems.cert });
    try {
      const outcome = await em.logout('SEP003094C25B15');
      assert.equal(outcome.ok, true);
    } finally {
      await em.close();
    }
  });

  it('names a certificate it cannot verify as a TLS failure, on the phone too', async function () {
    const em = client({});
    try {
      const outcome = await em.logout('SEP003094C25B15');
      assert.equal(outcome.ok, false);
      assert.deepEqual(outcome.ok ? undefined : outcome.failure, {
        kind: 'network',
        reason: 'tls',
        description: `TLS handshake with the EM service failed (DEPTH_ZERO_SELF_SIGNED_CERT): POST https://${hostPort}/emservice/EMServiceServlet`,
      });
    } finally {
      await em.close();
    }

    const service = testService({
      hostPort: `https://${hostPort}`,
      confirm: false,
    });
    try {
      const res = await request(service.app)
        .get('/logout?device=SEP003094C25B15')
        .set('Host', 'phones.example:3000')
        .buffer(true)
        .parse(rawBody);
      assert.equal(res.status, 200);
      assert.equal(bodyText(res), screenFile('failed-tls.xml'));
    } finally {
      await service.close();
    }
  });

  it('skips verification only when told to (EM_TLS_INSECURE)', async function () {
    const em = client({ rejectUnauthorized: false });
    try {
      assert.equal((await em.logout('SEP003094C25B15')).ok, true);
    } finally {
      await em.close();
    }
  });

  describe('as configured from the environment', function () {
    let service: RunningService | undefined;

    afterEach(async function () {
      await service?.close();
      service = undefined;
    });

    const base = () => ({
      PORT: '0',
      HOST: '127.0.0.1',
      CUCM_HOST: `https://${hostPort}`,
      EM_APP_ID: 'emproxy',
      EM_APP_CERTIFICATE: 'secret',
    });

    it('trusts EM_CA_FILE and reports ready without warnings', async function () {
      service = await startService(
        loadConfig({ ...base(), EM_CA_FILE: join(dir, 'cucm.pem') }),
        silent,
      );
      const res = await request(service.server).get('/readyz');
      assert.equal(res.status, 200);
      assert.equal((res.body as { node: string }).node, hostPort);
      assert.deepEqual((res.body as { warnings: string[] }).warnings, []);
    });

    it('warns in every readiness answer while EM_TLS_INSECURE=true', async function () {
      service = await startService(loadConfig({ ...base(), EM_TLS_INSECURE: 'true' }), silent);
      for (let i = 0; i < 2; i += 1) {
        const res = await request(service.server).get('/readyz');
        assert.deepEqual((res.body as { warnings: string[] }).warnings, [
          'EM_TLS_INSECURE=true: the EM service certificate is NOT verified',
        ]);
      }
    });
  });
});
