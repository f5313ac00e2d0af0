import { ownValue, VALUES_MAX } from './input.js';
import { showable } from './text.js';

export type DeviceNameResult =
  | { ok: true; name: string }
  | { ok: false; problem: 'missing' | 'placeholder' | 'invalid' | 'ambiguous'; raw?: string };

/** Longest CUCM device name. */
export const DEVICE_NAME_MAX = 50;

/** `raw` may be quoted on a phone screen, so it stays short. */
const RAW_MAX = 60;

/** Longer values are rejected unread: no device name comes close. */
const READ_MAX = 256;

const SEP_NAME = /^SEP[0-9A-F]{12}$/;
const OTHER_NAME = /^[A-Z][A-Z0-9._-]*$/;

/**
 * What arrives when the URL was used where CUCM does not substitute `#DEVICENAME#`: the
 * placeholder itself, its double-encoded form decoded once, or the bare word.
 */
const PLACEHOLDER = /^(?:#|%23)?DEVICENAME(?:#|%23)?$/i;

/**
 * Checked on the value as sent, before upper-casing: `toUpperCase` turns the dotless `ı` into
 * `I` and the long `ſ` into `S`, which would let look-alike text pass as a real name.
 */
const NAME_CHARACTERS = /^[A-Za-z0-9._-]+$/;

type Refusal = { kind: 'placeholder' | 'invalid'; raw?: string };
type Reading = { kind: 'name'; name: string } | Refusal;

/**
 * True for a device name in the canonical form `readDeviceName` returns: upper case, no
 * spaces. `SEP` is the prefix of a phone named after its MAC address, so `SEP` followed by
 * anything but 12 hex digits is a typo, never a real phone.
 */
export function isValidDeviceName(name: string): boolean {
  if (typeof name !== 'string' || PLACEHOLDER.test(name)) return false;
  if (name.startsWith('SEP')) return SEP_NAME.test(name);

  return name.length <= DEVICE_NAME_MAX && OTHER_NAME.test(name);
}

/**
 * The device to log out, from `device=` (what admins provision as `device=#DEVICENAME#`) and
 * `name=` (what phones append to every service URL). Both are read: if they, or repeats of
 * one, disagree the answer is 'ambiguous', because logging out the wrong phone is worse than
 * logging out none.
 */
export function readDeviceName(query: Record<string, unknown>): DeviceNameResult {
  const readings = [...readParameter(query, 'device'), ...readParameter(query, 'name')];
  if (readings.length === 0) return { ok: false, problem: 'missing' };

  const refusal = firstRefusal(readings);
  if (refusal !== undefined) return failure(refusal.kind, refusal.raw);

  const names = new Set(
    readings.flatMap((reading) => (reading.kind === 'name' ? [reading.name] : [])),
  );
  const [name, ...others] = names;
  if (name === undefined) return { ok: false, problem: 'missing' };
  if (others.length > 0) return failure('ambiguous', showable([...names].join(', '), RAW_MAX));

  return { ok: true, name };
}

/** A placeholder says more about what is wrong (the URL's set-up) than a bad value does. */
function firstRefusal(readings: Reading[]): Refusal | undefined {
  const refusals = readings.filter((reading): reading is Refusal => reading.kind !== 'name');
  return refusals.find((refusal) => refusal.kind === 'placeholder') ?? refusals[0];
}

function failure(
  problem: 'placeholder' | 'invalid' | 'ambiguous',
  raw: string | undefined,
): DeviceNameResult {
  return raw === undefined ? { ok: false, problem } : { ok: false, problem, raw };
}

function readParameter(query: Record<string, unknown>, key: string): Reading[] {
  const value = ownValue(query, key);
  if (!Array.isArray(value)) return readValue(value);
  if (value.length > VALUES_MAX) return [{ kind: 'invalid' }];

  return value.flatMap(readValue);
}

/** No reading for an absent or empty value: it claims nothing, so it cannot conflict. */
function readValue(value: unknown): Reading[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'string') return [{ kind: 'invalid' }];

  const raw = showable(value, RAW_MAX);
  if (value.length > READ_MAX) return [{ kind: 'invalid', raw }];

  // Only spaces are trimmed (CUCM's own traces show a trailing one); a tab, CR, LF or NUL
  // makes the value invalid rather than silently cleaned.
  const trimmed = value.replace(/^ +| +$/g, '');
  if (trimmed === '') return [];
  if (PLACEHOLDER.test(trimmed)) return [{ kind: 'placeholder', raw }];
  if (!NAME_CHARACTERS.test(trimmed)) return [{ kind: 'invalid', raw }];

  const name = trimmed.toUpperCase();
  return isValidDeviceName(name) ? [{ kind: 'name', name }] : [{ kind: 'invalid', raw }];
}
