import { stringify } from 'csv-stringify/sync';
import { randomUUID } from 'node:crypto';
import {
  checkDevices,
  runBulkLogout,
  type BulkResult,
  type DeviceEntry,
  type LogoutClient,
} from '../bulk/index.js';
import { ReportLayout } from '../bulk/report-layout.js';
import type { Logger } from '../logger.js';

/** One row of input: its line, the device as written, and the row's other columns. */
export interface JobInput {
  readonly header: readonly string[];
  readonly deviceIndex: number;
  readonly rows: readonly { readonly line: number; readonly values: readonly string[] }[];
  /** Lines that could not be read as a row (a CSV line with too many fields): skipped. */
  readonly problems?: readonly { readonly line: number; readonly message: string }[];
}

export type JobOutcome = 'logged-out' | 'nobody' | 'failed' | 'skipped';

export interface JobRow {
  readonly line: number;
  readonly device: string;
  readonly outcome: JobOutcome;
  readonly emCode: number | undefined;
  readonly message: string;
  readonly attempts: number;
  readonly durationMs: number;
}

export interface JobView {
  readonly jobId: string;
  readonly status: 'running' | 'done';
  readonly createdAt: string;
  readonly finishedAt: string | undefined;
  readonly total: number;
  readonly done: number;
  readonly counts: Readonly<Record<JobOutcome, number>>;
  readonly results: readonly JobRow[];
}

interface Job {
  readonly id: string;
  readonly createdAt: number;
  finishedAt: number | undefined;
  readonly total: number;
  readonly layout: ReportLayout;
  readonly inputs: ReadonlyMap<number, readonly string[]>;
  /** By input line, so that views list rows in the file's order whatever finished first. */
  readonly rows: Map<number, JobRow>;
}

export interface JobStoreOptions {
  readonly client: LogoutClient;
  readonly logger: Logger;
  /** Logouts in flight for one job; the EM client's own limit still applies on top. */
  readonly concurrency?: number;
  /** Jobs kept, running or finished; the oldest finished one goes first. */
  readonly maxJobs?: number;
  /** Most devices one job may name. */
  readonly maxDevices?: number;
  readonly now?: () => number;
}

export const JOB_DEFAULTS = { concurrency: 3, maxJobs: 20, maxDevices: 5000 } as const;

export class JobLimitError extends Error {
  override name = 'JobLimitError';
  readonly code: 'too_many_devices' | 'too_many_jobs';

  constructor(code: 'too_many_devices' | 'too_many_jobs', message: string) {
    super(message);
    this.code = code;
  }
}

export function isJobLimitError(value: unknown): value is JobLimitError {
  return value instanceof JobLimitError;
}

/**
 * Bulk logout jobs in memory, each run by the CLI's bulk engine in the background.
 * Invalid and repeated devices are reported as skipped, never sent.
 */
export class JobStore {
  readonly #jobs = new Map<string, Job>();
  /** Jobs still sending: how to stop each, and its run to wait for. */
  readonly #running = new Map<string, { stop: AbortController; run: Promise<void> }>();
  readonly #client: LogoutClient;
  readonly #logger: Logger;
  readonly #concurrency: number;
  readonly #maxJobs: number;
  readonly #now: () => number;
  readonly maxDevices: number;

  constructor(options: JobStoreOptions) {
    this.#client = options.client;
    this.#logger = options.logger;
    this.#concurrency = options.concurrency ?? JOB_DEFAULTS.concurrency;
    this.#maxJobs = options.maxJobs ?? JOB_DEFAULTS.maxJobs;
    this.maxDevices = options.maxDevices ?? JOB_DEFAULTS.maxDevices;
    this.#now = options.now ?? Date.now;
  }

