import assert from 'node:assert/strict';

import { startSimulator } from '../../src/simulator/server.js';
import type { RunningSimulator } from '../../src/simulator/server.js';
import { emReply, failure, loginXml, postXml, SUCCESS } from './support.js';

describe('simulator login', () => {
  let sim: RunningSimulator;

  beforeEach(async () => {
    sim = await startSimulator();
  });

  afterEach(async () => {
    await sim.close();
  });

  it('logs a user in with the default profile', async () => {
    const answer = await postXml(sim.url, loginXml('SEP00AABBCCDDEE', 'asmith'));

    assert.deepEqual(answer, emReply(SUCCESS));
    assert.deepEqual(sim.state.whoIsOn('SEP00AABBCCDDEE'), {
      kind: 'user',
      userId: 'asmith',
      profile: 'asmith-udp',
    });
  });

  it('logs a user in with a named profile', async () => {
    const answer = await postXml(sim.url, loginXml('SEP00AABBCCDDEE', 'asmith', 'asmith-udp'));

    assert.deepEqual(answer, emReply(SUCCESS));
    assert.equal(sim.state.loggedInUser('SEP00AABBCCDDEE'), 'asmith');
  });

  // Table of refusals: each leaves the device as it was.
  const refusals = [
    {
      name: 'an unknown device',
      args: ['SEP000000000000', 'asmith'],
      code: 11,
      text: 'Device does not exist',
    },
    {
      name: 'a device without EM',
      args: ['SEP0A1B2C3D4E5F', 'asmith'],
      code: 22,
      text: 'Device Logon disabled',
    },
    {
      name: 'an unknown user',
      args: ['SEP00AABBCCDDEE', 'ghost'],
      code: 23,
      text: 'User does not exist',
    },
    {
      name: 'a profile the user does not have',
      args: ['SEP00AABBCCDDEE', 'asmith', 'jdoe-udp'],
      code: 12,
      text: 'Device Profile not found',
    },
    {
      name: 'a device another user is on',
      args: ['SEP001122334455', 'asmith'],
      code: 18,
      text: 'Another user logged in',
    },
    {
      name: 'a user already logged in elsewhere',
      args: ['SEP00AABBCCDDEE', 'jdoe'],
      code: 25,
      text: 'User logged in elsewhere, multiple login not allowed',
    },
  ] as const;

  for (const { name, args, code, text } of refusals) {
    it(`answers ${code} for ${name}`, async () => {
      const [device, userId, profile] = args;
      const before = sim.state.loggedInUser(device);

      const answer = await postXml(sim.url, loginXml(device, userId, profile));

      assert.deepEqual(answer, emReply(failure(code, text)));
      assert.equal(sim.state.loggedInUser(device), before);
    });
  }
});
