import assert from 'node:assert/strict';
import { Agent } from 'undici';

import {
  documentedEmCodes,
  EmClient,
  emCodeInfo,
  resolveEndpoint,
  type EmCodeCategory,
  type EmFailure,
} from '../../src/em/index.js';
import { emFixture, type Upstream } from '../support/upstream.js';
import {
  closedPort,
  CREDENTIALS,
  emFailureXml,
  Opened,
  RETRY,
  SERVLET,
  servletUrl,
  withoutDuration,
} from './support.js';

const SUCCESS = emFixture('logout-success.xml');
const NOBODY = emFixture('logout-failure-19-no-user.xml');
const BUSY = emFixture('logout-failure-26-busy.xml');
const DEVICE = 'SEP003094C25B15';

function emFields(failure: EmFailure): Partial<EmFailure> {
  const { kind, emCode, emMessage, category } = failure;
  return { kind, emCode, emMessage, category };
}

describe('EmClient', () => {
  const opened = new Opened();

  afterEach(async () => {
    await opened.close();
  });

  describe('logout of one device pressed several times', () => {
    it('concurrent logouts of the same device share one upstream request', async () => {
      const upstream = await opened.upstream({ body: SUCCESS, delayMs: 50 });
      const client = opened.client([upstream.hostPort]);

      const outcomes = await Promise.all([
        client.logout(DEVICE),
        client.logout(DEVICE),
        client.logout(DEVICE.toLowerCase()),
      ]);

      assert.equal(upstream.requests.length, 1);
      for (const outcome of outcomes) {
        assert.deepEqual(withoutDuration(outcome), {
          ok: true,
          repeated: false,
          node: upstream.hostPort,
          attempts: 1,
        });
      }
    });

    it('a logout after the shared one has finished sends a new request', async () => {
      const upstream = await opened.upstream({ body: SUCCESS });
      const client = opened.client([upstream.hostPort]);

      await Promise.all([client.logout(DEVICE), client.logout(DEVICE)]);
      await client.logout(DEVICE);

      assert.equal(upstream.requests.length, 2);
    });

    it('concurrent logouts of different devices are not shared', async () => {
      const upstream = await opened.upstream({ body: SUCCESS, delayMs: 20 });
      const client = opened.client([upstream.hostPort]);

      await Promise.all([client.logout(DEVICE), client.logout('SEP402CF4915265')]);

      assert.deepEqual(upstream.requests.map((request) => request.xml?.includes(DEVICE)).sort(), [
        false,
        true,
      ]);
    });

    it('code 19 shortly after our own success is ok with repeated: true', async () => {
      const upstream = await opened.upstream([{ body: SUCCESS }, { body: NOBODY }]);
      const client = opened.client([upstream.hostPort]);

      const first = await client.logout(DEVICE);
      const second = await client.logout(DEVICE.toLowerCase());

      assert.deepEqual(withoutDuration(first), {
        ok: true,
        repeated: false,
        node: upstream.hostPort,
        attempts: 1,
      });
      assert.deepEqual(withoutDuration(second), {
        ok: true,
        repeated: true,
        node: upstream.hostPort,
        attempts: 1,
      });
      assert.equal(upstream.requests.length, 2);
    });

    it('code 19 without a prior success stays a failure', async () => {
      const upstream = await opened.upstream({ body: NOBODY });
      const client = opened.client([upstream.hostPort]);

      const outcome = await client.logout(DEVICE);

      assert.equal(outcome.ok, false);
      assert.deepEqual(emFields(outcome.failure), {
        kind: 'em',
        emCode: 19,
        emMessage: 'No user logged in',
        category: 'nobody-logged-in',
      });
    });

    it('code 19 after a success on another device stays a failure', async () => {
      const upstream = await opened.upstream([{ body: SUCCESS }, { body: NOBODY }]);
      const client = opened.client([upstream.hostPort]);

      await client.logout('SEP402CF4915265');
      const outcome = await client.logout(DEVICE);

      assert.equal(outcome.ok, false);
      assert.equal(outcome.failure.emCode, 19);
    });

    const windows: { title: string; later: number; repeated: boolean }[] = [
      { title: 'at the end of rememberLogoutMs is repeated', later: 1000, repeated: true },
      { title: 'past rememberLogoutMs is a failure again', later: 1001, repeated: false },
    ];
    for (const { title, later, repeated } of windows) {
      it(`code 19 ${title}`, async () => {
        const upstream = await opened.upstream([{ body: SUCCESS }, { body: NOBODY }]);
        let clock = 5000;
        const client = opened.client([upstream.hostPort], {
          rememberLogoutMs: 1000,
          now: () => clock,
        });

        await client.logout(DEVICE);
        clock += later;
        const outcome = await client.logout(DEVICE);

        assert.equal(outcome.ok, repeated);
        if (outcome.ok) assert.equal(outcome.repeated, true);
        else assert.equal(outcome.failure.emCode, 19);
      });
    }
  });

  describe('concurrency', () => {
    const dispatchers: { title: string; shared: boolean }[] = [
      { title: 'its own connection pool', shared: false },
      { title: 'a shared pool with room for more', shared: true },
    ];

    for (const { title, shared } of dispatchers) {
      it(`maxConcurrency: 2 never has more than 2 requests in flight, with ${title}`, async () => {
        let active = 0;
        let peak = 0;
        const upstream = await opened.upstream(() => {
          active += 1;
          peak = Math.max(peak, active);
          // Registered before the upstream's own delay, so it runs just before the answer.
          setTimeout(() => (active -= 1), 40);
          return { body: SUCCESS, delayMs: 40 };
        });
        const agent = shared ? new Agent({ connections: 10 }) : undefined;
        const client = opened.client([upstream.hostPort], {
          maxConcurrency: 2,
          ...(agent === undefined ? {} : { dispatcher: agent }),
        });
        const devices = Array.from({ length: 6 }, (_, index) => `SEP00000000000${index}`);

        try {
          const running = devices.map((device) => client.logout(device));
          assert.deepEqual(client.load, { active: 2, queued: 4 });
          const outcomes = await Promise.all(running);

          assert.ok(outcomes.every((outcome) => outcome.ok));
          assert.equal(upstream.requests.length, 6);
          assert.equal(peak, 2);
          assert.deepEqual(client.load, { active: 0, queued: 0 });
        } finally {
          await agent?.close();
        }
      });
    }
  });

  describe('retries', () => {
    it('code 26 twice then success takes 3 attempts', async () => {
      const upstream = await opened.upstream([{ body: BUSY }, { body: BUSY }, { body: SUCCESS }]);

      const outcome = await opened.client([upstream.hostPort]).logout(DEVICE);

      assert.deepEqual(withoutDuration(outcome), {
        ok: true,
        repeated: false,
        node: upstream.hostPort,
        attempts: 3,
      });
      assert.equal(upstream.requests.length, 3);
    });

    it('code 26 every time is a busy failure after several attempts within the deadline', async () => {
      const upstream = await opened.upstream({ body: BUSY });
      const client = opened.client([upstream.hostPort], {
        timeoutMs: 150,
        retry: { ...RETRY, random: () => 0 },
      });
      const started = performance.now();

      const outcome = await client.logout(DEVICE);
      const elapsed = performance.now() - started;

      assert.equal(outcome.ok, false);
      assert.deepEqual(emFields(outcome.failure), {
        kind: 'em',
        emCode: 26,
        emMessage: 'Busy, please try again',
        category: 'busy',
      });
      // Waits of 3, 5, 10, 10, ... ms leave room for many tries in 150 ms.
      assert.ok(outcome.attempts >= 4, `attempts: ${outcome.attempts}`);
      // A hang check, not a speed target: without the deadline this would run on and on.
      assert.ok(elapsed < 150 + 2000, `took ${elapsed} ms`);
    });
  });

  describe('failover between nodes', () => {
    const servingNode = async () => opened.upstream({ body: SUCCESS });
    const unusable: { title: string; first: () => Promise<string> }[] = [
      { title: 'a closed port', first: async () => `127.0.0.1:${await closedPort()}` },
      { title: 'a name that does not resolve', first: async () => 'cucm.invalid:8080' },
    ];

    for (const { title, first } of unusable) {
      it(`skips ${title} and succeeds on the next node`, async () => {
        const firstNode = await first();
        const second = await servingNode();

        const outcome = await opened.client([firstNode, second.hostPort]).logout(DEVICE);

        assert.deepEqual(withoutDuration(outcome), {
          ok: true,
          repeated: false,
          node: second.hostPort,
          attempts: 1,
        });
        assert.equal(second.requests.length, 1);
      });
    }

    it('an HTTP 500 from the first node is final: no failover', async () => {
      const first = await opened.upstream({ status: 500, body: 'Internal Server Error' });
      const second = await servingNode();

      const outcome = await opened.client([first.hostPort, second.hostPort]).logout(DEVICE);

      assert.equal(outcome.ok, false);
      assert.deepEqual(outcome.failure, {
        kind: 'http',
        status: 500,
        description: `EM service answered HTTP 500: POST ${servletUrl(first)}`,
      });
      assert.equal(first.requests.length, 1);
      assert.equal(second.requests.length, 0);
    });

    it('an EM failure from the first node is final: no failover', async () => {
      const first = await opened.upstream({ body: emFixture('logout-failure-11-no-device.xml') });
      const second = await servingNode();

      const outcome = await opened.client([first.hostPort, second.hostPort]).logout(DEVICE);

      assert.equal(outcome.ok, false);
      assert.equal(outcome.node, first.hostPort);
      assert.equal(outcome.failure.emCode, 11);
      assert.equal(second.requests.length, 0);
    });

    it('every node refusing is a refusal naming the last node tried', async () => {
      const nodes = [`127.0.0.1:${await closedPort()}`, `127.0.0.1:${await closedPort()}`];

      const outcome = await opened.client(nodes).logout(DEVICE);

      assert.equal(outcome.ok, false);
      assert.deepEqual(outcome.failure, {
        kind: 'network',
        reason: 'refused',
        description: `EM service refused the connection (ECONNREFUSED): POST http://${nodes[1]}${SERVLET}`,
      });
    });
  });

  describe('construction', () => {
    it('refuses an empty list of endpoints', () => {
      assert.throws(() => new EmClient({ endpoints: [], credentials: CREDENTIALS }), {
        name: 'RangeError',
        message: 'endpoints must not be empty',
      });
    });

    it('names its nodes as host:port', async () => {
      const client = new EmClient({
        endpoints: [
          resolveEndpoint({ callManagerHost: 'cucm.invalid' }),
          resolveEndpoint({ callManagerHost: 'sub.invalid', version: 'v333' }),
        ],
        credentials: CREDENTIALS,
      });
      try {
        assert.deepEqual(client.nodes, ['cucm.invalid:8080', 'sub.invalid:80']);
      } finally {
        await client.close();
      }
    });
  });
});

