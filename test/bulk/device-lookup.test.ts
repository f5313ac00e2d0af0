import assert from 'node:assert/strict';
import { isBulkOptionError, lookUpDevices } from '../../src/bulk/index.js';
import { floorDevices, floorSeed, Opened } from './support.js';

describe('lookUpDevices', () => {
  const opened = new Opened();
  afterEach(() => opened.close());

  it('tells who is on each device, in the order asked', async () => {
    const simulator = await opened.simulator();
    const client = opened.client(simulator);

    const run = await lookUpDevices(client, [
      'SEPAABBCCDDEEFF',
      'SEP00AABBCCDDEE',
      'SEPFFFFFFFFFFFF',
      'SEP001122334455',
    ]);

    assert.deepEqual(run, {
      lookups: [
        {
          device: 'SEPAABBCCDDEEFF',
          state: 'logged-in',
          userId: 'renée.müller@example.com',
          lastLogin: 'renée.müller@example.com',
        },
        { device: 'SEP00AABBCCDDEE', state: 'nobody', lastLogin: undefined },
        { device: 'SEPFFFFFFFFFFFF', state: 'unknown-device' },
        { device: 'SEP001122334455', state: 'logged-in', userId: 'jdoe', lastLogin: 'jdoe' },
      ],
      queries: 1,
      interrupted: false,
    });
  });

  it('asks for 50 devices per query', async () => {
    const simulator = await opened.simulator({ seed: floorSeed(120) });
    const client = opened.client(simulator);

    const run = await lookUpDevices(client, floorDevices(120), { concurrency: 2 });

    assert.equal(run.queries, 3);
    assert.equal(simulator.stats.requests, 3);
    assert.deepEqual(
      run.lookups.map((lookup) => lookup.device),
      floorDevices(120),
    );
    assert.ok(run.lookups.every((lookup) => lookup.state === 'logged-in'));
  });

  it('reports every device of a failed query as failed', async () => {
    const simulator = await opened.simulator();
    const client = opened.client(simulator, {
      credentials: { appId: 'noproxy', appCertificate: 'noproxy-secret' },
    });

    const run = await lookUpDevices(client, ['SEP001122334455', 'SEP00AABBCCDDEE']);

    const failure = {
      kind: 'em',
      emCode: 10,
      emMessage: 'User does not have proxy rights',
      category: 'service-misconfigured',
      description:
        'EM service refused: code 10 (Application user lacks proxy rights): User does not have proxy rights',
    };
    assert.deepEqual(run.lookups, [
      { device: 'SEP001122334455', state: 'failed', failure },
      { device: 'SEP00AABBCCDDEE', state: 'failed', failure },
    ]);
  });

  it('stops asking when aborted', async () => {
    const simulator = await opened.simulator({ seed: floorSeed(100) });
    const client = opened.client(simulator);

    const run = await lookUpDevices(client, floorDevices(100), {
      chunkSize: 10,
      signal: AbortSignal.abort(),
    });

    assert.deepEqual(run, { lookups: [], queries: 0, interrupted: true });
    assert.equal(simulator.stats.requests, 0);
  });

  it('refuses a chunk size that is not a positive integer', async () => {
    const simulator = await opened.simulator();
    const client = opened.client(simulator);

    await assert.rejects(
      lookUpDevices(client, ['SEP001122334455'], { chunkSize: 0 }),
      (error: unknown) =>
        isBulkOptionError(error) && error.message === 'chunkSize must be a positive integer, got 0',
    );
  });
});
