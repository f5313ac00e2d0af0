import type { IncomingMessage } from 'node:http';

/** Far above any EM request (a few hundred bytes), far below what could hurt. */
export const MAX_BODY_BYTES = 64 * 1024;

export type XmlFieldResult = { kind: 'read'; xml: string | undefined } | { kind: 'too-large' };

const FORM_TYPE = 'application/x-www-form-urlencoded';

/** Splits a request target into its path and its query string (without `?`). */
export function splitTarget(target: string): { path: string; query: string } {
  const mark = target.indexOf('?');
  if (mark === -1) return { path: target, query: '' };

  return { path: target.slice(0, mark), query: target.slice(mark + 1) };
}

/**
 * Finds the `xml` field the way Tomcat's getParameter does: in a form body
 * when the request is a form POST, else in the query string.
 */
export async function readXmlField(req: IncomingMessage, query: string): Promise<XmlFieldResult> {
  const fromQuery = new URLSearchParams(query).get('xml') ?? undefined;
  if (req.method !== 'POST') {
    req.resume();
    return { kind: 'read', xml: fromQuery };
  }

  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === undefined) return { kind: 'too-large' };
  if (!isForm(req.headers['content-type'])) return { kind: 'read', xml: fromQuery };

  return { kind: 'read', xml: new URLSearchParams(body).get('xml') ?? fromQuery };
}

/**
 * Reads the whole body as UTF-8, or undefined past `limit` bytes. An
 * oversized body is still read to its end (and dropped): answering while the
 * client is still sending would reset the connection, and the client would
 * see a network error instead of the 413.
 */
async function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? undefined : Buffer.concat(chunks).toString('utf8');
}

function isForm(contentType: string | undefined): boolean {
  const [mediaType = ''] = (contentType ?? '').split(';');
  return mediaType.trim().toLowerCase() === FORM_TYPE;
}
