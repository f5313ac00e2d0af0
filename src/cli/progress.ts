import cliProgress from 'cli-progress';
import type { TextSink } from './io.js';

export interface ProgressStatus {
  /** Requests the engine currently allows in flight. */
  readonly window: number;
}

export interface ProgressDisplay {
  start(total: number): void;
  update(done: number, status: ProgressStatus): void;
  stop(): void;
}

export interface ProgressOptions {
  readonly enabled: boolean;
  /** Plain lines at most this often. Default 2000 ms. */
  readonly intervalMs?: number;
  readonly now?: () => number;
}

/**
 * Progress on stderr: a bar with rate and ETA on a terminal, otherwise (a log
 * file, a CI job, a pipe) a plain line every few seconds that reads well later.
 */
export function createProgress(stream: TextSink, options: ProgressOptions): ProgressDisplay {
  if (!options.enabled) return { start() {}, update() {}, stop() {} };
  const now = options.now ?? (() => performance.now());
  return stream.isTTY === true
    ? new TerminalProgress(stream as NodeJS.WritableStream, now)
    : new LineProgress(stream, options.intervalMs ?? 2000, now);
}

class TerminalProgress implements ProgressDisplay {
  readonly #bar: cliProgress.SingleBar;
  readonly #now: () => number;
  #startedAt = 0;

  constructor(stream: NodeJS.WritableStream, now: () => number) {
    this.#now = now;
    this.#bar = new cliProgress.SingleBar(
      {
        stream,
        format:
          'logging out [{bar}] {value}/{total} {percentage}% | {rate}/s | ETA {eta_formatted} | window {window}',
        hideCursor: true,
        etaBuffer: 50,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
  }

  start(total: number): void {
    this.#startedAt = this.#now();
    this.#bar.start(total, 0, { rate: '0.0', window: '-' });
  }

  update(done: number, status: ProgressStatus): void {
    const rate = ratePerSecond(done, this.#now() - this.#startedAt);
    this.#bar.update(done, { rate: rate.toFixed(1), window: status.window });
  }

  stop(): void {
    this.#bar.stop();
  }
}

class LineProgress implements ProgressDisplay {
  readonly #stream: TextSink;
  readonly #intervalMs: number;
  readonly #now: () => number;
  #total = 0;
  #startedAt = 0;
  #printedAt = 0;

  constructor(stream: TextSink, intervalMs: number, now: () => number) {
    this.#stream = stream;
    this.#intervalMs = intervalMs;
    this.#now = now;
  }

  start(total: number): void {
    this.#total = total;
    this.#startedAt = this.#now();
    this.#printedAt = this.#startedAt;
  }

  update(done: number, status: ProgressStatus): void {
    const at = this.#now();
    if (at - this.#printedAt < this.#intervalMs || done >= this.#total) return;
    this.#printedAt = at;

    const rate = ratePerSecond(done, at - this.#startedAt);
    const percent = Math.floor((100 * done) / Math.max(1, this.#total));
    const eta = rate > 0 ? `, ETA ${formatSeconds((this.#total - done) / rate)}` : '';
    this.#stream.write(
      `em-logout: progress ${done}/${this.#total} (${percent}%), ` +
        `${rate.toFixed(1)}/s${eta}, window ${status.window}\n`,
    );
  }

  stop(): void {}
}

export function ratePerSecond(count: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (count * 1000) / elapsedMs : 0;
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.ceil(seconds - minutes * 60)} s`;
}
