/**
 * `npm run bench`: the phone routes against two baselines measured in the same run on
 * the same fake upstream, the memory of a long run, and the bulk figures. Everything
 * listens on 127.0.0.1 with ports the OS picks; every load is bounded in time.
 *
 * The same file is the entry of the child processes that serve the targets.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  childRole,
  DEVICE_COUNT,
  deviceName,
  endAllChildren,
  load,
  serveRole,
  startChild,
  type ChildServer,
  type LoadResult,
  type Role,
} from './http.js';
import { measureHostileAnswers } from './hostile.js';
import { measureMemory, MEMORY_REQUESTS } from './memory.js';
import { judged, textTable, writeReport, type BenchRow } from './report.js';
import type { UpstreamCounts } from './upstream.js';

const ROUNDS = 3;
const CONNECTIONS = 10;
const DURATION_S = 5;
const WARMUP_S = 2;
/** The whole bench is expected to take under four minutes; past this it is stuck. */
const WATCHDOG_MS = 10 * 60_000;
const RESULTS = new URL('./results.md', import.meta.url);

async function main(): Promise<number> {
  const startedAt = new Date();
  const loadBefore = loadavg()[0]!;
  const started = performance.now();
  const watchdog = setTimeout(() => void giveUp(), WATCHDOG_MS).unref();

  const rows: BenchRow[] = [];
  const failures: string[] = [];
  const section = async (name: string, run: () => Promise<BenchRow[]>) => {
    try {
      rows.push(...(await run()));
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      console.error(`bench: ${name} failed:`, error);
    }
  };

  const upstream = await startChild('upstream');
  try {
    await section('phone routes', () => measureRoutes(upstream));
    await section('memory', () => measureMemory(upstream));
  } finally {
    await upstream.close();
  }
  await section('hostile answers', async () => measureHostileAnswers());
  await section('bulk', runBulk);

  const elapsedS = (performance.now() - started) / 1000;
  report(rows, { startedAt, elapsedS, method: METHOD, loadBefore });
  clearTimeout(watchdog);
  for (const failure of failures) console.error(`bench FAILED — ${failure}`);
  return failures.length === 0 ? 0 : 1;
}

const METHOD =
  `autocannon in the parent, ${CONNECTIONS} connections, ${DURATION_S} s per measurement, ` +
  `A, B, phone and confirm interleaved over ${ROUNDS} rotated rounds (medians; ratios per round), ` +
  `${DEVICE_COUNT} devices cycling; each server in its own child process on 127.0.0.1, ` +
  `the fake EM upstream in another; memory over ${MEMORY_REQUESTS} phone requests in a ` +
  `fresh child with --expose-gc`;

async function giveUp(): Promise<void> {
  console.error(`bench: still running after ${WATCHDOG_MS / 1000} s, stopping`);
  await endAllChildren();
  process.exit(2);
}

function report(rows: readonly BenchRow[], facts: Parameters<typeof writeReport>[2]): void {
  console.log(`\n${textTable(rows)}\n`);
  writeReport(RESULTS, rows, facts);
  console.log(
    `bench: ${rows.length} rows in ${facts.elapsedS.toFixed(0)} s, written to bench/results.md`,
  );
}

// ---------------------------------------------------------------------------
// Phone routes against the baselines
// ---------------------------------------------------------------------------

type Measured = Exclude<Role, 'upstream'>;

/** What each target must send upstream per request it answers. */
const EM_CALLS: Record<Measured, keyof UpstreamCounts | undefined> = {
  ceiling: undefined,
  floor: 'logouts',
  phone: 'logouts',
  confirm: 'queries',
};

/** Text that only the intended screen contains: every target answers 200, even on failure. */
const SCREEN_MARK: Record<Measured, string> = {
  ceiling: '<CiscoIPPhoneText>',
  floor: '<CiscoIPPhoneText>',
  phone: 'You are logged out.',
  confirm: 'Log out bench.user from this phone?',
};

const ORDER: readonly Measured[] = ['ceiling', 'floor', 'phone', 'confirm'];

async function measureRoutes(upstream: ChildServer): Promise<BenchRow[]> {
  const targets = new Map<Measured, ChildServer>();
  try {
    for (const name of ORDER) targets.set(name, await startChild(name, { upstream: upstream.url }));
    for (const [name, target] of targets) await probe(name, target);
    for (const target of targets.values()) {
      await load(target.url, { connections: CONNECTIONS, durationS: WARMUP_S, capS: 30 });
    }
    const rounds = await interleaved(targets, upstream);
    return routeRows(rounds);
  } finally {
    await Promise.all([...targets.values()].map((target) => target.close()));
  }
}

async function probe(name: Measured, target: ChildServer): Promise<void> {
  const response = await fetch(`${target.url}/logout?device=${deviceName(DEVICE_COUNT + 1)}`);
  const body = await response.text();
  if (response.status !== 200 || !body.includes(SCREEN_MARK[name])) {
    throw new Error(`${name} answered ${response.status} without '${SCREEN_MARK[name]}':\n${body}`);
  }
}