describe('emCodeInfo', () => {
  // From the reference's code table: what a phone user should be told.
  const documented: [code: number, category: EmCodeCategory][] = [
    [0, 'try-again'], // unknown error: try again / contact IT
    [1, 'service-fault'], // request XML not parsed: our bug or a version mismatch
    [2, 'service-misconfigured'], // blank app user id or password
    [3, 'service-misconfigured'], // invalid app user or password
    [4, 'not-allowed'], // policy validation error
    [5, 'em-disabled'], // device logon disabled at logout
    [6, 'try-again'], // database error: try again later
    [7, 'try-again'], // could not set or clear auto-logout
    [8, 'service-fault'], // query type undetermined
    [9, 'contact-it'], // directory user info error
    [10, 'service-misconfigured'], // app user lacks proxy rights
    [11, 'unknown-device'], // device does not exist
    [12, 'contact-it'], // device profile missing
    [18, 'contact-it'], // another user logged in (login)
    [19, 'nobody-logged-in'], // informational, not a failure to the person
    [20, 'try-again'], // hoteling flag error (DB)
    [21, 'try-again'], // hoteling status error (DB)
    [22, 'em-disabled'], // device logon disabled
    [23, 'contact-it'], // user not found
    [25, 'contact-it'], // user logged in elsewhere (login)
    [26, 'busy'], // CUCM's throttle: retry with backoff
    [27, 'service-misconfigured'], // app user's password expired
    [28, 'not-allowed'], // untrusted IP
    [29, 'contact-it'], // RIS data collector down
    [30, 'not-allowed'], // proxy not allowed
  ];

  for (const [code, category] of documented) {
    it(`maps documented code ${code} to ${category}`, () => {
      const info = emCodeInfo(code);

      assert.deepEqual({ code: info.code, category: info.category }, { code, category });
      assert.ok(info.meaning.length > 0);
    });
  }

  it('lists exactly the documented codes', () => {
    assert.deepEqual(
      documentedEmCodes.map((info) => info.code),
      documented.map(([code]) => code),
    );
  });

  for (const code of [13, 14, 15, 16, 17, 24, 31, 999]) {
    it(`maps undocumented code ${code} to unknown, keeping the number`, () => {
      assert.deepEqual(emCodeInfo(code), {
        code,
        meaning: 'Undocumented EM error',
        category: 'unknown',
      });
    });
  }

  it('an undocumented code from CUCM still gives a numbered failure', async () => {
    const opened = new Opened();
    try {
      const upstream: Upstream = await opened.upstream({ body: emFailureXml(24, 'Weird state') });

      const outcome = await opened.client([upstream.hostPort]).logout(DEVICE);

      assert.equal(outcome.ok, false);
      assert.deepEqual(outcome.failure, {
        kind: 'em',
        emCode: 24,
        emMessage: 'Weird state',
        category: 'unknown',
        description: 'EM service refused: code 24 (Undocumented EM error): Weird state',
      });
    } finally {
      await opened.close();
    }
  });
});
