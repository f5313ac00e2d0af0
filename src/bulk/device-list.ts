import { readDeviceName } from '../phone/device-name.js';
import { showable } from '../phone/text.js';

/** One device name as an administrator wrote it, with where it came from. */
export interface DeviceEntry<T = undefined> {
  /** 1-based line (of a file) or position (of an argument list). */
  readonly line: number;
  readonly value: string;
  /** Whatever the caller carries along (the other columns of a CSV row). */
  readonly data: T;
}

export type DeviceProblem = 'missing' | 'placeholder' | 'invalid' | 'duplicate';

export interface AcceptedDevice<T = undefined> {
  readonly line: number;
  /** Canonical: upper case, spaces trimmed. */
  readonly device: string;
  readonly data: T;
}

export interface RejectedDevice<T = undefined> {
  readonly line: number;
  readonly value: string;
  readonly data: T;
  readonly problem: DeviceProblem;
  /** For 'duplicate': the line that named the device first. */
  readonly firstLine: number | undefined;
  /** What is wrong, without its own position: "'SEP12' is not a valid device name (...)". */
  readonly message: string;
}

export interface CheckedDevices<T> {
  readonly accepted: AcceptedDevice<T>[];
  readonly rejected: RejectedDevice<T>[];
}

/** Longest value quoted back in a message. */
const QUOTE_MAX = 60;

/**
 * Sorts names into those safe to send and those that must not be: empty,
 * CUCM's `#DEVICENAME#` placeholder, not a device name, or a repeat. A repeat
 * is never sent twice; the first occurrence wins.
 */
export function checkDevices<T>(
  entries: Iterable<DeviceEntry<T>>,
  options: { unit?: 'line' | 'argument' } = {},
): CheckedDevices<T> {
  const unit = options.unit ?? 'line';
  const accepted: AcceptedDevice<T>[] = [];
  const rejected: RejectedDevice<T>[] = [];
  const firstLines = new Map<string, number>();

  for (const entry of entries) {
    const read = readDeviceName({ device: entry.value });
    if (!read.ok) {
      rejected.push(rejection(entry, problemOf(read.problem), undefined, unit));
      continue;
    }
    const firstLine = firstLines.get(read.name);
    if (firstLine !== undefined) {
      rejected.push(rejection({ ...entry, value: read.name }, 'duplicate', firstLine, unit));
      continue;
    }
    firstLines.set(read.name, entry.line);
    accepted.push({ line: entry.line, device: read.name, data: entry.data });
  }
  return { accepted, rejected };
}

function problemOf(problem: 'missing' | 'placeholder' | 'invalid' | 'ambiguous'): DeviceProblem {
  return problem === 'missing' || problem === 'placeholder' ? problem : 'invalid';
}

function rejection<T>(
  entry: DeviceEntry<T>,
  problem: DeviceProblem,
  firstLine: number | undefined,
  unit: string,
): RejectedDevice<T> {
  const { line, value, data } = entry;
  const message = describe(value, problem, `${unit} ${firstLine ?? '?'}`);
  return { line, value, data, problem, firstLine, message };
}

function describe(value: string, problem: DeviceProblem, first: string): string {
  const quoted = `'${showable(value, QUOTE_MAX)}'`;
  switch (problem) {
    case 'missing':
      return 'no device name';
    case 'placeholder':
      return `${quoted} is CUCM's placeholder, not a device name`;
    case 'invalid':
      return `${quoted} is not a valid device name (SEP and 12 hex digits, or letters, digits, '.', '_', '-')`;
    case 'duplicate':
      return `${value} repeats ${first}: sent once`;
  }
}
