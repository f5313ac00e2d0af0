import { EmCode } from './em-codes.js';
import { SimulatorSetupError } from './errors.js';
import type { SeedAppUser, SeedDevice, SeedUser, SimulatorSeed } from './seed.js';

export type AuthResult = 'ok' | 'bad-credentials' | 'no-proxy-rights';

export type LogoutResult =
  | { ok: true }
  | {
      ok: false;
      code:
        | typeof EmCode.DeviceNotFound
        | typeof EmCode.DeviceLogonDisabled
        | typeof EmCode.NoUserLoggedIn;
    };

export type LoginResult =
  | { ok: true }
  | {
      ok: false;
      code:
        | typeof EmCode.DeviceNotFound
        | typeof EmCode.DeviceLogonDisabled
        | typeof EmCode.UserNotFound
        | typeof EmCode.ProfileNotFound
        | typeof EmCode.DeviceInUse
        | typeof EmCode.LoggedInElsewhere;
    };

/** Who is on a device, as a deviceUserQuery sees it. */
export type Occupancy =
  | { kind: 'unknown-device' }
  | { kind: 'nobody' }
  | { kind: 'user'; userId: string; profile: string | undefined };

export interface DeviceView {
  readonly name: string;
  readonly emEnabled: boolean;
  readonly userId: string | undefined;
  readonly profile: string | undefined;
}

interface Session {
  userId: string;
  profile: string | undefined;
}

interface DeviceRecord {
  readonly name: string;
  readonly emEnabled: boolean;
  session: Session | undefined;
}

const OK = { ok: true } as const;

/**
 * The cluster's Extension Mobility data, in memory: application users,
 * end users with their device profiles, and who is logged in where.
 * Every rule CUCM applies to a login or logout is checked here, so the
 * protocol layer only translates.
 */
export class SimulatorState {
  readonly #appUsers = new Map<string, SeedAppUser>();
  readonly #users = new Map<string, SeedUser>();
  readonly #devices = new Map<string, DeviceRecord>();

  constructor(seed: SimulatorSeed) {
    // Users before devices: a seeded device may name its logged-in user.
    seed.appUsers.forEach((appUser) => this.addAppUser(appUser));
    seed.users.forEach((user) => this.addUser(user));
    seed.devices.forEach((device) => this.addDevice(device));
  }

  addAppUser(appUser: SeedAppUser): void {
    assertNew(this.#appUsers, appUser.id, 'application user');
    this.#appUsers.set(appUser.id, { ...appUser });
  }

  addUser(user: SeedUser): void {
    assertNew(this.#users, user.id, 'user');
    this.#users.set(user.id, { id: user.id, profiles: [...user.profiles] });
  }

  addDevice(device: SeedDevice): void {
    assertNew(this.#devices, device.name, 'device');
    const session =
      device.user === undefined ? undefined : this.#session(device.user, device.profile);

    this.#devices.set(device.name, { name: device.name, emEnabled: device.emEnabled, session });
  }

  authenticate(appId: string, password: string): AuthResult {
    const appUser = this.#appUsers.get(appId);
    if (appUser === undefined || appUser.password !== password) return 'bad-credentials';

    return appUser.proxyRights ? 'ok' : 'no-proxy-rights';
  }

  login(deviceName: string, userId: string, profile?: string): LoginResult {
    const device = this.#devices.get(deviceName);
    if (device === undefined) return { ok: false, code: EmCode.DeviceNotFound };
    if (!device.emEnabled) return { ok: false, code: EmCode.DeviceLogonDisabled };

    const user = this.#users.get(userId);
    if (user === undefined) return { ok: false, code: EmCode.UserNotFound };

    const chosen = profile ?? user.profiles[0];
    if (chosen === undefined || !user.profiles.includes(chosen)) {
      return { ok: false, code: EmCode.ProfileNotFound };
    }
    if (device.session !== undefined) return { ok: false, code: EmCode.DeviceInUse };
    // "Multiple Login Behavior" at its default: not allowed.
    if (this.#deviceNamesOf(userId).length > 0)
      return { ok: false, code: EmCode.LoggedInElsewhere };

    device.session = { userId, profile: chosen };
    return OK;
  }

  logout(deviceName: string): LogoutResult {
    const device = this.#devices.get(deviceName);
    if (device === undefined) return { ok: false, code: EmCode.DeviceNotFound };
    if (!device.emEnabled) return { ok: false, code: EmCode.DeviceLogonDisabled };
    if (device.session === undefined) return { ok: false, code: EmCode.NoUserLoggedIn };

    device.session = undefined;
    return OK;
  }

  /** Logs out every device of the cluster; returns how many had a user. */
  logoutAll(): number {
    let count = 0;
    for (const device of this.#devices.values()) {
      if (device.session !== undefined) count += 1;
      device.session = undefined;
    }
    return count;
  }

  whoIsOn(deviceName: string): Occupancy {
    const device = this.#devices.get(deviceName);
    if (device === undefined) return { kind: 'unknown-device' };
    if (device.session === undefined) return { kind: 'nobody' };

    return { kind: 'user', ...device.session };
  }

  /** Devices the user is logged in on; undefined for an unknown user. */
  devicesOf(userId: string): string[] | undefined {
    return this.#users.has(userId) ? this.#deviceNamesOf(userId) : undefined;
  }

  /** The user's device profiles, default first; undefined for an unknown user. */
  profilesOf(userId: string): string[] | undefined {
    const user = this.#users.get(userId);
    return user === undefined ? undefined : [...user.profiles];
  }

  loggedInUser(deviceName: string): string | undefined {
    return this.#devices.get(deviceName)?.session?.userId;
  }

  /**
   * Puts a user on a device (or clears it) without the login rules, so a
   * test can build any situation, including ones CUCM would refuse.
   */
  setLoggedIn(deviceName: string, userId: string | undefined): void {
    const device = this.#devices.get(deviceName);
    if (device === undefined) {
      throw new SimulatorSetupError('SIM_UNKNOWN_DEVICE', `unknown device '${deviceName}'`);
    }
    device.session = userId === undefined ? undefined : this.#session(userId, undefined);
  }

  /** A snapshot of every device, in the order they were added. */
  devices(): DeviceView[] {
    return [...this.#devices.values()].map((device) => ({
      name: device.name,
      emEnabled: device.emEnabled,
      userId: device.session?.userId,
      profile: device.session?.profile,
    }));
  }

  #deviceNamesOf(userId: string): string[] {
    const names: string[] = [];
    for (const device of this.#devices.values()) {
      if (device.session?.userId === userId) names.push(device.name);
    }
    return names;
  }

  #session(userId: string, profile: string | undefined): Session {
    const user = this.#users.get(userId);
    if (user === undefined) {
      throw new SimulatorSetupError('SIM_UNKNOWN_USER', `unknown user '${userId}'`);
    }
    if (profile !== undefined && !user.profiles.includes(profile)) {
      throw new SimulatorSetupError(
        'SIM_UNKNOWN_PROFILE',
        `profile '${profile}' is not one of user '${userId}'s profiles`,
      );
    }
    return { userId, profile: profile ?? user.profiles[0] };
  }
}

function assertNew(map: ReadonlyMap<string, unknown>, key: string, kind: string): void {
  if (map.has(key)) {
    throw new SimulatorSetupError('SIM_DUPLICATE_NAME', `${kind} '${key}' is defined twice`);
  }
}
