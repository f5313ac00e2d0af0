import { lookUpDevices, type DeviceLookup } from '../../bulk/index.js';
import { settingsOf, withClient, type CommandContext } from '../context.js';
import { readDeviceArgs } from '../device-args.js';
import { EXIT } from '../exit-codes.js';
import { alignColumns, failureJson, plural, type FailureJson } from '../format.js';

/** Devices per deviceUserQuery: the API takes many names in one query. */
export const WHO_CHUNK = 50;

/** `em-logout who SEP... [SEP...]`: who is logged in, a few queries for many devices. */
export async function whoCommand(context: CommandContext, values: string[]): Promise<number> {
  const devices = readDeviceArgs(values, context.out);
  const settings = settingsOf(context);

  const run = await withClient(context, settings, { paced: false }, (client) =>
    lookUpDevices(client, devices, {
      chunkSize: WHO_CHUNK,
      concurrency: settings.maxConcurrency,
      signal: context.io.signal,
    }),
  );
  context.out.document({
    command: 'who',
    interrupted: run.interrupted,
    devices: run.lookups.map(lookupJson),
  });
  const rows = run.lookups.map((lookup) => [lookup.device, lookupText(lookup)]);
  for (const line of alignColumns(rows)) context.out.line(line);

  const notAsked = devices.length - run.lookups.length;
  if (run.interrupted) context.out.line(`Interrupted: ${plural(notAsked, 'device')} not asked.`);
  if (run.interrupted) return EXIT.interrupted;
  return run.lookups.some((lookup) => isProblem(lookup)) ? EXIT.failed : EXIT.ok;
}

/** An unknown device fails the question as a failed query does: a script must notice. */
export function isProblem(lookup: DeviceLookup): boolean {
  return lookup.state === 'failed' || lookup.state === 'unknown-device';
}

export function lookupText(lookup: DeviceLookup): string {
  switch (lookup.state) {
    case 'logged-in':
      return lookup.userId;
    case 'nobody':
      return '(nobody logged in)';
    case 'unknown-device':
      return '(unknown to CUCM)';
    case 'failed':
      return `failed: ${lookup.failure.description}`;
  }
}

export interface LookupJson {
  readonly device: string;
  readonly state: DeviceLookup['state'];
  readonly userId: string | null;
  readonly lastLogin: string | null;
  readonly error: FailureJson | null;
}

export function lookupJson(lookup: DeviceLookup): LookupJson {
  const base = { device: lookup.device, state: lookup.state };
  switch (lookup.state) {
    case 'logged-in':
      return { ...base, userId: lookup.userId, lastLogin: lookup.lastLogin ?? null, error: null };
    case 'nobody':
      return { ...base, userId: null, lastLogin: lookup.lastLogin ?? null, error: null };
    case 'unknown-device':
      return { ...base, userId: null, lastLogin: null, error: null };
    case 'failed':
      return { ...base, userId: null, lastLogin: null, error: failureJson(lookup.failure) };
  }
}
