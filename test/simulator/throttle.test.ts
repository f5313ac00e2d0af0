import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';

import { startSimulator } from '../../src/simulator/server.js';
import type { RunningSimulator } from '../../src/simulator/server.js';
import {
  DECLARATION,
  emReply,
  failure,
  lines,
  logoutXml,
  postXml,
  queryXml,
  SUCCESS,
} from './support.js';

const BUSY = failure(26, 'Busy, please try again');

/** Polls until the simulator reports `count` operations holding a slot. */
async function untilInFlight(sim: RunningSimulator, count: number): Promise<void> {
  const deadline = Date.now() + 2000;
  while (sim.stats.maxInFlight < count) {
    if (Date.now() > deadline) throw new Error(`never saw ${count} operations in flight`);
    await sleep(2);
  }
}

describe('simulator throttle (Maximum Concurrent Requests)', () => {
  let sim: RunningSimulator;

  beforeEach(async () => {
    sim = await startSimulator({ maxConcurrent: 2, latencyMs: 50 });
  });

  afterEach(async () => {
    await sim.close();
  });

  it('answers 26 at once to an operation past the limit', async () => {
    const held = Promise.all([
      postXml(sim.url, logoutXml('SEP001122334455')),
      postXml(sim.url, logoutXml('SEPAABBCCDDEEFF')),
    ]);
    await untilInFlight(sim, 2);

    const refused = await postXml(sim.url, logoutXml('SEP112233445566'));

    assert.deepEqual(refused, emReply(BUSY));
    assert.deepEqual(await held, [emReply(SUCCESS), emReply(SUCCESS)]);
    assert.equal(sim.state.loggedInUser('SEP112233445566'), "o'brien&co");
    assert.deepEqual(sim.stats, { requests: 3, throttled: 1, maxInFlight: 2 });
  });

  it('frees the slot when an operation ends', async () => {
    await Promise.all([
      postXml(sim.url, logoutXml('SEP001122334455')),
      postXml(sim.url, logoutXml('SEPAABBCCDDEEFF')),
    ]);

    const next = await postXml(sim.url, logoutXml('SEP112233445566'));

    assert.deepEqual(next, emReply(SUCCESS));
    assert.equal(sim.stats.throttled, 0);
  });

  it('does not count queries against the limit', async () => {
    const held = Promise.all([
      postXml(sim.url, logoutXml('SEP001122334455')),
      postXml(sim.url, logoutXml('SEPAABBCCDDEEFF')),
    ]);
    await untilInFlight(sim, 2);
    const inner = '<userDevicesQuery><userID>asmith</userID></userDevicesQuery>';

    const answer = await postXml(sim.url, queryXml(inner));

    assert.deepEqual(
      answer,
      emReply(
        lines(
          DECLARATION,
          '<response>',
          '<userDevicesResults>',
          '<user id="asmith">',
          '<none/>',
          '</user>',
          '</userDevicesResults>',
          '</response>',
        ),
      ),
    );
    assert.equal(sim.stats.throttled, 0);
    await held;
  });

  it('changes the state only when the operation completes', async () => {
    const held = postXml(sim.url, logoutXml('SEP001122334455'));
    await untilInFlight(sim, 1);

    assert.equal(sim.state.loggedInUser('SEP001122334455'), 'jdoe');
    await held;
    assert.equal(sim.state.loggedInUser('SEP001122334455'), undefined);
  });

  it('close() cuts the latency of operations in flight short', async () => {
    await sim.close();
    sim = await startSimulator({ latencyMs: 60_000 });
    const held = postXml(sim.url, logoutXml('SEP001122334455'));
    await untilInFlight(sim, 1);

    // A close that waited for the 60 s latency would outlast mocha's 10 s timeout.
    await sim.close();

    await assert.rejects(held);
    assert.equal(sim.state.loggedInUser('SEP001122334455'), 'jdoe');
  });
});
