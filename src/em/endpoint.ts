import { EmConfigError } from './errors/index.js';

export type CcmVersion = 'v333' | 'other' | 'Undefined';

export interface EmEndpoint {
  /** Where login, logout and logoutAll requests go. */
  readonly requestUrl: URL;
  /** Where queries go: the same servlet since 4.x, query.asp on 3.3. */
  readonly queryUrl: URL;
  /** A short name for logs and screens: host and port, never credentials. */
  readonly node: string;
}

export interface EndpointInput {
  callManagerHost?: string | null | undefined;
  url?: string | null | undefined;
  version?: CcmVersion | undefined;
}

const SERVLET_PATH = '/emservice/EMServiceServlet';
const V333_LOGIN_PATH = '/LoginService/login.asp';
const V333_QUERY_PATH = '/LoginService/query.asp';

/** Ports that mean TLS when no scheme is given: CUCM's Tomcat serves HTTPS on 8443. */
const TLS_PORTS = new Set(['8443', '443']);

export function parseVersion(value: string | null | undefined): CcmVersion {
  const text = (value ?? '').trim();
  if (text === '' || text.toLowerCase() === 'undefined') return 'Undefined';
  if (text.toLowerCase() === 'v333') return 'v333';
  if (text.toLowerCase() === 'other') return 'other';
  throw new EmConfigError(
    'Version',
    `Version must be v333, other or Undefined, got '${clip(text)}'`,
  );
}

/**
 * Builds the EM endpoint the way the original action did, with its gaps closed:
 * CallManagerHost wins over Url; Version picks the path and the default port.
 * 'Undefined' behaves as 'other': every CUCM still in service (5.x and later)
 * serves EM on the servlet, and 3.3 must be asked for by name.
 */
export function resolveEndpoint(input: EndpointInput): EmEndpoint {
  const host = input.callManagerHost?.trim() ?? '';
  if (host !== '') return endpointFromHost(host, input.version ?? 'Undefined');

  const url = input.url?.trim() ?? '';
  if (url !== '') return endpointFromUrl(url);

  throw new EmConfigError(
    'CallManagerHost',
    'Neither CallManagerHost nor Url is set: there is no EM service to talk to',
  );
}

function endpointFromHost(value: string, version: CcmVersion): EmEndpoint {
  const { scheme, authority } = splitScheme(value);
  const parsed = parseAuthority(authority, value);
  const defaultPort = version === 'v333' ? '80' : '8080';
  const port = parsed.port ?? (scheme === 'https' ? '8443' : defaultPort);
  const secure = scheme === 'https' || (scheme === undefined && TLS_PORTS.has(port));
  const base = `${secure ? 'https' : 'http'}://${parsed.hostname}:${port}`;

  if (version === 'v333') {
    return makeEndpoint(new URL(V333_LOGIN_PATH, base), new URL(V333_QUERY_PATH, base));
  }
  const servlet = new URL(SERVLET_PATH, base);
  return makeEndpoint(servlet, servlet);
}

function endpointFromUrl(value: string): EmEndpoint {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new EmConfigError('Url', `Url must be an absolute http(s) URL, got '${clip(value)}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new EmConfigError('Url', `Url must use http or https, got '${url.protocol}'`);
  }
  if (url.username !== '' || url.password !== '') {
    // Credentials travel in the XML; a password in the URL would end up in logs.
    throw new EmConfigError('Url', 'Url must not carry a user name or password');
  }
  url.hash = '';
  return makeEndpoint(url, queryUrlFor(url));
}

/** CUCM 3.3 answers queries on query.asp next to login.asp; later releases on one servlet. */
function queryUrlFor(url: URL): URL {
  const query = new URL(url.href);
  if (/\/login\.asp$/i.test(query.pathname)) {
    query.pathname = query.pathname.replace(/login\.asp$/i, 'query.asp');
  }
  return query;
}

function makeEndpoint(requestUrl: URL, queryUrl: URL): EmEndpoint {
  // URL#host drops a scheme's default port (v333 is on 80); the node always names its port.
  const port = requestUrl.port || (requestUrl.protocol === 'https:' ? '443' : '80');
  return { requestUrl, queryUrl, node: `${requestUrl.hostname}:${port}` };
}

function splitScheme(value: string): { scheme: 'http' | 'https' | undefined; authority: string } {
  const match = /^(https?):\/\/(.*)$/i.exec(value);
  if (match === null) return { scheme: undefined, authority: value };
  const scheme = match[1]?.toLowerCase() === 'https' ? 'https' : 'http';
  return { scheme, authority: (match[2] ?? '').replace(/\/+$/, '') };
}

interface Authority {
  hostname: string;
  port: string | undefined;
}

/** Accepts `host`, `host:port`, `[v6]`, `[v6]:port` and a bare IPv6 address. */
function parseAuthority(authority: string, original: string): Authority {
  const bareIpv6 = !authority.startsWith('[') && authority.split(':').length > 2;
  const candidate = bareIpv6 ? `[${authority}]` : authority;
  const invalid = new EmConfigError(
    'CallManagerHost',
    `CallManagerHost must be host, host:port or [IPv6]:port, got '${clip(original)}'`,
  );
  if (candidate === '' || /[/?#@\s]/.test(candidate)) throw invalid;

  let url: URL;
  try {
    url = new URL(`http://${candidate}`);
  } catch {
    throw invalid;
  }
  const explicitPort = /:(\d+)$/.exec(candidate)?.[1];
  if (explicitPort !== undefined && !isPort(explicitPort)) throw invalid;
  if (/:$/.test(candidate)) throw invalid;
  return {
    hostname: url.hostname,
    port: explicitPort === undefined ? undefined : String(Number(explicitPort)),
  };
}

function isPort(text: string): boolean {
  const port = Number(text);
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
