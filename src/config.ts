import { readFileSync } from 'node:fs';
import { parseVersion, resolveEndpoint, type CcmVersion, type EmEndpoint } from './em/index.js';
import { NetworkList } from './net/networks.js';

/**
 * Environment to validated configuration. Every default lives here, every value is
 * checked once, and every problem is reported at start-up by variable name with
 * the value expected. Secret values are never repeated in a message.
 */
export interface EmSettings {
  /** Empty in demo mode: the embedded simulator's address is filled in at start-up. */
  readonly endpoints: readonly EmEndpoint[];
  readonly version: CcmVersion;
  readonly appId: string;
  readonly appCertificate: string;
  readonly timeoutMs: number;
  readonly maxConcurrency: number;
  readonly caFile: string | undefined;
  readonly ca: Buffer | undefined;
  readonly tlsInsecure: boolean;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  /** True when no CUCM is configured and the embedded simulator stands in for it. */
  readonly demo: boolean;
  readonly em: EmSettings;
  readonly logoutConfirm: boolean;
  readonly publicUrl: URL | undefined;
  readonly logLevel: string;
  readonly phone: PhoneGuardSettings;
  readonly ops: OpsSettings;
  /** Bearer token for /admin and /api; both are off while it is unset. */
  readonly adminToken: string | undefined;
}

export interface OpsSettings {
  /** How long in-flight requests may take to finish after SIGTERM. */
  readonly shutdownTimeoutMs: number;
  /** How long one readiness check of CUCM is reused, so probes cannot flood it. */
  readonly readyCacheMs: number;
  /** Network failures in a row that open a node's circuit. */
  readonly breakerThreshold: number;
  /** How long an open circuit sends nothing to its node. */
  readonly breakerCooldownMs: number;
}

export interface PhoneGuardSettings {
  /** Sources allowed to use the phone routes; undefined lets every source in. */
  readonly trustedNetworks: NetworkList | undefined;
  /** Express's `trust proxy`: which hops may set X-Forwarded-For. */
  readonly trustProxy: boolean | number | string;
  /** Phone requests per minute from one source address; 0 turns the limit off. */
  readonly rateLimitPerMinute: number;
}

export const DEFAULTS = {
  port: 3000,
  host: '0.0.0.0',
  timeoutMs: 5000,
  maxConcurrency: 5,
  logoutConfirm: true,
  logLevel: 'info',
  rateLimitPerMinute: 60,
  shutdownTimeoutMs: 10_000,
  readyCacheMs: 5000,
  breakerThreshold: 5,
  breakerCooldownMs: 30_000,
} as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly code = 'CONFIG_INVALID';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.problems = problems;
  }
}

export function isConfigError(value: unknown): value is ConfigError {
  return value instanceof ConfigError;
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const read = new Reader(env, problems);

  const port = read.integer('PORT', DEFAULTS.port, 0, 65535);
  const host = read.text('HOST') ?? DEFAULTS.host;
  const logoutConfirm = read.boolean('LOGOUT_CONFIRM', DEFAULTS.logoutConfirm);
  const publicUrl = read.baseUrl('PUBLIC_URL');
  const logLevel = read.oneOf('LOG_LEVEL', LOG_LEVELS, DEFAULTS.logLevel);
  const em = readEmSettings(read, env);
  const phone = readPhoneGuards(read);
  const ops = readOps(read);
  const adminToken = readAdminToken(read);

  if (problems.length > 0) throw new ConfigError(problems);
  const demo = em.endpoints.length === 0;
  return { port, host, demo, em, logoutConfirm, publicUrl, logLevel, phone, ops, adminToken };
}

function readOps(read: Reader): OpsSettings {
  return {
    shutdownTimeoutMs: read.integer('SHUTDOWN_TIMEOUT_MS', DEFAULTS.shutdownTimeoutMs, 0, 600_000),
    readyCacheMs: read.integer('READY_CACHE_MS', DEFAULTS.readyCacheMs, 0, 600_000),
    breakerThreshold: read.integer('EM_BREAKER_THRESHOLD', DEFAULTS.breakerThreshold, 0, 1000),
    breakerCooldownMs: read.integer(
      'EM_BREAKER_COOLDOWN_MS',
      DEFAULTS.breakerCooldownMs,
      100,
      3_600_000,
    ),
  };
}

