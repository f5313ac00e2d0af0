import { connect } from 'node:net';

/** Sends bytes exactly as given (an HTTP/1.0 phone without Host, say) and returns the whole answer. */
export function rawRequest(port: number, request: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error('raw request timed out')));
    socket.write(request);
  });
}

/** Splits a raw HTTP answer into status line, headers (lower-case names) and body. */
export function parseRaw(answer: Buffer): {
  status: string;
  headers: Record<string, string>;
  body: Buffer;
} {
  const end = answer.indexOf('\r\n\r\n');
  const [status = '', ...lines] = answer.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status, headers, body: answer.subarray(end + 4) };
}
