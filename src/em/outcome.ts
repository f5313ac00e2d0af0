import type { DeviceUser } from './answers.js';
import type { EmFailure } from './failure.js';

/** What every EM operation reports besides its result. */
export interface Outcome {
  readonly node: string | undefined;
  readonly attempts: number;
  readonly durationMs: number;
}

export type LogoutOutcome = Outcome &
  (
    | { readonly ok: true; readonly repeated: boolean }
    | { readonly ok: false; readonly failure: EmFailure }
  );

export type DeviceUsersOutcome = Outcome &
  (
    | { readonly ok: true; readonly devices: readonly DeviceUser[] }
    | { readonly ok: false; readonly failure: EmFailure }
  );

export type DeviceUserOutcome = Outcome &
  (
    | { readonly ok: true; readonly device: DeviceUser }
    | { readonly ok: false; readonly failure: EmFailure }
  );

export type UserDevicesOutcome = Outcome &
  (
    | {
        readonly ok: true;
        readonly state: 'logged-in' | 'nobody' | 'unknown-user';
        readonly deviceNames: readonly string[];
      }
    | { readonly ok: false; readonly failure: EmFailure }
  );

export type ActionOutcome = Outcome &
  ({ readonly ok: true } | { readonly ok: false; readonly failure: EmFailure });

export function pickMeta(outcome: Outcome): Outcome {
  return { node: outcome.node, attempts: outcome.attempts, durationMs: outcome.durationMs };
}
