import assert from 'node:assert/strict';

import { startSimulator } from '../../src/simulator/server.js';
import type { RunningSimulator } from '../../src/simulator/server.js';
import { appInfo, emReply, failure, logoutXml, postXml, SUCCESS } from './support.js';

describe('simulator logout', () => {
  let sim: RunningSimulator;

  beforeEach(async () => {
    sim = await startSimulator();
  });

  afterEach(async () => {
    await sim.close();
  });

  it('logs the user out, then answers 19 when asked again', async () => {
    const first = await postXml(sim.url, logoutXml('SEP001122334455'));
    const second = await postXml(sim.url, logoutXml('SEP001122334455'));

    assert.deepEqual(first, emReply(SUCCESS));
    assert.deepEqual(second, emReply(failure(19, 'No user logged in')));
    assert.equal(sim.state.loggedInUser('SEP001122334455'), undefined);
  });

  it('answers 19 on a device nobody is logged in on', async () => {
    const answer = await postXml(sim.url, logoutXml('SEP00AABBCCDDEE'));

    assert.deepEqual(answer, emReply(failure(19, 'No user logged in')));
  });

  it('answers 11 for a device CUCM does not know', async () => {
    const answer = await postXml(sim.url, logoutXml('SEP000000000000'));

    assert.deepEqual(answer, emReply(failure(11, 'Device does not exist')));
  });

  it('answers 22 for a device without Extension Mobility', async () => {
    const answer = await postXml(sim.url, logoutXml('SEP0A1B2C3D4E5F'));

    assert.deepEqual(answer, emReply(failure(22, 'Device Logon disabled')));
  });

  it('logs out users whose ids need percent- and XML-encoding', async () => {
    const renee = await postXml(sim.url, logoutXml('SEPAABBCCDDEEFF'));
    const obrien = await postXml(sim.url, logoutXml('SEP112233445566'));

    assert.deepEqual([renee, obrien], [emReply(SUCCESS), emReply(SUCCESS)]);
    assert.equal(sim.state.loggedInUser('SEPAABBCCDDEEFF'), undefined);
    assert.equal(sim.state.loggedInUser('SEP112233445566'), undefined);
  });

  it('logoutAll clears every device of the cluster', async () => {
    const xml = `<request>${appInfo()}<logoutAll/></request>`;

    const answer = await postXml(sim.url, xml);

    assert.deepEqual(answer, emReply(SUCCESS));
    assert.deepEqual(
      sim.state.devices().map((device) => device.userId),
      [undefined, undefined, undefined, undefined, undefined],
    );
  });
});
