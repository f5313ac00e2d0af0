import assert from 'node:assert/strict';

import { readCliConfig } from '../../src/simulator/cli-config.js';

describe('readCliConfig', () => {
  it('uses the defaults when nothing is set', () => {
    assert.deepEqual(readCliConfig({}), {
      ok: true,
      config: { host: '127.0.0.1', port: 8080, latencyMs: 0, maxConcurrent: 5 },
    });
  });

  it('treats empty variables as unset', () => {
    const env = { SIM_HOST: '', SIM_PORT: '', SIM_LATENCY_MS: '', SIM_MAX_CONCURRENT: '' };

    assert.deepEqual(readCliConfig(env), readCliConfig({}));
  });

  it('reads every variable', () => {
    const env = { SIM_HOST: '::1', SIM_PORT: '0', SIM_LATENCY_MS: '400', SIM_MAX_CONCURRENT: '3' };

    assert.deepEqual(readCliConfig(env), {
      ok: true,
      config: { host: '::1', port: 0, latencyMs: 400, maxConcurrent: 3 },
    });
  });

  const bad = [
    {
      env: { SIM_HOST: 'local host' },
      message: "SIM_HOST must be a host name or IP address, got 'local host'",
    },
    {
      env: { SIM_PORT: 'http' },
      message: "SIM_PORT must be an integer from 0 to 65535, got 'http'",
    },
    {
      env: { SIM_PORT: '65536' },
      message: "SIM_PORT must be an integer from 0 to 65535, got '65536'",
    },
    {
      env: { SIM_PORT: '80.5' },
      message: "SIM_PORT must be an integer from 0 to 65535, got '80.5'",
    },
    {
      env: { SIM_LATENCY_MS: '-1' },
      message: "SIM_LATENCY_MS must be an integer from 0 to 600000 milliseconds, got '-1'",
    },
    {
      env: { SIM_MAX_CONCURRENT: '0' },
      message: "SIM_MAX_CONCURRENT must be an integer from 1 to 100, got '0'",
    },
    {
      env: { SIM_MAX_CONCURRENT: ' 5' },
      message: "SIM_MAX_CONCURRENT must be an integer from 1 to 100, got ' 5'",
    },
  ];

  for (const { env, message } of bad) {
    it(`refuses ${JSON.stringify(env)}`, () => {
      assert.deepEqual(readCliConfig(env), { ok: false, message });
    });
  }
});
