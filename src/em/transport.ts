import { TextDecoder } from 'node:util';
import type { Dispatcher } from 'undici';
import {
  EmError,
  EmHttpStatusError,
  EmNetworkError,
  EmTimeoutError,
  EmUnreadableAnswerError,
  type NetworkReason,
} from './errors/index.js';
import type { Deadline } from './deadline.js';
import { decodeWindows1252 } from './windows-1252.js';

export interface PostOptions {
  readonly dispatcher: Dispatcher;
  readonly deadline: Deadline;
  readonly maxAnswerBytes: number;
}

/**
 * One EM exchange on the wire: POST the form (the document as the field `xml`) and return
 * the answer's text. Everything that is not an HTTP 200 with a readable body becomes
 * a typed EmError; the EM verdict itself is read by the caller.
 */
export async function postForm(url: URL, body: string, options: PostOptions): Promise<string> {
  let response: Dispatcher.ResponseData;
  try {
    response = await options.dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      signal: options.deadline.signal,
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        accept: 'text/xml, application/xml, */*',
      },
      body,
    });
  } catch (error) {
    throw toTransportError(error, url, options.deadline);
  }

  if (response.statusCode !== 200) {
    await response.body.dump().catch(() => undefined);
    throw new EmHttpStatusError(response.statusCode, url.href);
  }
  const bytes = await readCapped(response.body, url, options);
  return decodeAnswer(bytes, response.headers['content-type']);
}

/** The whole body, or an error as soon as it grows past the cap (the rest is not read). */
function readCapped(
  body: Dispatcher.ResponseData['body'],
  url: URL,
  options: PostOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= options.maxAnswerBytes) return void chunks.push(chunk);
      const cause = `larger than ${options.maxAnswerBytes} bytes`;
      reject(new EmUnreadableAnswerError(url.href, cause));
      body.destroy();
    });
    body.once('end', () => resolve(Buffer.concat(chunks, size)));
    body.once('error', (error) => reject(toTransportError(error, url, options.deadline)));
  });
}

/**
 * The answer's charset: the HTTP header first (RFC 7303), then the XML declaration,
 * else UTF-8. Any label the WHATWG decoder knows is honoured; 'latin1' decodes as
 * windows-1252, as browsers do, which is what such servers mean by it.
 */
function decodeAnswer(bytes: Buffer, contentType: string | string[] | undefined): string {
  const header = Array.isArray(contentType) ? contentType.join(';') : (contentType ?? '');
  const head = bytes.subarray(0, 100).toString('latin1');
  const label =
    /charset=["']?([\w.:-]+)/i.exec(header)?.[1] ?? /encoding=["']([\w.:-]+)["']/i.exec(head)?.[1];
  const decoder = decoderFor(label);
  return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
}

/** Decoders by label, made once each; only labels WHATWG knows are kept, so the map stays small. */
const decoders = new Map<string, TextDecoder>();
const UTF8 = new TextDecoder('utf-8');

function decoderFor(label: string | undefined): TextDecoder {
  if (label === undefined) return UTF8;
  const key = label.toLowerCase();
  let decoder = decoders.get(key);
  if (decoder !== undefined) return decoder;
  try {
    decoder = new TextDecoder(key);
  } catch {
    return UTF8;
  }
  decoders.set(key, decoder);
  return decoder;
}

const REASONS: readonly [RegExp, NetworkReason][] = [
  [/^ECONNREFUSED$/, 'refused'],
  [/^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/, 'reset'],
  [/^(ENOTFOUND|EAI_AGAIN|EAI_FAIL|EAI_NONAME)$/, 'dns'],
  [
    /^(EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ENETDOWN|ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT)$/,
    'unreachable',
  ],
  [/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|DEPTH_ZERO|ERR_OSSL/, 'tls'],
];

function toTransportError(error: unknown, url: URL, deadline: Deadline): EmError {
  if (error instanceof EmError) return error;
  if (deadline.signal.aborted)
    return new EmTimeoutError(url.href, deadline.timeoutMs, { cause: error });

  const code = findCode(error);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new EmTimeoutError(url.href, deadline.timeoutMs, { cause: error });
  }
  const reason = REASONS.find(([pattern]) => pattern.test(code ?? ''))?.[1] ?? 'other';
  return new EmNetworkError(reason, url.href, code ?? errorName(error), { cause: error });
}

/** undici nests the system error under `cause`; the first code found names the failure. */
function findCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown error';
}
