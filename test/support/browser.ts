import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium, as quiet as it can be made: no updates, sync, QUIC or GPU. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  readonly context: BrowserContext;
  /** Lets the browser load pages of this origin (a server the test started on loopback). */
  allow(origin: string): void;
  close(): Promise<void>;
}

/**
 * Chromium with a fresh profile directory (its --user-data-dir), removed on close.
 * Every request to an origin the test did not allow is aborted before it leaves.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'em-logout-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1000, height: 800 },
    acceptDownloads: true,
    serviceWorkers: 'block',
  });
  const allowed = new Set<string>();
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.hostname === '127.0.0.1' && allowed.has(url.origin);
    return local ? route.continue() : route.abort('blockedbyclient');
  });
  return {
    context,
    allow: (origin) => allowed.add(origin),
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
