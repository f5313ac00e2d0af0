import { lookUpDevices } from '../../bulk/index.js';
import { settingsOf, withClient, type CommandContext } from '../context.js';
import { readDeviceArgs } from '../device-args.js';
import { EXIT } from '../exit-codes.js';
import { alignColumns, plural } from '../format.js';
import { isProblem, lookupJson, lookupText, WHO_CHUNK } from '../lookups.js';

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

  if (run.interrupted) {
    const notAsked = devices.length - run.lookups.length;
    context.out.line(`Interrupted: ${plural(notAsked, 'device')} not asked.`);
    return EXIT.interrupted;
  }
  return run.lookups.some((lookup) => isProblem(lookup)) ? EXIT.failed : EXIT.ok;
}
