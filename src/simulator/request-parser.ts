import { EmCode } from './em-codes.js';
import { readXml } from './xml-reader.js';
import type { XmlElement } from './xml-reader.js';

export interface AppCredentials {
  readonly appId: string;
  readonly password: string;
}

export type EmOperation =
  | { kind: 'login'; device: string; userId: string; profile: string | undefined }
  | { kind: 'logout'; device: string }
  | { kind: 'logoutAll' };

export type EmQuery =
  | { kind: 'deviceUser'; devices: string[] }
  | { kind: 'userDevices'; users: string[] }
  | { kind: 'deviceProfile'; users: string[] };

export type EmRequest =
  | { type: 'operation'; app: AppCredentials; operation: EmOperation }
  | { type: 'query'; app: AppCredentials; query: EmQuery };

export type ParseFailureCode = typeof EmCode.ParseError | typeof EmCode.QueryTypeUndetermined;

export type ParseResult =
  { ok: true; request: EmRequest } | { ok: false; code: ParseFailureCode; reason: string };

const OPERATIONS = ['login', 'logout', 'logoutAll'];
// userDeviceProfileQuery is the name in Cisco's examples; the DTD says deviceProfileQuery.
const QUERIES = [
  'deviceUserQuery',
  'userDevicesQuery',
  'deviceProfileQuery',
  'userDeviceProfileQuery',
];

/** Reads an EM request or query document into a typed request. */
export function parseRequest(xmlText: string): ParseResult {
  const read = readXml(xmlText);
  if (!read.ok) return fail(EmCode.ParseError, read.reason);

  const { root } = read;
  if (root.name === 'request') return parseOperation(root);
  if (root.name === 'query') return parseQuery(root);
  return fail(EmCode.ParseError, `unknown root element <${root.name}>`);
}

function parseOperation(root: XmlElement): ParseResult {
  const found = root.children.filter((child) => OPERATIONS.includes(child.name));
  const [element] = found;
  if (found.length !== 1 || element === undefined) {
    return fail(EmCode.ParseError, 'a request holds exactly one of login, logout, logoutAll');
  }

  const operation = toOperation(element);
  return { ok: true, request: { type: 'operation', app: credentialsOf(root), operation } };
}

function toOperation(element: XmlElement): EmOperation {
  if (element.name === 'logoutAll') return { kind: 'logoutAll' };
  if (element.name === 'logout') return { kind: 'logout', device: textOf(element, 'deviceName') };

  // exclusiveDuration is accepted and ignored: the simulator never expires a login.
  const profile = textOf(element, 'deviceProfile');
  return {
    kind: 'login',
    device: textOf(element, 'deviceName'),
    userId: textOf(element, 'userID'),
    profile: profile === '' ? undefined : profile,
  };
}

function parseQuery(root: XmlElement): ParseResult {
  const found = root.children.filter((child) => QUERIES.includes(child.name));
  const [element] = found;
  if (found.length !== 1 || element === undefined) {
    return fail(EmCode.QueryTypeUndetermined, 'a query holds exactly one known query element');
  }

  const query = toQuery(element);
  return { ok: true, request: { type: 'query', app: credentialsOf(root), query } };
}

function toQuery(element: XmlElement): EmQuery {
  if (element.name === 'deviceUserQuery') {
    return { kind: 'deviceUser', devices: textsOf(element, 'deviceName') };
  }
  const users = textsOf(element, 'userID');
  return element.name === 'userDevicesQuery'
    ? { kind: 'userDevices', users }
    : { kind: 'deviceProfile', users };
}

// A missing appInfo or field reads as blank, which the protocol answers with code 2.
function credentialsOf(root: XmlElement): AppCredentials {
  const appInfo = root.children.find((child) => child.name === 'appInfo');
  if (appInfo === undefined) return { appId: '', password: '' };

  return { appId: textOf(appInfo, 'appID'), password: textOf(appInfo, 'appCertificate') };
}

function textOf(parent: XmlElement, name: string): string {
  return parent.children.find((child) => child.name === name)?.text ?? '';
}

function textsOf(parent: XmlElement, name: string): string[] {
  return parent.children.filter((child) => child.name === name).map((child) => child.text);
}

function fail(code: ParseFailureCode, reason: string): ParseResult {
  return { ok: false, code, reason };
}
