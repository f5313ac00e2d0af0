import assert from 'node:assert/strict';

import { resolveEndpoint, type DeviceUser } from '../../src/em/index.js';
import { emFixture, type Upstream } from '../support/upstream.js';
import { APP_INFO, FORM_TYPE, Opened, SERVLET, withoutDuration } from './support.js';

function deviceQuery(...names: string[]): string {
  const devices = names.map((name) => `<deviceName>${name}</deviceName>`).join('');
  return `<query>${APP_INFO}<deviceUserQuery>${devices}</deviceUserQuery></query>`;
}

function deviceResults(...devices: string[]): string {
  return `<response><deviceUserResults>${devices.join('')}</deviceUserResults></response>`;
}

function userResults(user: string): string {
  return `<response><userDevicesResults>${user}</userDevicesResults></response>`;
}

describe('EM query answers', () => {
  const opened = new Opened();

  afterEach(async () => {
    await opened.close();
  });

  async function askDevice(body: string, deviceName: string) {
    const upstream = await opened.upstream({ body });
    const outcome = await opened.client([upstream.hostPort]).deviceUser(deviceName);
    return { upstream, outcome };
  }

  describe('deviceUser on the fixtures', () => {
    const cases: { file: string; device: string; expected: DeviceUser }[] = [
      {
        file: 'query-user-logged-in.xml',
        device: 'SEP402CF4915265',
        expected: {
          deviceName: 'SEP402CF4915265',
          state: 'logged-in',
          userId: 'em@example.com',
          lastLogin: 'em',
        },
      },
      {
        file: 'query-nobody-cucm12.xml',
        device: 'SEP003094C25B15',
        expected: { deviceName: 'SEP003094C25B15', state: 'nobody', lastLogin: undefined },
      },
      {
        file: 'query-does-not-exist.xml',
        device: 'SEP000000000000',
        expected: { deviceName: 'SEP000000000000', state: 'unknown-device', lastLogin: undefined },
      },
    ];

    for (const { file, device, expected } of cases) {
      it(`${file} reads as ${expected.state}`, async () => {
        const { upstream, outcome } = await askDevice(emFixture(file), device);

        assert.deepEqual(withoutDuration(outcome), {
          ok: true,
          device: expected,
          node: upstream.hostPort,
          attempts: 1,
        });
        assert.deepEqual(upstream.requests, [
          { method: 'POST', path: SERVLET, contentType: FORM_TYPE, xml: deviceQuery(device) },
        ]);
      });
    }

    it('query-failure-errormessage.xml is an EM failure with code 0 and CUCM text', async () => {
      const { outcome } = await askDevice(
        emFixture('query-failure-errormessage.xml'),
        'SEP402CF4915265',
      );

      assert.equal(outcome.ok, false);
      const { kind, emCode, emMessage, category } = outcome.failure;
      assert.deepEqual(
        { kind, emCode, emMessage, category },
        { kind: 'em', emCode: 0, emMessage: 'Could not authenticate', category: 'unknown' },
      );
    });

    it('a query failure with <error code> keeps the code and its category', async () => {
      const body =
        '<response><failure><error code="3">Invalid App User</error></failure></response>';
      const { outcome } = await askDevice(body, 'SEP402CF4915265');

      assert.equal(outcome.ok, false);
      const { kind, emCode, emMessage, category } = outcome.failure;
      assert.deepEqual(
        { kind, emCode, emMessage, category },
        {
          kind: 'em',
          emCode: 3,
          emMessage: 'Invalid App User',
          category: 'service-misconfigured',
        },
      );
    });

    it('a v333 node is queried on /LoginService/query.asp', async () => {
      const upstream = await opened.upstream({ body: emFixture('query-user-logged-in.xml') });
      const endpoint = resolveEndpoint({ callManagerHost: upstream.hostPort, version: 'v333' });

      const outcome = await opened
        .client([], { endpoints: [endpoint] })
        .deviceUser('SEP402CF4915265');

      assert.equal(outcome.ok, true);
      assert.deepEqual(
        upstream.requests.map((request) => request.path),
        ['/LoginService/query.asp'],
      );
    });
  });

  describe('deviceUser in a multi-device answer', () => {
    const devices = {
      nobody: '<device name="SEPAAAAAAAAAAAA"><none/></device>',
      user: '<device name="sepbbbbbbbbbbbb"><userID>jdoe</userID><lastlogin>jdoe</lastlogin></device>',
      unknown: '<device name=" SEPCCCCCCCCCCCC "><doesNotExist/></device>',
    };
    const orders = [
      [devices.nobody, devices.user, devices.unknown],
      [devices.unknown, devices.nobody, devices.user],
      [devices.user, devices.unknown, devices.nobody],
    ];
    const asked: { name: string; expected: DeviceUser }[] = [
      {
        name: 'SEPAAAAAAAAAAAA',
        expected: { deviceName: 'SEPAAAAAAAAAAAA', state: 'nobody', lastLogin: undefined },
      },
      {
        name: 'SEPBBBBBBBBBBBB',
        expected: {
          deviceName: 'sepbbbbbbbbbbbb',
          state: 'logged-in',
          userId: 'jdoe',
          lastLogin: 'jdoe',
        },
      },
      {
        name: 'sepcccccccccccc',
        expected: { deviceName: 'SEPCCCCCCCCCCCC', state: 'unknown-device', lastLogin: undefined },
      },
    ];

    orders.forEach((order, index) => {
      for (const { name, expected } of asked) {
        it(`picks ${name} out of order ${index + 1}, whatever the case`, async () => {
          const { outcome } = await askDevice(deviceResults(...order), name);

          assert.equal(outcome.ok, true);
          assert.deepEqual(outcome.device, expected);
        });
      }
    });

    it('a device the answer does not mention is unreadable', async () => {
      const body = deviceResults(devices.nobody, devices.user);

      const { outcome } = await askDevice(body, 'SEPDDDDDDDDDDDD');

      assert.equal(outcome.ok, false);
      assert.deepEqual(outcome.failure, {
        kind: 'unreadable',
        description: 'EM query answer does not mention SEPDDDDDDDDDDDD',
      });
    });

    it('deviceUsers asks for every device in one query and lists the answer in order', async () => {
      const upstream = await opened.upstream({ body: deviceResults(...orders[1]!) });
      const names = ['SEPAAAAAAAAAAAA', 'SEPBBBBBBBBBBBB', 'SEPCCCCCCCCCCCC'];

      const outcome = await opened.client([upstream.hostPort]).deviceUsers(names);

      assert.equal(outcome.ok, true);
      assert.deepEqual(
        outcome.devices.map((device) => [device.deviceName, device.state]),
        [
          ['SEPCCCCCCCCCCCC', 'unknown-device'],
          ['SEPAAAAAAAAAAAA', 'nobody'],
          ['sepbbbbbbbbbbbb', 'logged-in'],
        ],
      );
      assert.deepEqual(
        upstream.requests.map((request) => request.xml),
        [deviceQuery(...names)],
      );
    });
  });

  describe('user IDs', () => {
    const cases: { raw: string; shown: string; why: string }[] = [
      { raw: 'em%40example.com', shown: 'em@example.com', why: 'a percent-encoded @' },
      { raw: 'jos%C3%A9', shown: 'josé', why: 'UTF-8 %C3%A9' },
      { raw: '%E6%97%A5%E6%9C%AC', shown: '日本', why: 'three-byte UTF-8 sequences' },
      { raw: 'a%26b', shown: 'a&b', why: 'a percent-encoded &' },
      { raw: 'a&amp;b', shown: 'a&b', why: 'an XML-escaped &' },
      { raw: 'jdoe', shown: 'jdoe', why: 'plain ASCII' },
      { raw: 'jos%E9', shown: 'jos%E9', why: 'a latin1 %E9 that is not UTF-8, as sent' },
      { raw: '100%', shown: '100%', why: 'a lone %, as sent' },
      { raw: '%ZZjdoe', shown: '%ZZjdoe', why: 'a % without hex digits, as sent' },
    ];

    for (const { raw, shown, why } of cases) {
      it(`userID with ${why} is shown as ${JSON.stringify(shown)}`, async () => {
        const body = deviceResults(
          `<device name="SEP402CF4915265"><userID>${raw}</userID><lastlogin>${raw}</lastlogin></device>`,
        );

        const { outcome } = await askDevice(body, 'SEP402CF4915265');

        assert.equal(outcome.ok, true);
        assert.deepEqual(outcome.device, {
          deviceName: 'SEP402CF4915265',
          state: 'logged-in',
          userId: shown,
          lastLogin: shown,
        });
      });
    }
  });

  describe('userDevices', () => {
    const userQuery = (userId: string) =>
      `<query>${APP_INFO}<userDevicesQuery><userID>${userId}</userID></userDevicesQuery></query>`;
    const cases: {
      title: string;
      body: string;
      state: 'logged-in' | 'nobody' | 'unknown-user';
      deviceNames: string[];
    }[] = [
      {
        title: 'a user on two devices',
        body: userResults(
          '<user id="em%40example.com"><deviceName>SEP402CF4915265</deviceName>' +
            '<deviceName>SEP003094C25B15</deviceName></user>',
        ),
        state: 'logged-in',
        deviceNames: ['SEP402CF4915265', 'SEP003094C25B15'],
      },
      {
        title: 'a user logged in nowhere',
        body: userResults('<user id="em%40example.com"><none/></user>'),
        state: 'nobody',
        deviceNames: [],
      },
      {
        title: 'a user CUCM does not know',
        body: userResults('<user id="em%40example.com"><doesNotExist/></user>'),
        state: 'unknown-user',
        deviceNames: [],
      },
    ];

    for (const { title, body, state, deviceNames } of cases) {
      it(`reads ${title} as ${state}`, async () => {
        const upstream: Upstream = await opened.upstream({ body });

        const outcome = await opened.client([upstream.hostPort]).userDevices('em@example.com');

        assert.deepEqual(withoutDuration(outcome), {
          ok: true,
          state,
          deviceNames,
          node: upstream.hostPort,
          attempts: 1,
        });
        assert.deepEqual(
          upstream.requests.map((request) => request.xml),
          [userQuery('em@example.com')],
        );
      });
    }

    it('a query failure is an EM failure with its code', async () => {
      const body =
        '<response><failure><error code="23">User not found</error></failure></response>';
      const upstream = await opened.upstream({ body });

      const outcome = await opened.client([upstream.hostPort]).userDevices('nobody');

      assert.equal(outcome.ok, false);
      const { kind, emCode, emMessage, category } = outcome.failure;
      assert.deepEqual(
        { kind, emCode, emMessage, category },
        { kind: 'em', emCode: 23, emMessage: 'User not found', category: 'contact-it' },
      );
    });
  });
});
