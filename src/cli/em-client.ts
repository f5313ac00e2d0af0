import type { EmSettings } from '../config.js';
import { EmClient } from '../em/index.js';

/**
 * The EM client of one command. `paced` hands CUCM's busy answers (26) to the bulk
 * engine instead of retrying them inside the client, so its window adapts at once.
 * No memory of earlier logouts: the command line never sends a device twice.
 */
export function createEmClient(settings: EmSettings, options: { paced: boolean }): EmClient {
  return new EmClient({
    endpoints: settings.endpoints,
    credentials: { appId: settings.appId, appCertificate: settings.appCertificate },
    timeoutMs: settings.timeoutMs,
    maxConcurrency: settings.maxConcurrency,
    retryBusy: !options.paced,
    rememberLogoutMs: 0,
    tls: {
      ...(settings.ca === undefined ? {} : { ca: settings.ca }),
      rejectUnauthorized: !settings.tlsInsecure,
    },
  });
}