type Round = Record<Measured, LoadResult>;

async function interleaved(
  targets: ReadonlyMap<Measured, ChildServer>,
  upstream: ChildServer,
): Promise<Round[]> {
  const rounds: Round[] = [];
  for (let index = 0; index < ROUNDS; index += 1) {
    const round: Partial<Round> = {};
    // Each round starts one target later, so that no target always follows the same one.
    const order = [...ORDER.slice(index % ORDER.length), ...ORDER.slice(0, index % ORDER.length)];
    for (const name of order) round[name] = await measureOne(name, targets.get(name)!, upstream);
    rounds.push(round as Round);
    console.log(`bench: round ${index + 1}/${ROUNDS}: ${describeRound(round as Round)}`);
  }
  return rounds;
}

function describeRound(round: Round): string {
  return ORDER.map((name) => `${name} ${round[name].rps.toFixed(0)}/s`).join(', ');
}

/** One measurement, checked against what the upstream received meanwhile. */
async function measureOne(
  name: Measured,
  target: ChildServer,
  upstream: ChildServer,
): Promise<LoadResult> {
  const before = await settledCounts(upstream);
  const result = await load(target.url, {
    connections: CONNECTIONS,
    durationS: DURATION_S,
    capS: DURATION_S + 10,
  });
  const after = await settledCounts(upstream);
  checkEmCalls(name, result.requests, before, after);
  return result;
}

/**
 * The upstream's counts once they stop moving: requests that were in flight when a
 * load stopped still finish their EM call, and must count for the target that sent them.
 */
async function settledCounts(upstream: ChildServer): Promise<UpstreamCounts> {
  let last = await upstream.counts();
  for (let tries = 0; tries < 40; tries += 1) {
    await sleep(50);
    const now = await upstream.counts();
    if (now.logouts === last.logouts && now.queries === last.queries && now.others === last.others)
      return now;
    last = now;
  }
  throw new Error('the upstream kept receiving EM calls after the load had stopped');
}

/**
 * Each answered request must have cost exactly one EM call of its kind: fewer would
 * mean shared or skipped calls (and a flattering number), more a retry. Requests still
 * in flight when the load stopped may add up to one per connection.
 */
function checkEmCalls(
  name: Measured,
  requests: number,
  before: UpstreamCounts,
  after: UpstreamCounts,
): void {
  const kinds: (keyof UpstreamCounts)[] = ['logouts', 'queries', 'others'];
  for (const kind of kinds) {
    const calls = after[kind] - before[kind];
    const expected = EM_CALLS[name] === kind;
    const low = expected ? requests : 0;
    const high = expected ? requests + CONNECTIONS : 0;
    if (calls < low || calls > high) {
      throw new Error(
        `${name}: ${requests} requests made ${calls} EM ${kind}, expected ${low}..${high}`,
      );
    }
  }
}

function routeRows(rounds: readonly Round[]): BenchRow[] {
  const median = (pick: (round: Round) => number) => medianOf(rounds.map(pick));
  const rps = (name: Measured) => median((round) => round[name].rps);
  const p99 = (name: Measured) => median((round) => round[name].p99Ms);

  const rows: BenchRow[] = [
    { name: 'A framework ceiling', value: rps('ceiling'), unit: 'req/s' },
    { name: 'A p99 latency', value: p99('ceiling'), unit: 'ms' },
    { name: 'B design floor', value: rps('floor'), unit: 'req/s' },
    { name: 'B p99 latency', value: p99('floor'), unit: 'ms' },
    { name: 'B / A throughput', value: median((r) => r.floor.rps / r.ceiling.rps), unit: 'x' },
  ];
  const labels: [Measured, string][] = [
    ['phone', 'phone logout (confirm off)'],
    ['confirm', 'confirm screen (confirm on)'],
  ];
  for (const [name, label] of labels) {
    rows.push(
      { name: label, value: rps(name), unit: 'req/s' },
      { name: `${label} p99 latency`, value: p99(name), unit: 'ms' },
      judged(
        {
          name: `${label} / B throughput`,
          value: median((r) => r[name].rps / r.floor.rps),
          unit: 'x',
        },
        { atLeast: 0.8 },
      ),
      {
        name: `${label} / A throughput`,
        value: median((r) => r[name].rps / r.ceiling.rps),
        unit: 'x',
      },
      judged(
        {
          name: `${label} / B p99 latency`,
          value: median((r) => r[name].p99Ms / r.floor.p99Ms),
          unit: 'x',
        },
        { atMost: 2 },
      ),
    );
  }
  return rows;
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

// ---------------------------------------------------------------------------
// Bulk
// ---------------------------------------------------------------------------

/** Loaded only now, so that nothing of the bulk bench runs during the HTTP measurements. */
async function runBulk(): Promise<BenchRow[]> {
  const { runBulkBench } = await import('./bulk.js');
  return runBulkBench();
}

// Last, so that every constant above is initialised before either role starts.
const role = childRole();
if (role === undefined) process.exitCode = await main();
else await serveRole(role);
