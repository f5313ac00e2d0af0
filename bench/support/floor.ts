import { DEMO_APP_USER, type SimulatorSeed } from '../../src/simulator/seed.js';

/** `count` device names in order: SEP000000000001, SEP000000000002, ... */
export function floorDevices(count: number): string[] {
  return Array.from({ length: count }, (_, index) => deviceName(index + 1));
}

export function deviceName(number: number): string {
  return `SEP${number.toString(16).toUpperCase().padStart(12, '0')}`;
}

/** A floor of phones, each with its own user logged in, and the demo application user. */
export function floorSeed(count: number): SimulatorSeed {
  const devices = floorDevices(count);
  return {
    appUsers: [{ ...DEMO_APP_USER, proxyRights: true }],
    users: devices.map((_, index) => ({
      id: userName(index + 1),
      profiles: [`${userName(index + 1)}-udp`],
    })),
    devices: devices.map((name, index) => ({ name, emEnabled: true, user: userName(index + 1) })),
  };
}

export function userName(number: number): string {
  return `user${String(number).padStart(4, '0')}`;
}

/** The CSV a floor's admin would feed `em-logout bulk`. */
export function floorCsv(devices: readonly string[]): string {
  return (
    ['device,desk', ...devices.map((device, index) => `${device},desk-${index + 1}`)].join('\n') +
    '\n'
  );
}
