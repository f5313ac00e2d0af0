import { findDevice } from '../em/answers.js';
import type { DeviceUsersOutcome, EmFailure } from '../em/index.js';
import { BulkOptionError } from './errors.js';

/** What the lookup needs of an EmClient. */
export interface DeviceUsersClient {
  deviceUsers(deviceNames: readonly string[]): Promise<DeviceUsersOutcome>;
}

export type DeviceLookup =
  | {
      readonly device: string;
      readonly state: 'logged-in';
      readonly userId: string;
      readonly lastLogin: string | undefined;
    }
  | { readonly device: string; readonly state: 'nobody'; readonly lastLogin: string | undefined }
  | { readonly device: string; readonly state: 'unknown-device' }
  | { readonly device: string; readonly state: 'failed'; readonly failure: EmFailure };

export interface LookupOptions {
  /** Devices per deviceUserQuery. Default 50. */
  readonly chunkSize?: number | undefined;
  /** Queries in flight at once. Default 1. */
  readonly concurrency?: number | undefined;
  /** Aborting stops sending queries; those in flight finish. */
  readonly signal?: AbortSignal | undefined;
}

export interface LookupRun {
  /** In the order asked; only devices whose query was answered or failed. */
  readonly lookups: DeviceLookup[];
  readonly queries: number;
  readonly interrupted: boolean;
}

const DEFAULT_CHUNK = 50;

/**
 * Who is logged in on each device, asking for many devices per query, as the
 * EM API allows: a thousand devices take twenty queries, not a thousand.
 */
export async function lookUpDevices(
  client: DeviceUsersClient,
  devices: readonly string[],
  options: LookupOptions = {},
): Promise<LookupRun> {
  const chunkSize = positive('chunkSize', options.chunkSize ?? DEFAULT_CHUNK);
  const concurrency = positive('concurrency', options.concurrency ?? 1);
  const chunks = split(devices, chunkSize);
  const answers: (DeviceLookup[] | undefined)[] = chunks.map(() => undefined);

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chunks.length && options.signal?.aborted !== true) {
      const index = next;
      next += 1;
      answers[index] = await lookUpChunk(client, chunks[index] ?? []);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));

  const lookups = answers.flatMap((answer) => answer ?? []);
  return { lookups, queries: next, interrupted: answers.includes(undefined) };
}

async function lookUpChunk(
  client: DeviceUsersClient,
  devices: readonly string[],
): Promise<DeviceLookup[]> {
  const outcome = await client.deviceUsers(devices);
  if (!outcome.ok) {
    return devices.map((device) => ({ device, state: 'failed', failure: outcome.failure }));
  }
  return devices.map((device): DeviceLookup => {
    const found = findDevice(outcome.devices, device);
    if (found === undefined) {
      const description = `EM query answer does not mention ${device}`;
      return { device, state: 'failed', failure: { kind: 'unreadable', description } };
    }
    switch (found.state) {
      case 'logged-in':
        return { device, state: 'logged-in', userId: found.userId, lastLogin: found.lastLogin };
      case 'nobody':
        return { device, state: 'nobody', lastLogin: found.lastLogin };
      case 'unknown-device':
        return { device, state: 'unknown-device' };
    }
  });
}

function split<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}

function positive(option: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new BulkOptionError(option, `must be a positive integer, got ${value}`);
  }
  return value;
}
