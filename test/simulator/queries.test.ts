import assert from 'node:assert/strict';

import { startSimulator } from '../../src/simulator/server.js';
import type { RunningSimulator } from '../../src/simulator/server.js';
import { appInfo, DECLARATION, emReply, failure, lines, postXml, queryXml } from './support.js';

describe('simulator queries', () => {
  let sim: RunningSimulator;

  beforeEach(async () => {
    sim = await startSimulator();
  });

  afterEach(async () => {
    await sim.close();
  });

  it('deviceUserQuery answers one device per asked name, in order', async () => {
    const devices = [
      'SEPAABBCCDDEEFF',
      'SEP000000000000',
      'SEP00AABBCCDDEE',
      'SEP112233445566',
      'SEP001122334455',
    ];
    const inner = devices.map((name) => `<deviceName>${name}</deviceName>`).join('');

    const answer = await postXml(sim.url, queryXml(`<deviceUserQuery>${inner}</deviceUserQuery>`));

    assert.deepEqual(
      answer,
      emReply(
        lines(
          DECLARATION,
          '<response>',
          '<deviceUserResults>',
          '<device name="SEPAABBCCDDEEFF">',
          '<userID>ren%C3%A9e.m%C3%BCller%40example.com</userID>',
          '<lastlogin>ren%C3%A9e.m%C3%BCller%40example.com</lastlogin>',
          '<emccDevice>no</emccDevice>',
          '</device>',
          '<device name="SEP000000000000">',
          '<doesNotExist/>',
          '</device>',
          '<device name="SEP00AABBCCDDEE">',
          '<none/>',
          '<none/>',
          '<emccDevice>no</emccDevice>',
          '</device>',
          '<device name="SEP112233445566">',
          "<userID>o'brien%26co</userID>",
          "<lastlogin>o'brien%26co</lastlogin>",
          '<emccDevice>no</emccDevice>',
          '</device>',
          '<device name="SEP001122334455">',
          '<userID>jdoe</userID>',
          '<lastlogin>jdoe</lastlogin>',
          '<emccDevice>no</emccDevice>',
          '</device>',
          '</deviceUserResults>',
          '</response>',
        ),
      ),
    );
  });

  it('deviceUserQuery escapes an asked device name it echoes', async () => {
    const inner = '<deviceUserQuery><deviceName>SEP"&amp;&lt;</deviceName></deviceUserQuery>';

    const answer = await postXml(sim.url, queryXml(inner));

    assert.deepEqual(
      answer,
      emReply(
        lines(
          DECLARATION,
          '<response>',
          '<deviceUserResults>',
          '<device name="SEP&quot;&amp;&lt;">',
          '<doesNotExist/>',
          '</device>',
          '</deviceUserResults>',
          '</response>',
        ),
      ),
    );
  });

  it('userDevicesQuery lists devices, none or doesNotExist per user', async () => {
    const users = ["o'brien&amp;co", 'asmith', 'ghost'];
    const inner = users.map((id) => `<userID>${id}</userID>`).join('');

    const answer = await postXml(
      sim.url,
      queryXml(`<userDevicesQuery>${inner}</userDevicesQuery>`),
    );

    assert.deepEqual(
      answer,
      emReply(
        lines(
          DECLARATION,
          '<response>',
          '<userDevicesResults>',
          `<user id="o'brien%26co">`,
          '<deviceName>SEP112233445566</deviceName>',
          '</user>',
          '<user id="asmith">',
          '<none/>',
          '</user>',
          '<user id="ghost">',
          '<doesNotExist/>',
          '</user>',
          '</userDevicesResults>',
          '</response>',
        ),
      ),
    );
  });

  it('userDevicesQuery lists every device of a user logged in twice', async () => {
    sim.state.setLoggedIn('SEP00AABBCCDDEE', 'jdoe');
    const inner = '<userDevicesQuery><userID>jdoe</userID></userDevicesQuery>';

    const answer = await postXml(sim.url, queryXml(inner));

    assert.deepEqual(
      answer,
      emReply(
        lines(
          DECLARATION,
          '<response>',
          '<userDevicesResults>',
          '<user id="jdoe">',
          '<deviceName>SEP001122334455</deviceName>',
          '<deviceName>SEP00AABBCCDDEE</deviceName>',
          '</user>',
          '</userDevicesResults>',
          '</response>',
        ),
      ),
    );
  });

  for (const element of ['deviceProfileQuery', 'userDeviceProfileQuery']) {
    it(`${element} lists the user's profiles`, async () => {
      const inner = `<${element}><userID>renée.müller@example.com</userID></${element}>`;

      const answer = await postXml(sim.url, queryXml(inner));

      assert.deepEqual(
        answer,
        emReply(
          lines(
            DECLARATION,
            '<response>',
            '<deviceProfileResults>',
            '<user id="ren%C3%A9e.m%C3%BCller%40example.com">',
            '<deviceName>renee-mueller-udp</deviceName>',
            '</user>',
            '</deviceProfileResults>',
            '</response>',
          ),
        ),
      );
    });
  }

  it('answers 8 for a query type it does not know', async () => {
    const inner = '<lineQuery><userID>jdoe</userID></lineQuery>';

    const answer = await postXml(sim.url, queryXml(inner));

    assert.deepEqual(answer, emReply(failure(8, 'Query type undetermined')));
  });

  it('answers 8 for a lower-case query element (tags are case-sensitive)', async () => {
    const inner = '<deviceuserquery><deviceName>SEP001122334455</deviceName></deviceuserquery>';

    const answer = await postXml(sim.url, queryXml(inner));

    assert.deepEqual(answer, emReply(failure(8, 'Query type undetermined')));
  });

  it('checks the app user before answering a query', async () => {
    const inner = '<deviceUserQuery><deviceName>SEP001122334455</deviceName></deviceUserQuery>';

    const answer = await postXml(sim.url, queryXml(inner, appInfo('emlogout', 'wrong')));

    assert.deepEqual(answer, emReply(failure(3, "Could not authenticate 'emlogout'")));
  });
});
