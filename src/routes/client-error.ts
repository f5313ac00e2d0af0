import type { Socket } from 'node:net';
import { catalogFor, noticeScreen, renderScreen } from '../../views/index.js';

/**
 * Requests Node's HTTP parser refuses before Express sees them: too large (a
 * runaway service URL) or malformed. A phone would show "HTTP Error [431]" or
 * "[400]"; it gets a screen instead, in English since nothing of the request
 * could be read.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW' || error.code === 'HPE_URI_TOO_LONG';
  const view = {
    strings: catalogFor('en'),
    demo: false,
    compact: false,
    links: { confirm: () => '', logout: () => '' },
  };
  const screen = noticeScreen(view, tooLarge ? 'tooLarge' : 'unreadable');
  const { body, contentType } = renderScreen(screen, { family: 'modern', charset: 'utf-8' });
  const head = [
    'HTTP/1.1 200 OK',
    `Content-Type: ${contentType}`,
    'Cache-Control: no-cache, no-store',
    `Content-Length: ${body.length}`,
    'Connection: close',
  ];
  socket.end(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), body]));
}
