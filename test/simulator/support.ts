import { DEMO_APP_USER } from '../../src/simulator/seed.js';

export const SERVLET = '/emservice/EMServiceServlet';
export const EM_TYPE = 'text/xml; charset=utf-8';
export const PAGE_TYPE = 'text/html;charset=utf-8';
export const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

export interface Reply {
  status: number;
  contentType: string | null;
  body: string;
}

/** Joins lines into a body the way the simulator ends it: with a newline. */
export function lines(...parts: string[]): string {
  return `${parts.join('\n')}\n`;
}

export const SUCCESS = lines(DECLARATION, '<response>', '<success/>', '</response>');

export function failure(code: number, text: string): string {
  return lines(
    DECLARATION,
    '<response>',
    '<failure>',
    `<error code="${code}">${text}</error>`,
    '</failure>',
    '</response>',
  );
}

/** XML-escapes a value, as a correct client does before putting it in a request. */
export function escapeXml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

export function appInfo(id = DEMO_APP_USER.id, password = DEMO_APP_USER.password): string {
  return (
    `<appInfo><appID>${escapeXml(id)}</appID>` +
    `<appCertificate>${escapeXml(password)}</appCertificate></appInfo>`
  );
}

export function logoutXml(device: string, app = appInfo()): string {
  return `<request>${app}<logout><deviceName>${escapeXml(device)}</deviceName></logout></request>`;
}

export function loginXml(
  device: string,
  userId: string,
  profile?: string,
  app = appInfo(),
): string {
  const profileXml =
    profile === undefined ? '' : `<deviceProfile>${escapeXml(profile)}</deviceProfile>`;
  return (
    `<request>${app}<login><deviceName>${escapeXml(device)}</deviceName>` +
    `<userID>${escapeXml(userId)}</userID>${profileXml}</login></request>`
  );
}

export function queryXml(inner: string, app = appInfo()): string {
  return `<query>${app}${inner}</query>`;
}

/** POSTs an XML document the documented way: one form field, `xml`. */
export async function postXml(baseUrl: string, xml: string, path = SERVLET): Promise<Reply> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    body: new URLSearchParams({ xml }),
  });
  return reply(response);
}

export async function reply(response: Response): Promise<Reply> {
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: await response.text(),
  };
}

/** What an EM answer looks like on the wire: always HTTP 200 and text/xml. */
export function emReply(body: string): Reply {
  return { status: 200, contentType: EM_TYPE, body };
}