/** A short token would be guessed; the value itself is never repeated. */
function readAdminToken(read: Reader): string | undefined {
  const token = read.text('ADMIN_TOKEN');
  if (token !== undefined && token.length < 16) {
    read.problem(
      'ADMIN_TOKEN must be at least 16 characters long (e.g. from `openssl rand -hex 24`)',
    );
  }
  return token;
}

const PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];

function readPhoneGuards(read: Reader): PhoneGuardSettings {
  const networks = read.list('TRUSTED_NETWORKS');
  const trustedNetworks =
    networks.length === 0
      ? undefined
      : read.parsed(
          'TRUSTED_NETWORKS',
          'a comma-separated list of IP addresses and CIDR blocks such as 10.20.0.0/16',
          () => new NetworkList(networks),
        );
  return {
    trustedNetworks,
    trustProxy: readTrustProxy(read),
    rateLimitPerMinute: read.integer('PHONE_RATE_LIMIT', DEFAULTS.rateLimitPerMinute, 0, 100_000),
  };
}

function readTrustProxy(read: Reader): boolean | number | string {
  const value = read.text('TRUST_PROXY');
  if (value === undefined || value.toLowerCase() === 'false') return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const items = value.split(',').map((item) => item.trim());
  const valid = items.every((item) => {
    if (PROXY_KEYWORDS.includes(item)) return true;
    try {
      return new NetworkList([item]).entries.length === 1;
    } catch {
      return false;
    }
  });
  if (valid) return items.join(',');
  read.problem(
    `TRUST_PROXY must be false, a hop count, or a comma-separated list of loopback, linklocal, uniquelocal, IP addresses and CIDR blocks, got '${clip(value)}'`,
  );
  return false;
}

function readEmSettings(read: Reader, env: Env): EmSettings {
  const version =
    read.parsed('CUCM_VERSION', 'v333, other or Undefined', (text) => parseVersion(text)) ??
    'Undefined';
  const endpoints = readEndpoints(read, version);
  const demo =
    endpoints.length === 0 &&
    read.text('CUCM_HOST') === undefined &&
    read.text('EM_URL') === undefined;
  const appId = read.text('EM_APP_ID') ?? '';
  const appCertificate = readSecret(read, env);
  if (!demo) {
    if (appId === '')
      read.problem(
        'EM_APP_ID is required when CUCM_HOST or EM_URL is set: the application user with Standard EM Authentication Proxy Rights',
      );
    if (appCertificate === '' && read.text('EM_APP_CERTIFICATE_FILE') === undefined)
      read.problem(
        'EM_APP_CERTIFICATE (or EM_APP_CERTIFICATE_FILE) is required when CUCM_HOST or EM_URL is set: the password of EM_APP_ID',
      );
  }
  const caFile = read.text('EM_CA_FILE');
  return {
    endpoints,
    version,
    appId,
    appCertificate,
    timeoutMs: read.integer('EM_TIMEOUT_MS', DEFAULTS.timeoutMs, 100, 60_000),
    maxConcurrency: read.integer('EM_MAX_CONCURRENCY', DEFAULTS.maxConcurrency, 1, 100),
    caFile,
    ca: caFile === undefined ? undefined : read.pem('EM_CA_FILE', caFile),
    tlsInsecure: read.boolean('EM_TLS_INSECURE', false),
  };
}

/** CUCM_HOST wins over EM_URL, as CallManagerHost wins over Url in the original action. */
function readEndpoints(read: Reader, version: CcmVersion): EmEndpoint[] {
  const hosts = read.list('CUCM_HOST');
  const urls = read.list('EM_URL');
  const [name, values, key] =
    hosts.length > 0
      ? (['CUCM_HOST', hosts, 'callManagerHost'] as const)
      : (['EM_URL', urls, 'url'] as const);
  const endpoints: EmEndpoint[] = [];
  for (const value of values) {
    const endpoint = read.parsed(
      name,
      expected(name),
      () => resolveEndpoint({ [key]: value, version }),
      value,
    );
    if (endpoint !== undefined) endpoints.push(endpoint);
  }
  return endpoints;
}

function expected(name: 'CUCM_HOST' | 'EM_URL'): string {
  return name === 'CUCM_HOST'
    ? 'a comma-separated list of host, host:port or [IPv6]:port'
    : 'a comma-separated list of absolute http(s) URLs without credentials';
}

