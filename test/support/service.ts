import { Writable } from 'node:stream';
import { createApp } from '../../src/app.js';
import type { PhoneGuardSettings } from '../../src/config.js';
import { EmClient, resolveEndpoint, type EmClientOptions } from '../../src/em/index.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { createOps, type ServiceMetrics } from '../../src/ops/index.js';

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [key: string]: unknown;
}

export interface TestService {
  readonly app: ReturnType<typeof createApp>;
  readonly em: EmClient;
  readonly logs: LogLine[];
  readonly metrics: ServiceMetrics;
  close(): Promise<void>;
}

export interface TestServiceOptions {
  readonly hostPort: string;
  readonly confirm?: boolean;
  readonly demo?: boolean;
  readonly publicUrl?: string;
  readonly client?: Partial<EmClientOptions>;
  readonly phone?: Partial<PhoneGuardSettings>;
}

/** A debug logger whose lines are parsed into `logs`, for tests to read. */
export function memoryLogger(): { logs: LogLine[]; logger: Logger } {
  const logs: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(JSON.parse(chunk.toString('utf8')) as LogLine);
      callback();
    },
  });
  return { logs, logger: createLogger('debug', stream) };
}

/** A real EM client aimed at a local fake or simulator, with short waits for tests. */
export function testClient(hostPort: string, options: Partial<EmClientOptions> = {}): EmClient {
  return new EmClient({
    endpoints: [resolveEndpoint({ callManagerHost: hostPort })],
    credentials: { appId: 'emlogout', appCertificate: 'demo-secret' },
    timeoutMs: 2000,
    retry: { baseMs: 5, capMs: 20 },
    ...options,
  });
}

/** The real app, with a real EM client aimed at a local fake or simulator, logging to memory. */
export function testService(options: TestServiceOptions): TestService {
  const { logs, logger } = memoryLogger();
  const ops = createOps(logger);
  const em = testClient(options.hostPort, { onAttempt: ops.onAttempt, ...options.client });
  const app = createApp({
    config: {
      demo: options.demo ?? false,
      logoutConfirm: options.confirm ?? true,
      publicUrl: options.publicUrl === undefined ? undefined : new URL(options.publicUrl),
      phone: {
        trustedNetworks: undefined,
        trustProxy: false,
        rateLimitPerMinute: 0,
        ...options.phone,
      },
    },
    em,
    logger,
    metrics: ops.metrics,
  });
  return { app, em, logs, metrics: ops.metrics, close: () => em.close() };
}