  /** Starts a job; `onFinish` hears its summary once every device is done. */
  start(input: JobInput, onFinish?: (view: JobView) => void): JobView {
    const problems = input.problems ?? [];
    if (input.rows.length + problems.length > this.maxDevices) {
      const got = input.rows.length + problems.length;
      throw new JobLimitError(
        'too_many_devices',
        `a bulk job may name at most ${this.maxDevices} devices, got ${got}`,
      );
    }
    this.#makeRoom();
    const job = this.#create(input);
    const entries: DeviceEntry<undefined>[] = input.rows.map((row) => ({
      line: row.line,
      value: row.values[input.deviceIndex] ?? '',
      data: undefined,
    }));
    const { accepted, rejected } = checkDevices(entries);
    for (const skipped of [
      ...rejected,
      ...problems.map((problem) => ({ ...problem, value: '' })),
    ]) {
      job.rows.set(skipped.line, skippedRow(skipped.line, skipped.value, skipped.message));
    }
    const stop = new AbortController();
    const run = this.#run(job, accepted, onFinish, stop.signal).finally(() =>
      this.#running.delete(job.id),
    );
    this.#running.set(job.id, { stop, run });
    return this.view(job.id) as JobView;
  }

  /**
   * For a shutdown: running jobs send nothing more, their requests in flight
   * finish, and each device not sent is reported as such. Resolves when all is done.
   */
  async stop(): Promise<void> {
    const running = [...this.#running.values()];
    for (const { stop } of running) stop.abort();
    await Promise.all(running.map(({ run }) => run));
  }

  view(id: string): JobView | undefined {
    const job = this.#jobs.get(id);
    if (job === undefined) return undefined;
    const results = [...job.rows.values()].sort((a, b) => a.line - b.line);
    const counts = { 'logged-out': 0, nobody: 0, failed: 0, skipped: 0 };
    for (const row of results) counts[row.outcome] += 1;
    return {
      jobId: job.id,
      status: job.finishedAt === undefined ? 'running' : 'done',
      createdAt: new Date(job.createdAt).toISOString(),
      finishedAt: job.finishedAt === undefined ? undefined : new Date(job.finishedAt).toISOString(),
      total: job.total,
      done: results.length,
      counts,
      results,
    };
  }

  /** The CLI's report format: the input's other columns, then the result columns. */
  report(id: string): string | undefined {
    const job = this.#jobs.get(id);
    if (job === undefined) return undefined;
    const rows = [...job.rows.values()].sort((a, b) => a.line - b.line);
    const lines = rows.map((row) =>
      job.layout.row(job.inputs.get(row.line), {
        device: row.device,
        outcome: row.outcome,
        emCode: row.emCode,
        message: row.message,
        attempts: row.outcome === 'skipped' ? undefined : row.attempts,
        durationMs: row.outcome === 'skipped' ? undefined : row.durationMs,
      }),
    );
    return stringify([[...job.layout.header], ...lines]);
  }

  #create(input: JobInput): Job {
    const job: Job = {
      id: randomUUID(),
      createdAt: this.#now(),
      finishedAt: undefined,
      total: input.rows.length + (input.problems?.length ?? 0),
      layout: new ReportLayout(input.header, input.deviceIndex),
      inputs: new Map(input.rows.map((row) => [row.line, row.values])),
      rows: new Map(),
    };
    this.#jobs.set(job.id, job);
    return job;
  }

  async #run(
    job: Job,
    accepted: readonly { line: number; device: string }[],
    onFinish: ((view: JobView) => void) | undefined,
    signal: AbortSignal,
  ): Promise<void> {
    const onResult = (result: BulkResult<{ line: number; device: string }>) => {
      job.rows.set(result.item.line, rowOf(result));
    };
    const notSent = (message: string) => {
      const left = accepted.filter((item) => !job.rows.has(item.line));
      for (const item of left) job.rows.set(item.line, notSentRow(item, message));
      return left.length;
    };
    try {
      const summary = await runBulkLogout(this.#client, accepted, {
        maxConcurrency: this.#concurrency,
        onResult,
        signal,
        call: { context: { jobId: job.id } },
      });
      if (summary.interrupted) {
        const left = notSent('not sent: the service was stopping');
        this.#logger.warn({ jobId: job.id, notSent: left }, 'bulk job stopped by a shutdown');
      }
    } catch (error) {
      // The engine only throws for its options or a throwing onResult: a bug of ours.
      this.#logger.error({ err: error, jobId: job.id }, 'bulk job failed');
      notSent('not sent: the job stopped on an internal error');
    }
    job.finishedAt = this.#now();
    const view = this.view(job.id) as JobView;
    this.#logger.info({ jobId: job.id, total: view.total, counts: view.counts }, 'bulk job done');
    onFinish?.(view);
  }

  /** Drops the oldest finished jobs so one more fits; refuses when all are running. */
  #makeRoom(): void {
    for (const [id, job] of this.#jobs) {
      if (this.#jobs.size < this.#maxJobs) return;
      if (job.finishedAt !== undefined) this.#jobs.delete(id);
    }
    if (this.#jobs.size >= this.#maxJobs) {
      throw new JobLimitError(
        'too_many_jobs',
        `${this.#maxJobs} bulk jobs are running; wait for one to finish`,
      );
    }
  }
}

function rowOf(result: BulkResult<{ line: number; device: string }>): JobRow {
  return {
    line: result.item.line,
    device: result.device,
    outcome: result.outcome,
    emCode: result.emCode,
    message: result.message,
    attempts: result.attempts,
    durationMs: result.durationMs,
  };
}

function skippedRow(line: number, device: string, message: string): JobRow {
  return {
    line,
    device,
    outcome: 'skipped',
    emCode: undefined,
    message,
    attempts: 0,
    durationMs: 0,
  };
}

function notSentRow(item: { line: number; device: string }, message: string): JobRow {
  return {
    line: item.line,
    device: item.device,
    outcome: 'failed',
    emCode: undefined,
    message,
    attempts: 0,
    durationMs: 0,
  };
}
