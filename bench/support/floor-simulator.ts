/**
 * A simulator seeded with a floor of logged-in phones, for trying `em-logout bulk`
 * by hand (the demo simulator has five phones). Loopback only.
 *
 *   FLOOR_DEVICES=20 FLOOR_CSV=/tmp/floor.csv npx tsx bench/support/floor-simulator.ts
 */
import { writeFileSync } from 'node:fs';
import { startSimulator } from '../../src/simulator/server.js';
import { DEMO_APP_USER } from '../../src/simulator/seed.js';
import { floorCsv, floorDevices, floorSeed } from './floor.js';

const count = Number(process.env['FLOOR_DEVICES'] ?? 20);
const simulator = await startSimulator({
  host: '127.0.0.1',
  port: Number(process.env['SIM_PORT'] ?? 0),
  latencyMs: Number(process.env['SIM_LATENCY_MS'] ?? 20),
  maxConcurrent: Number(process.env['SIM_MAX_CONCURRENT'] ?? 5),
  seed: floorSeed(count),
});
const csvPath = process.env['FLOOR_CSV'];
if (csvPath !== undefined) writeFileSync(csvPath, floorCsv(floorDevices(count)));

console.log(`floor simulator: ${count} phones, each logged in, at ${simulator.url}`);
console.log(
  `  CUCM_HOST=${simulator.hostPort} EM_APP_ID=${DEMO_APP_USER.id} EM_APP_CERTIFICATE=${DEMO_APP_USER.password}`,
);
if (csvPath !== undefined) console.log(`  device list: ${csvPath}`);

const stop = (): void => {
  void simulator.close().then(() => console.log('floor simulator stopped'));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
