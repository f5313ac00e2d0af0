import { child, childrenNamed, isNamed, type XmlNode } from './xml-reader.js';

/**
 * Reading EM answers leniently: optional declaration, extra and repeated elements,
 * whitespace, both failure shapes. A shape we cannot read returns `undefined` and
 * the caller reports the answer as unreadable, never as an EM code.
 */
export interface EmFailureAnswer {
  readonly outcome: 'failure';
  /** Undefined for the DTD's `<errorMessage>` shape, which carries no code. */
  readonly code: number | undefined;
  readonly message: string;
}

export type ActionAnswer = { readonly outcome: 'success' } | EmFailureAnswer;

export type DeviceUserState =
  | { readonly state: 'logged-in'; readonly userId: string }
  | { readonly state: 'nobody' }
  | { readonly state: 'unknown-device' };

export type DeviceUser = DeviceUserState & {
  readonly deviceName: string;
  readonly lastLogin: string | undefined;
};

export type DeviceUserAnswer =
  { readonly outcome: 'results'; readonly devices: readonly DeviceUser[] } | EmFailureAnswer;

export type UserDevicesAnswer =
  | {
      readonly outcome: 'results';
      readonly userId: string;
      readonly state: 'logged-in' | 'nobody' | 'unknown-user';
      readonly deviceNames: readonly string[];
    }
  | EmFailureAnswer;

export function readActionAnswer(root: XmlNode): ActionAnswer | undefined {
  if (!isNamed(root, 'response')) return undefined;
  const failure = readFailure(root);
  if (failure !== undefined) return failure;
  return child(root, 'success') === undefined ? undefined : { outcome: 'success' };
}

export function readDeviceUserAnswer(root: XmlNode): DeviceUserAnswer | undefined {
  if (!isNamed(root, 'response')) return undefined;
  const failure = readFailure(root);
  if (failure !== undefined) return failure;

  const results = child(root, 'deviceUserResults');
  if (results === undefined) return undefined;
  const devices: DeviceUser[] = [];
  for (const device of childrenNamed(results, 'device')) {
    const read = readDevice(device);
    if (read === undefined) return undefined;
    devices.push(read);
  }
  return { outcome: 'results', devices };
}

export function readUserDevicesAnswer(root: XmlNode): UserDevicesAnswer | undefined {
  if (!isNamed(root, 'response')) return undefined;
  const failure = readFailure(root);
  if (failure !== undefined) return failure;

  const user = child(child(root, 'userDevicesResults') ?? root, 'user');
  if (user === undefined) return undefined;
  const userId = decodeUserId(attribute(user, 'id') ?? '');
  const deviceNames = childrenNamed(user, 'deviceName')
    .map((node) => node.text)
    .filter((name) => name !== '');
  if (deviceNames.length > 0)
    return { outcome: 'results', userId, state: 'logged-in', deviceNames };
  if (child(user, 'doesNotExist') !== undefined) {
    return { outcome: 'results', userId, state: 'unknown-user', deviceNames };
  }
  return { outcome: 'results', userId, state: 'nobody', deviceNames };
}

/** Picks the asked device out of an answer that may list several, matching as CUCM does. */
export function findDevice(
  devices: readonly DeviceUser[],
  deviceName: string,
): DeviceUser | undefined {
  const wanted = deviceName.trim().toUpperCase();
  const named = devices.find((device) => device.deviceName.trim().toUpperCase() === wanted);
  // One device asked, one answered without a name: it can only be that one.
  const only = devices.length === 1 && devices[0]?.deviceName === '' ? devices[0] : undefined;
  return named ?? only;
}

function readFailure(root: XmlNode): EmFailureAnswer | undefined {
  const failure = child(root, 'failure');
  if (failure === undefined) return undefined;

  const error = child(failure, 'error');
  if (error !== undefined) {
    return { outcome: 'failure', code: readCode(attribute(error, 'code')), message: error.text };
  }
  const message = child(failure, 'errorMessage')?.text ?? failure.text;
  return { outcome: 'failure', code: undefined, message };
}

function readCode(raw: string | undefined): number | undefined {
  const text = raw?.trim() ?? '';
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

function readDevice(device: XmlNode): DeviceUser | undefined {
  const deviceName = attribute(device, 'name')?.trim() ?? '';
  const lastLoginText = child(device, 'lastlogin')?.text ?? '';
  const lastLogin = lastLoginText === '' ? undefined : decodeUserId(lastLoginText);
  const base = { deviceName, lastLogin };

  const userId = child(device, 'userID')?.text ?? '';
  if (userId !== '') return { ...base, state: 'logged-in', userId: decodeUserId(userId) };
  if (child(device, 'doesNotExist') !== undefined) return { ...base, state: 'unknown-device' };
  if (child(device, 'none') !== undefined) return { ...base, state: 'nobody' };
  return undefined;
}

/** CUCM percent-encodes user ids as UTF-8; a value that does not decode is shown as sent. */
function decodeUserId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function attribute(node: XmlNode, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const key = Object.keys(node.attributes).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? undefined : node.attributes[key];
}
