import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Response } from 'supertest';

const SCREENS = new URL('../screens/', import.meta.url);

export const UTF8_XML = 'text/xml; charset=utf-8';
export const LATIN1_XML = 'text/xml; charset=iso-8859-1';

/** The expected screen, as a phone would receive it, from test/screens/NAME.xml. */
export function screenFile(name: string, encoding: BufferEncoding = 'utf8'): string {
  return readFileSync(new URL(name, SCREENS), encoding);
}

/**
 * A phone answer is always HTTP 200 with the exact Content-Type, the no-cache
 * headers, and byte for byte the expected document.
 */
export function assertScreen(res: Response, name: string, contentType = UTF8_XML): void {
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], contentType);
  assert.equal(res.headers['cache-control'], 'no-cache, no-store');
  assert.equal(res.headers['expires'], 'Thu, 01 Jan 2015 00:00:00 GMT');
  const encoding: BufferEncoding = contentType === LATIN1_XML ? 'latin1' : 'utf8';
  assert.equal(bodyText(res, encoding), screenFile(name, encoding));
}

/** supertest does not buffer text/xml as text; read the raw bytes. */
export function bodyText(res: Response, encoding: BufferEncoding = 'utf8'): string {
  const body: unknown = res.body;
  if (Buffer.isBuffer(body)) return body.toString(encoding);
  return res.text;
}

/** supertest parser that keeps the bytes, so charsets can be checked exactly. */
export function rawBody(res: unknown, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
