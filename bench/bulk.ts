/**
 * Bulk logout against the simulator: how close `em-logout bulk` comes to the
 * fastest rate CUCM's throttle allows (slots / latency), and that no device
 * fails with 26 on the way, also when CUCM takes fewer at once than allowed.
 *
 * The CLI runs as its own process, as it would against a real CUCM; the
 * simulator runs here, on 127.0.0.1. A reference client without any pacing
 * (five bare loops) runs in the same rounds, so that what the machine allows
 * can be told apart from what the engine costs. Rounds are interleaved and the
 * medians reported. Alone: npx tsx bench/bulk.ts
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startSimulator, type RunningSimulator } from '../src/simulator/server.js';
import { DEMO_APP_USER } from '../src/simulator/seed.js';
import type { BenchRow } from './report.js';
import { floorCsv, floorDevices, floorSeed } from './support/floor.js';

export type { BenchRow };

const DEVICES = 1000;
const LATENCY_MS = 20;
const CLIENT_CONCURRENCY = 5;
const ROUNDS = 3;
const TARGET_RATIO = 0.95;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface BulkRound {
  /** Devices logged out per second, over the engine's run. */
  readonly rate: number;
  /** Report rows that failed with 26. */
  readonly busyFailures: number;
  readonly stillLoggedIn: number;
  readonly busyAnswers: number;
}

interface Round {
  readonly same: BulkRound;
  readonly fewer: BulkRound;
  readonly bareRate: number;
}

export async function runBulkBench(): Promise<BenchRow[]> {
  const rounds: Round[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    rounds.push({
      same: await measureBulk(CLIENT_CONCURRENCY),
      fewer: await measureBulk(3),
      bareRate: await measureBareLoop(),
    });
  }
  return [
    ...bulkRows('CUCM 5 slots', 5, rounds, (round) => round.same),
    ...bulkRows('CUCM 3 slots', 3, rounds, (round) => round.fewer),
    {
      name: 'bulk reference: 5 bare loops, no pacing, CUCM 5 slots / 250/s',
      value: median(rounds.map((round) => round.bareRate / ceilingOf(CLIENT_CONCURRENCY))),
      unit: 'x',
    },
  ];
}

function bulkRows(
  label: string,
  slots: number,
  rounds: readonly Round[],
  pick: (round: Round) => BulkRound,
): BenchRow[] {
  const name = `bulk 1000, ${label}, EM_MAX_CONCURRENCY ${CLIENT_CONCURRENCY}`;
  const ceiling = ceilingOf(slots);
  const picked = rounds.map(pick);
  const ratio = median(picked.map((round) => round.rate / ceiling));
  const busyFailures = sum(picked.map((round) => round.busyFailures));
  const stillLoggedIn = sum(picked.map((round) => round.stillLoggedIn));
  const rows: BenchRow[] = [
    { name: `${name}: rate`, value: median(picked.map((round) => round.rate)), unit: '/s' },
    {
      name: `${name}: rate / ceiling ${ceiling}/s`,
      value: ratio,
      unit: 'x',
      ...(slots === CLIENT_CONCURRENCY
        ? { target: `>= ${TARGET_RATIO}`, pass: ratio >= TARGET_RATIO }
        : {}),
    },
    {
      name: `${name}: code 26 failures in the reports`,
      value: busyFailures,
      unit: 'rows',
      target: '= 0',
      pass: busyFailures === 0,
    },
    {
      name: `${name}: devices left logged in`,
      value: stillLoggedIn,
      unit: 'devices',
      target: '= 0',
      pass: stillLoggedIn === 0,
    },
    {
      name: `${name}: busy answers (26), each sent again`,
      value: median(picked.map((round) => round.busyAnswers)),
      unit: 'answers',
    },
  ];
  if (slots === CLIENT_CONCURRENCY) {
    rows.push({
      name: `${name}: rate / reference's rate, same round`,
      value: median(rounds.map((round) => pick(round).rate / round.bareRate)),
      unit: 'x',
    });
  }
  return rows;
}

interface CliSummary {
  readonly counts: { readonly loggedOut: number };
  readonly elapsedMs: number;
  readonly busyAnswers: number;
}

/** One `em-logout bulk` of the whole floor, in its own process, against a fresh simulator. */
async function measureBulk(slots: number): Promise<BulkRound> {
  const dir = await mkdtemp(join(tmpdir(), 'em-logout-bench-'));
  const simulator = await floorSimulator(slots);
  try {
    const input = join(dir, 'floor.csv');
    const report = join(dir, 'report.csv');
    await writeFile(input, floorCsv(floorDevices(DEVICES)));
    const args = ['bulk', input, '--report', report, '--json', '--no-progress'];
    const output = await runNode(['--import', 'tsx', 'src/cli/main.ts', ...args], env(simulator));
    const summary = JSON.parse(output) as CliSummary;
    const reportText = await readFile(report, 'utf8');
    return {
      rate: (summary.counts.loggedOut * 1000) / summary.elapsedMs,
      busyFailures: reportText.split('\n').filter((row) => row.includes(',failed,26,')).length,
      stillLoggedIn: simulator.state.devices().filter((device) => device.userId !== undefined)
        .length,
      busyAnswers: summary.busyAnswers,
    };
  } finally {
    await simulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** What five back-to-back loops reach with no pacing at all: this machine's own limit. */
async function measureBareLoop(): Promise<number> {
  const simulator = await floorSimulator(CLIENT_CONCURRENCY);
  try {
    const output = await runNode(['--import', 'tsx', 'bench/support/bare-loop.ts'], {
      ...env(simulator),
      DEVICES: String(DEVICES),
      CONCURRENCY: String(CLIENT_CONCURRENCY),
    });
    const { elapsedMs } = JSON.parse(output) as { elapsedMs: number };
    return (DEVICES * 1000) / elapsedMs;
  } finally {
    await simulator.close();
  }
}

function floorSimulator(slots: number): Promise<RunningSimulator> {
  return startSimulator({
    host: '127.0.0.1',
    port: 0,
    latencyMs: LATENCY_MS,
    maxConcurrent: slots,
    seed: floorSeed(DEVICES),
  });
}

function ceilingOf(slots: number): number {
  return (slots * 1000) / LATENCY_MS;
}

/** Only the EM variables the child needs; none of this shell's CUCM settings. */
function env(simulator: RunningSimulator): Record<string, string> {
  const inherited = Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && !/^(CUCM_|EM_)/.test(entry[0]),
  );
  return {
    ...Object.fromEntries(inherited),
    CUCM_HOST: simulator.hostPort,
    EM_APP_ID: DEMO_APP_USER.id,
    EM_APP_CERTIFICATE: DEMO_APP_USER.password,
    EM_MAX_CONCURRENCY: String(CLIENT_CONCURRENCY),
  };
}

/** Runs node in the repository and resolves to its stdout; exit statuses above 1 reject. */
function runNode(args: readonly string[], childEnv: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 || code === 1) resolve(stdout);
      else reject(new Error(`node ${args.join(' ')} exited with ${code}: ${stderr}`));
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function formatRow(row: BenchRow): string {
  const digits = row.unit === 'x' ? 3 : row.unit === '/s' ? 1 : 0;
  const verdict =
    row.pass === undefined ? '' : `  (target ${row.target}: ${row.pass ? 'pass' : 'MISSED'})`;
  return `${row.name}: ${row.value.toFixed(digits)} ${row.unit}${verdict}`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await runBulkBench();
  for (const row of rows) console.log(formatRow(row));
  process.exitCode = rows.some((row) => row.pass === false) ? 1 : 0;
}
