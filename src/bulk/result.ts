import type { EmFailure, LogoutOutcome } from '../em/index.js';

/** CUCM's "No user logged in": the device is as wanted, so it counts as done. */
export const EM_CODE_NOBODY = 19;

/** CUCM's throttle ("Maximum Concurrent Requests"). */
export const EM_CODE_BUSY = 26;

export type BulkOutcome = 'logged-out' | 'nobody' | 'failed';

/** Outcomes a later run may skip: the device has nobody logged in any more. */
export const DONE_OUTCOMES: ReadonlySet<string> = new Set<BulkOutcome>(['logged-out', 'nobody']);

export interface BulkItem {
  /** A valid device name, as `readDeviceName` returns it. */
  readonly device: string;
}

export interface BulkResult<T extends BulkItem = BulkItem> {
  readonly item: T;
  readonly device: string;
  readonly outcome: BulkOutcome;
  /** CUCM's code for 'nobody' (19) and for EM refusals; undefined otherwise. */
  readonly emCode: number | undefined;
  /** One line for an administrator; never a secret. */
  readonly message: string;
  readonly failure: EmFailure | undefined;
  /** Requests sent for this device, CUCM's busy answers included. */
  readonly attempts: number;
  /** From the first request to the final answer, waits for retries included. */
  readonly durationMs: number;
}

export type LogoutVerdict = Pick<BulkResult, 'outcome' | 'emCode' | 'message' | 'failure'>;

export function verdictOf(outcome: LogoutOutcome): LogoutVerdict {
  // CUCM answered 19 to a device this process logged out moments before: in a
  // report that is what it is now, nobody logged in, as a fresh process would say.
  if (outcome.ok && outcome.repeated) {
    const message = 'No user logged in (logged out by this service moments before)';
    return { outcome: 'nobody', emCode: EM_CODE_NOBODY, message, failure: undefined };
  }
  if (outcome.ok) {
    return { outcome: 'logged-out', emCode: undefined, message: 'logged out', failure: undefined };
  }
  const { failure } = outcome;
  if (failure.kind === 'em' && failure.emCode === EM_CODE_NOBODY) {
    const message = failure.emMessage === '' ? 'No user logged in' : (failure.emMessage ?? '');
    return { outcome: 'nobody', emCode: EM_CODE_NOBODY, message, failure: undefined };
  }
  return { outcome: 'failed', emCode: failure.emCode, message: failure.description, failure };
}

export function isBusy(outcome: LogoutOutcome): boolean {
  return !outcome.ok && outcome.failure.kind === 'em' && outcome.failure.emCode === EM_CODE_BUSY;
}
