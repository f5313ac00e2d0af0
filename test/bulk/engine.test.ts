import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  isBulkOptionError,
  isBulkResultHandlerError,
  runBulkLogout,
  type BulkResult,
  type LogoutClient,
} from '../../src/bulk/index.js';
import type { LogoutOutcome } from '../../src/em/index.js';
import { countLogouts, floorDevices, floorSeed, Opened } from './support.js';

function items(devices: readonly string[]): { device: string }[] {
  return devices.map((device) => ({ device }));
}

/** A result as compared: everything but the item and the time it took. */
function comparable(result: BulkResult): Record<string, unknown> {
  const { item: _item, durationMs: _durationMs, ...rest } = result;
  return rest;
}

const BUSY: LogoutOutcome = {
  ok: false,
  node: 'stub',
  attempts: 1,
  durationMs: 0,
  failure: {
    kind: 'em',
    emCode: 26,
    emMessage: 'Busy, please try again',
    category: 'busy',
    description: 'EM service refused: code 26 (Busy, please try again): Busy, please try again',
  },
};

const SUCCESS: LogoutOutcome = {
  ok: true,
  repeated: false,
  node: 'stub',
  attempts: 1,
  durationMs: 0,
};

describe('runBulkLogout', () => {
  const opened = new Opened();
  afterEach(() => opened.close());

  it('logs out, counts nobody-logged-in as done, and reports EM refusals as failed', async () => {
    const simulator = await opened.simulator();
    const client = opened.client(simulator);
    const results: BulkResult[] = [];

    const summary = await runBulkLogout(
      client,
      items(['SEP001122334455', 'SEP00AABBCCDDEE', 'SEP0A1B2C3D4E5F', 'SEPFFFFFFFFFFFF']),
      { maxConcurrency: 5, onResult: (result) => results.push(result) },
    );

    results.sort((a, b) => a.device.localeCompare(b.device));
    assert.deepEqual(results.map(comparable), [
      {
        device: 'SEP001122334455',
        outcome: 'logged-out',
        emCode: undefined,
        message: 'logged out',
        failure: undefined,
        attempts: 1,
      },
      {
        device: 'SEP00AABBCCDDEE',
        outcome: 'nobody',
        emCode: 19,
        message: 'No user logged in',
        failure: undefined,
        attempts: 1,
      },
      {
        device: 'SEP0A1B2C3D4E5F',
        outcome: 'failed',
        emCode: 22,
        message: 'EM service refused: code 22 (Device logon disabled): Device Logon disabled',
        failure: {
          kind: 'em',
          emCode: 22,
          emMessage: 'Device Logon disabled',
          category: 'em-disabled',
          description: 'EM service refused: code 22 (Device logon disabled): Device Logon disabled',
        },
        attempts: 1,
      },
      {
        device: 'SEPFFFFFFFFFFFF',
        outcome: 'failed',
        emCode: 11,
        message: 'EM service refused: code 11 (Device does not exist): Device does not exist',
        failure: {
          kind: 'em',
          emCode: 11,
          emMessage: 'Device does not exist',
          category: 'unknown-device',
          description: 'EM service refused: code 11 (Device does not exist): Device does not exist',
        },
        attempts: 1,
      },
    ]);
    assert.deepEqual(summary.counts, { 'logged-out': 1, nobody: 1, failed: 2 });
    assert.equal(summary.done, 4);
    assert.equal(summary.interrupted, false);
  });

  it('adapts to a CUCM that takes fewer at once than allowed: no device fails with 26', async () => {
    const devices = floorDevices(60);
    const simulator = await opened.simulator({
      latencyMs: 10,
      maxConcurrent: 2,
      seed: floorSeed(60),
    });
    const logouts = countLogouts(simulator);
    const client = opened.client(simulator, { maxConcurrency: 5 });
    const results: BulkResult[] = [];

    const summary = await runBulkLogout(client, items(devices), {
      maxConcurrency: 5,
      onResult: (result) => results.push(result),
    });

    assert.deepEqual(summary.counts, { 'logged-out': 60, nobody: 0, failed: 0 });
    assert.deepEqual(
      results.filter((result) => result.emCode === 26),
      [],
    );
    assert.ok(simulator.stats.throttled > 0, 'CUCM must have refused some at first');
    assert.equal(summary.busyAnswers, simulator.stats.throttled);
    // The window settles at CUCM's limit: refusals are a small share of the requests.
    assert.ok(summary.busyAnswers <= 15, `too many refusals: ${summary.busyAnswers}`);
    assert.ok(summary.maxInFlight <= 5);
    // At CUCM's limit, or one above it while probing for more.
    assert.ok(summary.window <= 3, `window: ${summary.window}`);
    assert.deepEqual(
      [...logouts.values()],
      Array.from({ length: 60 }, () => 1),
    );
  });

  it('works with a client that retries busy answers itself', async () => {
    const simulator = await opened.simulator({
      latencyMs: 5,
      maxConcurrent: 2,
      seed: floorSeed(30),
    });
    const client = opened.client(simulator, {
      maxConcurrency: 5,
      retryBusy: true,
      retry: { baseMs: 5, capMs: 20 },
    });

    const summary = await runBulkLogout(client, items(floorDevices(30)), { maxConcurrency: 5 });

    assert.deepEqual(summary.counts, { 'logged-out': 30, nobody: 0, failed: 0 });
  });

  it('never has more requests in flight than maxConcurrency', async () => {
    let inFlight = 0;
    let most = 0;
    const client: LogoutClient = {
      async logout() {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await sleep(2);
        inFlight -= 1;
        return SUCCESS;
      },
    };

    const summary = await runBulkLogout(client, items(floorDevices(40)), { maxConcurrency: 3 });

    assert.equal(most, 3);
    assert.equal(summary.maxInFlight, 3);
    assert.equal(summary.done, 40);
  });

  it('reports a device as failed with 26 once it has had maxAnswers busy answers', async () => {
    let calls = 0;
    const client: LogoutClient = {
      logout: () => {
        calls += 1;
        return Promise.resolve(BUSY);
      },
    };
    const results: BulkResult[] = [];

    const summary = await runBulkLogout(client, items(['SEP001122334455']), {
      maxConcurrency: 1,
      busyRetry: { maxAnswers: 3, baseMs: 1, capMs: 2 },
      onResult: (result) => results.push(result),
    });

    assert.equal(calls, 3);
    assert.deepEqual(results.map(comparable), [
      {
        device: 'SEP001122334455',
        outcome: 'failed',
        emCode: 26,
        message: BUSY.ok ? '' : BUSY.failure.description,
        failure: BUSY.ok ? undefined : BUSY.failure,
        attempts: 3,
      },
    ]);
    assert.equal(summary.busyAnswers, 3);
  });

  it('stops sending when aborted, and reports every request that was in flight', async () => {
    const simulator = await opened.simulator({ latencyMs: 20, seed: floorSeed(30) });
    const client = opened.client(simulator, { maxConcurrency: 2 });
    const controller = new AbortController();
    const results: BulkResult[] = [];

    const summary = await runBulkLogout(client, items(floorDevices(30)), {
      maxConcurrency: 2,
      signal: controller.signal,
      onResult: (result) => {
        results.push(result);
        if (results.length === 4) controller.abort();
      },
    });

    const loggedOut = simulator.state
      .devices()
      .filter((device) => device.userId === undefined)
      .map((device) => device.name);
    assert.equal(summary.interrupted, true);
    assert.ok(summary.done >= 4 && summary.done <= 6, `done: ${summary.done}`);
    assert.deepEqual(results.map((result) => result.device).sort(), loggedOut.sort());
    assert.equal(simulator.stats.requests, summary.done);
  });

  it('does not call a run interrupted when the abort comes after the last device', async () => {
    const controller = new AbortController();
    const client: LogoutClient = {
      logout: (device) => {
        if (device === 'SEP000000000003') controller.abort();
        return Promise.resolve(SUCCESS);
      },
    };

    const summary = await runBulkLogout(client, items(floorDevices(3)), {
      maxConcurrency: 1,
      signal: controller.signal,
    });

    assert.equal(summary.interrupted, false);
    assert.equal(summary.done, 3);
  });

  it('stops at once and rejects when onResult throws, after the requests in flight', async () => {
    const simulator = await opened.simulator({ latencyMs: 10, seed: floorSeed(20) });
    const client = opened.client(simulator, { maxConcurrency: 2 });

    await assert.rejects(
      runBulkLogout(client, items(floorDevices(20)), {
        maxConcurrency: 2,
        onResult: () => {
          throw new Error('disk full');
        },
      }),
      (error: unknown) =>
        isBulkResultHandlerError(error) &&
        error.code === 'BULK_RESULT_HANDLER' &&
        error.message === 'handling the result of SEP000000000001 failed: disk full',
    );
    assert.ok(simulator.stats.requests <= 2, `requests: ${simulator.stats.requests}`);
  });

  it('takes devices from an async iterable', async () => {
    const simulator = await opened.simulator({ seed: floorSeed(5) });
    const client = opened.client(simulator);
    async function* source() {
      for (const device of floorDevices(5)) yield { device };
    }

    const summary = await runBulkLogout(client, source(), { maxConcurrency: 2 });

    assert.deepEqual(summary.counts, { 'logged-out': 5, nobody: 0, failed: 0 });
  });

  it('reports a device this process logged out moments before as nobody logged in (19)', async () => {
    const client: LogoutClient = {
      logout: () => Promise.resolve({ ...SUCCESS, repeated: true }),
    };
    const results: BulkResult[] = [];

    const summary = await runBulkLogout(client, items(['SEP001122334455']), {
      maxConcurrency: 1,
      onResult: (result) => results.push(result),
    });

    assert.deepEqual(summary.counts, { 'logged-out': 0, nobody: 1, failed: 0 });
    assert.deepEqual(results.map(comparable), [
      {
        device: 'SEP001122334455',
        outcome: 'nobody',
        emCode: 19,
        message: 'No user logged in (logged out by this service moments before)',
        failure: undefined,
        attempts: 1,
      },
    ]);
  });

  it('stops at an abort without waiting for a slow async source', async () => {
    const controller = new AbortController();
    const client: LogoutClient = { logout: () => Promise.resolve(SUCCESS) };
    let releaseSource: () => void = () => undefined;
    const sourceWaits = new Promise<void>((resolve) => (releaseSource = resolve));
    async function* source() {
      yield { device: 'SEP000000000001' };
      yield { device: 'SEP000000000002' };
      await sourceWaits;
      yield { device: 'SEP000000000003' };
    }
    const sent: string[] = [];
    let settled = false;

    const run = runBulkLogout(client, source(), {
      maxConcurrency: 2,
      signal: controller.signal,
      onResult: (result) => {
        sent.push(result.device);
        if (sent.length === 2) setImmediate(() => controller.abort());
      },
    }).finally(() => (settled = true));
    // However long the source would wait, the run ends once the abort is seen.
    const summary = await Promise.race([run, sleep(5000).then(() => undefined)]);
    releaseSource();

    assert.equal(settled, true, 'the run waited for the source');
    assert.equal(summary?.interrupted, true);
    assert.deepEqual(summary?.counts, { 'logged-out': 2, nobody: 0, failed: 0 });
    assert.deepEqual(sent, ['SEP000000000001', 'SEP000000000002']);
  });

  it('refuses options out of range before sending anything', async () => {
    const client: LogoutClient = { logout: () => Promise.resolve(SUCCESS) };

    await assert.rejects(
      runBulkLogout(client, items(['SEP001122334455']), { maxConcurrency: 0 }),
      (error: unknown) =>
        isBulkOptionError(error) &&
        error.message === 'maxConcurrency must be a positive integer, got 0',
    );
    await assert.rejects(
      runBulkLogout(client, items(['SEP001122334455']), {
        maxConcurrency: 1,
        busyRetry: { maxAnswers: 0 },
      }),
      (error: unknown) =>
        isBulkOptionError(error) &&
        error.message === 'busyRetry.maxAnswers must be a positive integer, got 0',
    );
  });
});
