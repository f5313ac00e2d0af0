import type { Request } from 'express';

/**
 * The absolute base for soft key URLs. PUBLIC_URL wins; otherwise the Host the phone
 * used; phones speaking HTTP/1.0 may send no Host at all, and then the address the
 * request arrived on is the one the phone can reach again.
 */
export function baseUrlOf(req: Request, publicUrl: URL | undefined): string {
  if (publicUrl !== undefined) return publicUrl.href.replace(/\/+$/, '');
  const host = req.headers.host?.trim();
  if (host !== undefined && host !== '' && isPlausibleHost(host))
    return `${req.protocol}://${host}`;
  return `${req.protocol}://${localAuthority(req)}`;
}

function localAuthority(req: Request): string {
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const port = req.socket.localPort ?? 80;
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** A Host header becomes part of URLs the phone follows: accept only host[:port]. */
function isPlausibleHost(host: string): boolean {
  return host.length <= 100 && /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/.test(host);
}