function readSecret(read: Reader, env: Env): string {
  const file = read.text('EM_APP_CERTIFICATE_FILE');
  if (file !== undefined) {
    if (env['EM_APP_CERTIFICATE'] !== undefined && env['EM_APP_CERTIFICATE'] !== '') {
      read.problem('EM_APP_CERTIFICATE and EM_APP_CERTIFICATE_FILE are both set: keep one');
    }
    // A trailing newline is an editor's, not part of the password.
    const content = read.file('EM_APP_CERTIFICATE_FILE', file);
    const secret = content?.toString('utf8').replace(/\r?\n$/, '') ?? '';
    if (content !== undefined && secret.trim() === '') {
      read.problem(
        `EM_APP_CERTIFICATE_FILE must hold the password of EM_APP_ID, but '${file}' is empty`,
      );
    }
    return secret;
  }
  return env['EM_APP_CERTIFICATE'] ?? '';
}

class Reader {
  readonly #env: Env;
  readonly #problems: string[];

  constructor(env: Env, problems: string[]) {
    this.#env = env;
    this.#problems = problems;
  }

  problem(message: string): void {
    this.#problems.push(message);
  }

  text(name: string): string | undefined {
    const value = this.#env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  list(name: string): string[] {
    const value = this.text(name);
    if (value === undefined) return [];
    const items = value.split(',').map((item) => item.trim());
    if (items.some((item) => item === '')) {
      this.problem(`${name} must not contain an empty item, got '${clip(value)}'`);
    }
    return items.filter((item) => item !== '');
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.text(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      this.problem(`${name} must be a whole number from ${min} to ${max}, got '${clip(value)}'`);
      return fallback;
    }
    return Number(value);
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.text(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(value)) return true;
    if (['false', '0', 'no', 'off'].includes(value)) return false;
    this.problem(`${name} must be true or false, got '${clip(value)}'`);
    return fallback;
  }

  oneOf(name: string, allowed: readonly string[], fallback: string): string {
    const value = this.text(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (allowed.includes(value)) return value;
    this.problem(`${name} must be one of ${allowed.join(', ')}, got '${clip(value)}'`);
    return fallback;
  }

  /**
   * PUBLIC_URL starts every soft key URL: it must be plain (no query, fragment or
   * credentials) and short, since the whole URL must stay within the phones' 256
   * characters (127 on the 6900 series).
   */
  baseUrl(name: string): URL | undefined {
    const value = this.text(name);
    if (value === undefined) return undefined;
    if (value.length <= MAX_PUBLIC_URL && !/[?#]/.test(value)) {
      try {
        const url = new URL(value);
        const plain = url.username === '' && url.password === '';
        if ((url.protocol === 'http:' || url.protocol === 'https:') && plain) return url;
      } catch {
        // reported below
      }
    }
    this.problem(
      `${name} must be an absolute http(s) URL of at most ${MAX_PUBLIC_URL} characters without query, fragment or credentials, such as http://emlogout.example.com:3000, got '${clip(value)}'`,
    );
    return undefined;
  }

  parsed<T>(
    name: string,
    what: string,
    parse: (text: string) => T,
    value = this.text(name),
  ): T | undefined {
    if (value === undefined) return undefined;
    try {
      return parse(value);
    } catch {
      this.problem(`${name} must be ${what}, got '${clip(value)}'`);
      return undefined;
    }
  }

  /** A PEM file of certificates; anything else would fail only at the first HTTPS request. */
  pem(name: string, path: string): Buffer | undefined {
    const content = this.file(name, path);
    if (content === undefined || content.includes('-----BEGIN CERTIFICATE-----')) return content;
    this.problem(`${name} must be a PEM file with at least one certificate, got '${clip(path)}'`);
    return undefined;
  }

  file(name: string, path: string): Buffer | undefined {
    try {
      return readFileSync(path);
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'unreadable';
      this.problem(`${name} must name a readable file, got '${clip(path)}' (${code})`);
      return undefined;
    }
  }
}

/** A value repeated in a message: cut short, and any password in a URL masked. */
function clip(text: string): string {
  const masked = text.replace(/[^\s/@]*:[^\s/@]*@/g, '***@').replace(/\/\/[^\s/@]+@/g, '//***@');
  return masked.length > 80 ? `${masked.slice(0, 77)}...` : masked;
}

/** Leaves room for `/logout/confirm?device=` and a 50-character device name within 256. */
const MAX_PUBLIC_URL = 120;
