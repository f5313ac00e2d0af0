import { randomUUID } from 'node:crypto';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { AppCredentials } from './credentials.js';

/**
 * EM request documents, and the form bodies that carry them. xmlbuilder2 escapes
 * every value, so a password such as `p&ss<1+2%` reaches CUCM exactly.
 * No XML declaration: Cisco's documented requests carry none.
 *
 * xmlbuilder2 leaves an `&` alone when it starts something that looks like an
 * entity, so a password `p&amp;ss` would reach CUCM as `p&ss`. Escaping every `&`
 * first makes it write each value exactly as given.
 */
function literal(text: string): string {
  return text.replaceAll('&', '&amp;');
}

function withAppInfo(root: 'request' | 'query', credentials: AppCredentials): XMLBuilder {
  const doc = create().ele(root);
  doc
    .ele('appInfo')
    .ele('appID')
    .txt(literal(credentials.appId))
    .up()
    .ele('appCertificate')
    .txt(literal(credentials.appCertificate));
  return doc;
}

function finish(doc: XMLBuilder): string {
  return doc.end({ headless: true });
}

export function logoutRequest(credentials: AppCredentials, deviceName: string): string {
  const doc = withAppInfo('request', credentials);
  doc.ele('logout').ele('deviceName').txt(literal(deviceName));
  return finish(doc);
}

/** What is POSTed to the EM API: the document as the form field `xml`. */
export function formBody(xml: string): string {
  return `xml=${formEncoded(xml)}`;
}

/** As URLSearchParams writes a value; it encodes character by character, so pieces join. */
function formEncoded(text: string): string {
  return new URLSearchParams({ x: text }).toString().slice(2);
}

/** Characters that neither XML nor form encoding changes: most device names are only these. */
const PLAIN = /^[A-Za-z0-9_.*-]*$/;

/**
 * A document that differs between calls only in one value (the device name of a
 * logout or of a one-device query): written once by xmlbuilder2 around a unique
 * slot and form-encoded once; each call puts its escaped value there. These are
 * the hot path, one per phone request; a test holds them equal to a fresh build.
 */
function formTemplate(write: (value: string) => string): (value: string) => string {
  const slot = `value-slot-${randomUUID()}`;
  const [before, after, extra] = write(slot).split(slot);
  if (before === undefined || after === undefined || extra !== undefined) {
    return (value) => formBody(write(value));
  }
  const head = formBody(before);
  const tail = formEncoded(after);
  return (value) => head + (PLAIN.test(value) ? value : formEncoded(escapeText(value))) + tail;
}

/** `formBody(logoutRequest(credentials, deviceName))`, from a template. */
export function logoutForm(credentials: AppCredentials): (deviceName: string) => string {
  return formTemplate((deviceName) => logoutRequest(credentials, deviceName));
}

/** `formBody(deviceUserQuery(credentials, [deviceName]))`, from a template. */
export function oneDeviceQueryForm(credentials: AppCredentials): (deviceName: string) => string {
  return formTemplate((deviceName) => deviceUserQuery(credentials, [deviceName]));
}

/** Text content as xmlbuilder2 writes it: & < > escaped (a test holds the two equal). */
function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export interface LoginParams {
  deviceName: string;
  userId: string;
  deviceProfile?: string | undefined;
  /** Minutes, or 'indefinite'. */
  exclusiveDuration?: number | 'indefinite' | undefined;
}

export function loginRequest(credentials: AppCredentials, params: LoginParams): string {
  const doc = withAppInfo('request', credentials);
  const login = doc.ele('login');
  login.ele('deviceName').txt(literal(params.deviceName));
  login.ele('userID').txt(literal(params.userId));
  if (params.deviceProfile !== undefined)
    login.ele('deviceProfile').txt(literal(params.deviceProfile));
  if (params.exclusiveDuration === 'indefinite') {
    login.ele('exclusiveDuration').ele('indefinite');
  } else if (params.exclusiveDuration !== undefined) {
    login
      .ele('exclusiveDuration')
      .ele('time')
      .txt(literal(String(params.exclusiveDuration)));
  }
  return finish(doc);
}

export function logoutAllRequest(credentials: AppCredentials): string {
  const doc = withAppInfo('request', credentials);
  doc.ele('logoutAll');
  return finish(doc);
}

export function deviceUserQuery(
  credentials: AppCredentials,
  deviceNames: readonly string[],
): string {
  const doc = withAppInfo('query', credentials);
  const query = doc.ele('deviceUserQuery');
  for (const name of deviceNames) query.ele('deviceName').txt(literal(name));
  return finish(doc);
}

export function userDevicesQuery(credentials: AppCredentials, userId: string): string {
  const doc = withAppInfo('query', credentials);
  doc.ele('userDevicesQuery').ele('userID').txt(literal(userId));
  return finish(doc);
}
