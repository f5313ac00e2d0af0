import assert from 'node:assert/strict';

import { isSimulatorSetupError } from '../../src/simulator/errors.js';
import { demoSeed } from '../../src/simulator/seed.js';
import type { SimulatorSeed } from '../../src/simulator/seed.js';
import { SimulatorState } from '../../src/simulator/state.js';

function seedWith(devices: SimulatorSeed['devices']): SimulatorSeed {
  return {
    appUsers: [],
    users: [{ id: 'jdoe', profiles: ['jdoe-udp', 'jdoe-spare'] }],
    devices,
  };
}

function setupError(code: string): (error: unknown) => boolean {
  return (error) => isSimulatorSetupError(error) && error.code === code;
}

describe('SimulatorState', () => {
  it('authenticates by app id and password, then proxy rights', () => {
    const state = new SimulatorState(demoSeed());

    assert.equal(state.authenticate('emlogout', 'demo-secret'), 'ok');
    assert.equal(state.authenticate('emlogout', 'Demo-secret'), 'bad-credentials');
    assert.equal(state.authenticate('nobody', 'demo-secret'), 'bad-credentials');
    assert.equal(state.authenticate('noproxy', 'noproxy-secret'), 'no-proxy-rights');
  });

  it('seeds the demo cluster described in the brief', () => {
    const state = new SimulatorState(demoSeed());

    assert.deepEqual(state.devices(), [
      { name: 'SEP001122334455', emEnabled: true, userId: 'jdoe', profile: 'jdoe-udp' },
      { name: 'SEP00AABBCCDDEE', emEnabled: true, userId: undefined, profile: undefined },
      { name: 'SEP0A1B2C3D4E5F', emEnabled: false, userId: undefined, profile: undefined },
      {
        name: 'SEPAABBCCDDEEFF',
        emEnabled: true,
        userId: 'renée.müller@example.com',
        profile: 'renee-mueller-udp',
      },
      { name: 'SEP112233445566', emEnabled: true, userId: "o'brien&co", profile: 'obrien-udp' },
    ]);
    assert.deepEqual(state.devicesOf('asmith'), []);
  });

  it('logs in with a named profile and reports it', () => {
    const state = new SimulatorState(seedWith([{ name: 'SEP1', emEnabled: true }]));

    assert.deepEqual(state.login('SEP1', 'jdoe', 'jdoe-spare'), { ok: true });
    assert.deepEqual(state.whoIsOn('SEP1'), {
      kind: 'user',
      userId: 'jdoe',
      profile: 'jdoe-spare',
    });
  });

  it('answers whoIsOn for unknown and empty devices', () => {
    const state = new SimulatorState(seedWith([{ name: 'SEP1', emEnabled: true }]));

    assert.deepEqual(state.whoIsOn('SEP2'), { kind: 'unknown-device' });
    assert.deepEqual(state.whoIsOn('SEP1'), { kind: 'nobody' });
  });

  it('logoutAll counts the devices it cleared', () => {
    const state = new SimulatorState(demoSeed());

    assert.equal(state.logoutAll(), 3);
    assert.equal(state.logoutAll(), 0);
  });

  it('returns copies, not its own lists', () => {
    const state = new SimulatorState(demoSeed());

    state.profilesOf('jdoe')?.push('stolen');
    state.devicesOf('jdoe')?.pop();

    assert.deepEqual(state.profilesOf('jdoe'), ['jdoe-udp']);
    assert.deepEqual(state.devicesOf('jdoe'), ['SEP001122334455']);
    assert.equal(state.profilesOf('ghost'), undefined);
    assert.equal(state.devicesOf('ghost'), undefined);
  });

  it('setLoggedIn bypasses the login rules, for tests', () => {
    const state = new SimulatorState(demoSeed());

    state.setLoggedIn('SEP0A1B2C3D4E5F', 'jdoe');
    state.setLoggedIn('SEP001122334455', undefined);

    assert.equal(state.loggedInUser('SEP0A1B2C3D4E5F'), 'jdoe');
    assert.equal(state.loggedInUser('SEP001122334455'), undefined);
  });

  it('grows with addAppUser, addUser and addDevice', () => {
    const state = new SimulatorState({ appUsers: [], users: [], devices: [] });

    state.addAppUser({ id: 'app', password: 'pw', proxyRights: true });
    state.addUser({ id: 'kim', profiles: ['kim-udp'] });
    state.addDevice({ name: 'SEP9', emEnabled: true, user: 'kim' });

    assert.equal(state.authenticate('app', 'pw'), 'ok');
    assert.deepEqual(state.devicesOf('kim'), ['SEP9']);
  });

  const badSetups = [
    {
      name: 'a device defined twice',
      code: 'SIM_DUPLICATE_NAME',
      build: () =>
        new SimulatorState(
          seedWith([
            { name: 'SEP1', emEnabled: true },
            { name: 'SEP1', emEnabled: false },
          ]),
        ),
    },
    {
      name: 'a device naming an unknown user',
      code: 'SIM_UNKNOWN_USER',
      build: () => new SimulatorState(seedWith([{ name: 'SEP1', emEnabled: true, user: 'x' }])),
    },
    {
      name: "a profile that is not the user's",
      code: 'SIM_UNKNOWN_PROFILE',
      build: () =>
        new SimulatorState(
          seedWith([{ name: 'SEP1', emEnabled: true, user: 'jdoe', profile: 'other' }]),
        ),
    },
    {
      name: 'setLoggedIn on an unknown device',
      code: 'SIM_UNKNOWN_DEVICE',
      build: () => new SimulatorState(demoSeed()).setLoggedIn('SEP404', 'jdoe'),
    },
  ];

  for (const { name, code, build } of badSetups) {
    it(`throws ${code} for ${name}`, () => {
      assert.throws(build, setupError(code));
    });
  }
});
