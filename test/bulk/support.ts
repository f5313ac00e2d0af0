import { EmClient, resolveEndpoint, type EmClientOptions } from '../../src/em/index.js';
import { DEMO_APP_USER, type SimulatorSeed } from '../../src/simulator/seed.js';
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../src/simulator/server.js';

/** `count` device names in order: SEP000000000001, SEP000000000002, ... */
export function floorDevices(count: number): string[] {
  return Array.from({ length: count }, (_, index) => deviceName(index + 1));
}

export function deviceName(number: number): string {
  return `SEP${number.toString(16).toUpperCase().padStart(12, '0')}`;
}

export function userName(number: number): string {
  return `user${String(number).padStart(4, '0')}`;
}

/** A floor of phones, each with its own user logged in, and the demo application user. */
export function floorSeed(count: number): SimulatorSeed {
  const numbers = Array.from({ length: count }, (_, index) => index + 1);
  return {
    appUsers: [{ ...DEMO_APP_USER, proxyRights: true }],
    users: numbers.map((number) => ({
      id: userName(number),
      profiles: [`${userName(number)}-udp`],
    })),
    devices: numbers.map((number) => ({
      name: deviceName(number),
      emEnabled: true,
      user: userName(number),
    })),
  };
}

/** Successful logouts per device, counted where the simulator applies them. */
export function countLogouts(simulator: RunningSimulator): Map<string, number> {
  const counts = new Map<string, number>();
  const { state } = simulator;
  const logout = state.logout.bind(state);
  state.logout = (deviceName: string) => {
    const result = logout(deviceName);
    if (result.ok) counts.set(deviceName, (counts.get(deviceName) ?? 0) + 1);
    return result;
  };
  return counts;
}

/** Simulators and clients a test opens, closed together in afterEach. */
export class Opened {
  readonly #simulators: RunningSimulator[] = [];
  readonly #clients: EmClient[] = [];

  async simulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
    const simulator = await startSimulator({ host: '127.0.0.1', port: 0, ...options });
    this.#simulators.push(simulator);
    return simulator;
  }

  client(simulator: RunningSimulator, options: Partial<EmClientOptions> = {}): EmClient {
    const client = new EmClient({
      endpoints: [resolveEndpoint({ callManagerHost: simulator.hostPort })],
      credentials: { appId: DEMO_APP_USER.id, appCertificate: DEMO_APP_USER.password },
      timeoutMs: 2000,
      retryBusy: false,
      ...options,
    });
    this.#clients.push(client);
    return client;
  }

  async close(): Promise<void> {
    const clients = this.#clients.splice(0);
    const simulators = this.#simulators.splice(0);
    await Promise.all(clients.map((client) => client.close()));
    await Promise.all(simulators.map((simulator) => simulator.close()));
  }
}
