import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../src/config.js';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('configuration was accepted');
}

const CA_PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

const CUCM = { CUCM_HOST: 'cucm.example.com', EM_APP_ID: 'emproxy', EM_APP_CERTIFICATE: 's3cret!' };

describe('configuration from the environment', function () {
  it('runs the demo on the embedded simulator when no CUCM is configured', function () {
    const config = loadConfig({});
    assert.equal(config.demo, true);
    assert.equal(config.port, 3000);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.logoutConfirm, true);
    assert.equal(config.publicUrl, undefined);
    assert.equal(config.logLevel, 'info');
    assert.deepEqual(config.em.endpoints, []);
    assert.equal(config.em.timeoutMs, 5000);
    assert.equal(config.em.maxConcurrency, 5);
    assert.equal(config.em.tlsInsecure, false);
  });

  it('builds one endpoint per CUCM_HOST node, in order, for CUCM_VERSION', function () {
    const config = loadConfig({
      ...CUCM,
      CUCM_HOST: 'cucm1.example.com, 10.0.0.2:8443 ,[fd00::5]',
    });
    assert.equal(config.demo, false);
    assert.deepEqual(
      config.em.endpoints.map((endpoint) => endpoint.requestUrl.href),
      [
        'http://cucm1.example.com:8080/emservice/EMServiceServlet',
        'https://10.0.0.2:8443/emservice/EMServiceServlet',
        'http://[fd00::5]:8080/emservice/EMServiceServlet',
      ],
    );
  });

  it('uses CUCM 3.3 paths when CUCM_VERSION=v333', function () {
    const config = loadConfig({ ...CUCM, CUCM_VERSION: 'v333' });
    assert.equal(
      config.em.endpoints[0]?.requestUrl.href,
      'http://cucm.example.com/LoginService/login.asp',
    );
    assert.equal(
      config.em.endpoints[0]?.queryUrl.href,
      'http://cucm.example.com/LoginService/query.asp',
    );
  });

  it('ignores EM_URL when CUCM_HOST is set, as the original action ignored Url', function () {
    const config = loadConfig({ ...CUCM, EM_URL: 'https://other.example.com/em' });
    assert.equal(config.em.endpoints[0]?.node, 'cucm.example.com:8080');
    assert.equal(config.em.endpoints.length, 1);
  });

  it('uses EM_URL as given when CUCM_HOST is not set', function () {
    const { CUCM_HOST: _unused, ...rest } = CUCM;
    const config = loadConfig({
      ...rest,
      EM_URL: 'https://cucm.example.com:8443/emservice/EMServiceServlet',
    });
    assert.equal(
      config.em.endpoints[0]?.requestUrl.href,
      'https://cucm.example.com:8443/emservice/EMServiceServlet',
    );
  });

  it('reads every other variable', function () {
    const config = loadConfig({
      ...CUCM,
      PORT: '8081',
      HOST: '127.0.0.1',
      EM_TIMEOUT_MS: '3000',
      EM_MAX_CONCURRENCY: '3',
      LOGOUT_CONFIRM: 'false',
      PUBLIC_URL: 'http://emlogout.example.com:8081/',
      LOG_LEVEL: 'warn',
      EM_TLS_INSECURE: 'true',
    });
    assert.equal(config.port, 8081);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.em.timeoutMs, 3000);
    assert.equal(config.em.maxConcurrency, 3);
    assert.equal(config.logoutConfirm, false);
    assert.equal(config.publicUrl?.href, 'http://emlogout.example.com:8081/');
    assert.equal(config.logLevel, 'warn');
    assert.equal(config.em.tlsInsecure, true);
  });

  it('reads the password and CA from files, without the trailing newline', function () {
    const dir = mkdtempSync(join(tmpdir(), 'em-logout-config-'));
    try {
      writeFileSync(join(dir, 'secret'), 'p&ss<1+2%\n');
      writeFileSync(join(dir, 'ca.pem'), CA_PEM);
      const config = loadConfig({
        CUCM_HOST: 'cucm',
        EM_APP_ID: 'emproxy',
        EM_APP_CERTIFICATE_FILE: join(dir, 'secret'),
        EM_CA_FILE: join(dir, 'ca.pem'),
      });
      assert.equal(config.em.appCertificate, 'p&ss<1+2%');
      assert.equal(config.em.ca?.toString(), CA_PEM);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  const invalid: [string, Record<string, string>, string[]][] = [
    [
      'PORT not a number',
      { PORT: 'http' },
      ["PORT must be a whole number from 0 to 65535, got 'http'"],
    ],
    [
      'PORT out of range',
      { PORT: '70000' },
      ["PORT must be a whole number from 0 to 65535, got '70000'"],
    ],
    [
      'CUCM_HOST with a path',
      { ...CUCM, CUCM_HOST: 'cucm/emservice' },
      [
        "CUCM_HOST must be a comma-separated list of host, host:port or [IPv6]:port, got 'cucm/emservice'",
      ],
    ],
    [
      'CUCM_HOST with an empty item',
      { ...CUCM, CUCM_HOST: 'a,,b' },
      ["CUCM_HOST must not contain an empty item, got 'a,,b'"],
    ],
    [
      'EM_URL with credentials',
      { EM_APP_ID: 'x', EM_APP_CERTIFICATE: 'y', EM_URL: 'http://u:p@cucm/em' },
      [
        "EM_URL must be a comma-separated list of absolute http(s) URLs without credentials, got 'http://***@cucm/em'",
      ],
    ],
    [
      'CUCM_VERSION unknown',
      { ...CUCM, CUCM_VERSION: '12.5' },
      ["CUCM_VERSION must be v333, other or Undefined, got '12.5'"],
    ],
    [
      'CUCM without application user',
      { CUCM_HOST: 'cucm' },
      [
        'EM_APP_ID is required when CUCM_HOST or EM_URL is set: the application user with Standard EM Authentication Proxy Rights',
        'EM_APP_CERTIFICATE (or EM_APP_CERTIFICATE_FILE) is required when CUCM_HOST or EM_URL is set: the password of EM_APP_ID',
      ],
    ],
    [
      'both password sources',
      { ...CUCM, EM_APP_CERTIFICATE_FILE: '/nonexistent/secret' },
      [
        'EM_APP_CERTIFICATE and EM_APP_CERTIFICATE_FILE are both set: keep one',
        "EM_APP_CERTIFICATE_FILE must name a readable file, got '/nonexistent/secret' (ENOENT)",
      ],
    ],
    [
      'EM_TIMEOUT_MS too small',
      { EM_TIMEOUT_MS: '10' },
      ["EM_TIMEOUT_MS must be a whole number from 100 to 60000, got '10'"],
    ],
    [
      'EM_MAX_CONCURRENCY zero',
      { EM_MAX_CONCURRENCY: '0' },
      ["EM_MAX_CONCURRENCY must be a whole number from 1 to 100, got '0'"],
    ],
    [
      'LOGOUT_CONFIRM not a boolean',
      { LOGOUT_CONFIRM: 'maybe' },
      ["LOGOUT_CONFIRM must be true or false, got 'maybe'"],
    ],
    [
      'EM_TLS_INSECURE not a boolean',
      { EM_TLS_INSECURE: 'y' },
      ["EM_TLS_INSECURE must be true or false, got 'y'"],
    ],
    [
      'PUBLIC_URL relative',
      { PUBLIC_URL: 'emlogout:3000' },
      [
        "PUBLIC_URL must be an absolute http(s) URL of at most 120 characters without query, fragment or credentials, such as http://emlogout.example.com:3000, got 'emlogout:3000'",
      ],
    ],
    [
      'LOG_LEVEL unknown',
      { LOG_LEVEL: 'loud' },
      ["LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got 'loud'"],
    ],
  ];

  const publicUrlProblem = (value: string) =>
    `PUBLIC_URL must be an absolute http(s) URL of at most 120 characters without query, fragment or credentials, such as http://emlogout.example.com:3000, got '${value}'`;
  invalid.push(
    [
      'PUBLIC_URL with a bare fragment',
      { PUBLIC_URL: 'http://em.example.com:3000/#' },
      [publicUrlProblem('http://em.example.com:3000/#')],
    ],
    [
      'PUBLIC_URL with a bare query',
      { PUBLIC_URL: 'http://em.example.com/?' },
      [publicUrlProblem('http://em.example.com/?')],
    ],
    [
      'PUBLIC_URL with a password only',
      { PUBLIC_URL: 'http://:pw@host.example' },
      [publicUrlProblem('http://***@host.example')],
    ],
    [
      'PUBLIC_URL too long for soft key URLs',
      { PUBLIC_URL: `http://host.example/${'p'.repeat(120)}` },
      [publicUrlProblem(`http://host.example/${'p'.repeat(57)}...`)],
    ],
    [
      'CUCM_HOST with credentials, masked in the message',
      { ...CUCM, CUCM_HOST: 'u:SECRETPW@127.0.0.1' },
      [
        "CUCM_HOST must be a comma-separated list of host, host:port or [IPv6]:port, got '***@127.0.0.1'",
      ],
    ],
  );

  for (const [name, env, expected] of invalid) {
    it(`stops start-up naming the variable: ${name}`, function () {
      assert.deepEqual(problemsOf(env), expected);
    });
  }

  it('refuses a CA file that holds no certificate, and a password file of blanks', function () {
    const dir = mkdtempSync(join(tmpdir(), 'em-logout-config-'));
    try {
      writeFileSync(join(dir, 'ca.txt'), 'not a certificate');
      writeFileSync(join(dir, 'secret'), '   \n');
      const { EM_APP_CERTIFICATE: _unused, ...rest } = CUCM;
      assert.deepEqual(
        problemsOf({
          ...rest,
          EM_APP_CERTIFICATE_FILE: join(dir, 'secret'),
          EM_CA_FILE: join(dir, 'ca.txt'),
        }),
        [
          `EM_APP_CERTIFICATE_FILE must hold the password of EM_APP_ID, but '${join(dir, 'secret')}' is empty`,
          `EM_CA_FILE must be a PEM file with at least one certificate, got '${join(dir, 'ca.txt')}'`,
        ],
      );
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('never repeats the password in a message', function () {
    const problems = problemsOf({ ...CUCM, EM_APP_ID: '', PORT: 'x' });
    assert.equal(problems.join('\n').includes('s3cret!'), false);
    assert.equal(problems.length, 2);
  });
});
