/**
 * The reference for the bulk bench: `CONCURRENCY` loops, each sending the next
 * logout as soon as its last one is answered, with no pacing logic at all. What
 * it reaches is what HTTP over loopback allows on this machine; it prints JSON.
 */
import { EmClient, resolveEndpoint } from '../../src/em/index.js';
import { DEMO_APP_USER } from '../../src/simulator/seed.js';
import { floorDevices } from './floor.js';

const devices = floorDevices(Number(process.env['DEVICES']));
const concurrency = Number(process.env['CONCURRENCY']);
const client = new EmClient({
  endpoints: [resolveEndpoint({ callManagerHost: process.env['CUCM_HOST'] ?? '' })],
  credentials: { appId: DEMO_APP_USER.id, appCertificate: DEMO_APP_USER.password },
  maxConcurrency: concurrency,
  rememberLogoutMs: 0,
});

let next = 0;
let failed = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < devices.length) {
      const device = devices[next]!;
      next += 1;
      if (!(await client.logout(device)).ok) failed += 1;
    }
  }),
);
const elapsedMs = performance.now() - started;
await client.close();
process.stdout.write(`${JSON.stringify({ elapsedMs, failed })}\n`);
