import { DEMO_APP_USER } from './seed.js';
import type { DeviceView } from './state.js';

export interface BannerInput {
  readonly url: string;
  readonly hostPort: string;
  readonly devices: readonly DeviceView[];
  readonly latencyMs: number;
  readonly maxConcurrent: number;
}

export const SERVLET_PATH = '/emservice/EMServiceServlet';

/** The block `npm run simulator` prints: where it is and how to point em-logout at it. */
export function bannerText(input: BannerInput): string {
  return [
    `CUCM Extension Mobility simulator listening on ${input.url}`,
    '',
    'Run em-logout against it with:',
    `  CUCM_HOST=${input.hostPort}`,
    `  EM_APP_ID=${DEMO_APP_USER.id}`,
    // A demo secret, printed on purpose: it exists only in this simulator.
    `  EM_APP_CERTIFICATE=${DEMO_APP_USER.password}`,
    `(or EM_URL=${input.url}${SERVLET_PATH} in place of CUCM_HOST)`,
    '',
    `Throttle: ${input.maxConcurrent} concurrent operations, ${input.latencyMs} ms each`,
    '',
    'Demo devices:',
    ...input.devices.map(deviceLine),
    '',
    'Stop with Ctrl+C.',
  ].join('\n');
}

function deviceLine(device: DeviceView): string {
  return `  ${device.name}  ${occupant(device)}`;
}

function occupant(device: DeviceView): string {
  if (!device.emEnabled) return '(Extension Mobility disabled)';
  return device.userId ?? '(nobody logged in)';
}
