import express, { type Express } from 'express';
import { Pool } from 'undici';

/**
 * The two yardsticks the phone routes are measured against, in the same run and on
 * the same upstream. A is the most any Express route can do on this machine; B is
 * the least this design can cost: one EM POST per request through a pool of five,
 * with no phone reading, no XML parsing and no screen rendering.
 */

/** A screen of the same size and headers as the service's "logged out" one. */
const SCREEN = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>\n<CiscoIPPhoneText>\n' +
    '  <Title>Extension Mobility</Title>\n  <Prompt>Logged out</Prompt>\n' +
    '  <Text>You are logged out.\nThe phone now restarts with its logout profile.\n' +
    'Phone: SEP000000000001</Text>\n  <SoftKeyItem>\n    <Name>Exit</Name>\n' +
    '    <URL>SoftKey:Exit</URL>\n    <Position>1</Position>\n  </SoftKeyItem>\n' +
    '</CiscoIPPhoneText>\n',
);

const SCREEN_HEADERS = {
  'Content-Type': 'text/xml; charset=utf-8',
  'Cache-Control': 'no-cache, no-store',
  Expires: 'Thu, 01 Jan 2015 00:00:00 GMT',
};

const LOGOUT_FORM = new URLSearchParams({
  xml:
    '<request><appInfo><appID>emlogout</appID><appCertificate>bench-secret</appCertificate>' +
    '</appInfo><logout><deviceName>SEP000000000001</deviceName></logout></request>',
}).toString();

export interface ServedApp {
  readonly app: Express;
  close(): Promise<void>;
}

/** Baseline A: a bare route that answers a fixed screen. */
export function frameworkCeiling(): ServedApp {
  const app = bareApp();
  app.get('/logout', function fixedScreen(_req, res) {
    res.status(200).set(SCREEN_HEADERS).end(SCREEN);
  });
  return { app, close: async () => undefined };
}

/** Baseline B: a bare route that POSTs one fixed logout upstream, then answers a fixed screen. */
export function designFloor(upstreamUrl: string): ServedApp {
  const pool = new Pool(upstreamUrl, { connections: 5 });
  const path = '/emservice/EMServiceServlet';
  const app = bareApp();

  app.get('/logout', async function fixedLogout(_req, res) {
    const answer = await pool.request({
      method: 'POST',
      path,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: LOGOUT_FORM,
    });
    // Read to the end: an unread body would keep its connection from the pool.
    await answer.body.text();
    res.status(200).set(SCREEN_HEADERS).end(SCREEN);
  });
  return { app, close: () => pool.close() };
}

/** The same app settings as the service, so that only the route differs. */
function bareApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  return app;
}
