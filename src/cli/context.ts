import type { EmSettings } from '../config.js';
import type { EmClient } from '../em/index.js';
import { createEmClient } from './em-client.js';
import type { CliIo } from './io.js';
import type { Output } from './output.js';
import { readEmSettings, type ConnectionFlags } from './settings.js';

/** What every command gets: its process, its output, and the connection flags. */
export interface CommandContext {
  readonly io: CliIo;
  readonly out: Output;
  readonly flags: ConnectionFlags;
}

/** Reads the EM settings; throws CliConfigError (exit 2) before anything is sent. */
export function settingsOf(context: CommandContext): EmSettings {
  return readEmSettings(context.io.env, context.flags);
}

/** Runs `work` with an EM client that is closed afterwards, whatever happens. */
export async function withClient<T>(
  context: CommandContext,
  settings: EmSettings,
  options: { paced: boolean },
  work: (client: EmClient) => Promise<T>,
): Promise<T> {
  if (settings.tlsInsecure) {
    context.out.warn('EM_TLS_INSECURE=true: the EM service certificate is NOT verified');
  }
  const client = createEmClient(settings, options);
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}
