import { setTimeout as sleep } from 'node:timers/promises';
import { load, startChild, type ChildServer, type MemoryReading } from './http.js';
import { judged, type BenchRow } from './report.js';

/**
 * Memory of the phone route under a long run: RSS after a warm-up against RSS after
 * 100 000 more logouts, read inside a child of its own (so that autocannon's memory
 * does not count) after a full collection.
 */
export const MEMORY_REQUESTS = 100_000;
const WARMUP_REQUESTS = 20_000;
const CONNECTIONS = 10;
/** A route slower than about 420 requests per second would take longer: that is a failure. */
const CAP_S = 240;

export async function measureMemory(upstream: ChildServer): Promise<BenchRow[]> {
  const phone = await startChild('phone', { upstream: upstream.url, nodeArgs: ['--expose-gc'] });
  try {
    return await measureIn(phone);
  } finally {
    await phone.close();
  }
}

async function measureIn(phone: ChildServer): Promise<BenchRow[]> {
  await load(phone.url, { connections: CONNECTIONS, amount: WARMUP_REQUESTS, capS: 60 });
  const before = await settledMemory(phone);
  if (!before.collected) throw new Error('the memory child has no gc(): --expose-gc was lost');

  const run = await load(phone.url, {
    connections: CONNECTIONS,
    amount: MEMORY_REQUESTS,
    capS: CAP_S,
  });
  if (run.cappedEarly) {
    throw new Error(
      `memory run stopped after ${CAP_S} s with ${run.requests} of ${MEMORY_REQUESTS} requests`,
    );
  }
  const after = await settledMemory(phone);

  const mb = (bytes: number) => bytes / 1024 / 1024;
  console.log(
    `bench: memory child ${phone.pid}: heap used ${mb(before.heapUsedBytes).toFixed(1)} MiB ` +
      `after warm-up, ${mb(after.heapUsedBytes).toFixed(1)} MiB after ${run.requests} more ` +
      `(${run.rps.toFixed(0)}/s)`,
  );
  const growth = (from: number, to: number) => ((to - from) / from) * 100;
  return [
    { name: 'memory: RSS after warm-up', value: mb(before.rssBytes), unit: 'MiB' },
    { name: `memory: RSS after ${MEMORY_REQUESTS} more`, value: mb(after.rssBytes), unit: 'MiB' },
    judged(
      { name: 'memory: RSS growth', value: growth(before.rssBytes, after.rssBytes), unit: '%' },
      { atMost: 10 },
    ),
    {
      name: 'memory: heap used growth',
      value: growth(before.heapUsedBytes, after.heapUsedBytes),
      unit: '%',
    },
  ];
}

/**
 * RSS right after a load is tens of MiB above where it settles half a second later
 * (freed pages seem to go back to the OS lazily): read until two readings
 * half a second apart agree within 1 %.
 */
async function settledMemory(phone: ChildServer): Promise<MemoryReading> {
  let last = await phone.memory();
  for (let tries = 0; tries < 10; tries += 1) {
    await sleep(500);
    const now = await phone.memory();
    if (Math.abs(now.rssBytes - last.rssBytes) <= last.rssBytes * 0.01) return now;
    last = now;
  }
  throw new Error("the memory child's RSS did not settle within 5 s of the load");
}
