/** The time one EM operation may take, retries and queueing included. */
export interface Deadline {
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
}

/**
 * A deadline whose timer is cleared as soon as the operation ends. Unlike
 * `AbortSignal.timeout`, nothing of a finished operation stays alive until its
 * time would have run out, which under load is thousands of signals and timers.
 */
export function startDeadline(timeoutMs: number): Deadline & { clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  timer.unref();
  return { signal: controller.signal, timeoutMs, clear: () => clearTimeout(timer) };
}
