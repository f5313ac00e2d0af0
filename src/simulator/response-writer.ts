import { create } from 'xmlbuilder2';

import type { Occupancy } from './state.js';

type XmlNode = ReturnType<typeof create>;

export interface DeviceUserRow {
  device: string;
  occupancy: Occupancy;
}

export interface UserListRow {
  userId: string;
  /** Device (or profile) names; undefined when the user does not exist. */
  names: string[] | undefined;
}

export type UserListResults = 'userDevicesResults' | 'deviceProfileResults';

export function successXml(): string {
  return responseXml((response) => response.ele('success'));
}

export function failureXml(code: number, text: string): string {
  return responseXml((response) => {
    response
      .ele('failure')
      .ele('error', { code: String(code) })
      .txt(text);
  });
}

export function deviceUserResultsXml(rows: readonly DeviceUserRow[]): string {
  return responseXml((response) => {
    const results = response.ele('deviceUserResults');
    rows.forEach((row) => addDevice(results, row));
  });
}

/** userDevicesResults and deviceProfileResults share one shape: names per user. */
export function userListResultsXml(kind: UserListResults, rows: readonly UserListRow[]): string {
  return responseXml((response) => {
    const results = response.ele(kind);
    rows.forEach((row) => addUser(results, row));
  });
}

// CUCM 12 style: a declaration naming UTF-8, one element a line, no indent.
function responseXml(fill: (response: XmlNode) => void): string {
  const response = create({ version: '1.0', encoding: 'UTF-8' }).ele('response');
  fill(response);
  return `${response.end({ prettyPrint: true, indent: '', newline: '\n' })}\n`;
}

function addDevice(results: XmlNode, { device, occupancy }: DeviceUserRow): void {
  const element = results.ele('device', { name: device });
  if (occupancy.kind === 'unknown-device') {
    element.ele('doesNotExist');
    return;
  }
  if (occupancy.kind === 'nobody') {
    // Two <none/> are what a CUCM 12 trace shows (user and last login):
    // kept so clients are tested against the real shape.
    element.ele('none').up().ele('none');
  } else {
    // No login history is kept, so lastlogin names the current user.
    const userId = encodeUserId(occupancy.userId);
    element.ele('userID').txt(userId).up().ele('lastlogin').txt(userId);
  }
  element.ele('emccDevice').txt('no');
}

function addUser(results: XmlNode, { userId, names }: UserListRow): void {
  const element = results.ele('user', { id: encodeUserId(userId) });
  if (names === undefined) {
    element.ele('doesNotExist');
  } else if (names.length === 0) {
    element.ele('none');
  } else {
    names.forEach((name) => element.ele('deviceName').txt(name));
  }
}

/** CUCM sends user ids percent-encoded as UTF-8 (em@example.com → em%40example.com). */
export function encodeUserId(userId: string): string {
  return encodeURIComponent(userId);
}
