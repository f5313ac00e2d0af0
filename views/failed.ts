import type { EmFailure } from '../src/em/index.js';
import { textOf, titleOf, type ViewContext } from './context.js';
import type { FailureMessageKey } from './i18n/catalog.js';
import { EXIT_URL, type Screen } from './screen.js';

/**
 * A failure told as the person needs it (what to do) with the detail IT needs
 * (EM code and CUCM's text, or what went wrong on the way) on its own line, and
 * the phone's name for the ticket where the display has room for it.
 */
export function failedScreen(
  context: ViewContext,
  stage: 'logout' | 'lookup',
  failure: EmFailure,
  device: string,
  retryUrl: string,
): Screen {
  const { strings } = context;
  const prompt = stage === 'logout' ? strings.failed.logoutPrompt : strings.failed.lookupPrompt;
  const key = messageKey(failure);
  const exit = { label: strings.keys.exit, role: 'exit', url: EXIT_URL } as const;
  const retry = { label: strings.keys.retry, role: 'update', url: retryUrl } as const;
  return {
    title: titleOf(context),
    prompt,
    text: textOf(
      context,
      [strings.failed.messages[key], detail(context, failure)],
      [strings.phoneLine(device)],
    ),
    softKeys: TRANSIENT.has(key) ? [retry, exit] : [exit],
  };
}

/** Only a failure that may pass by itself earns a Retry key; the rest need IT. */
const TRANSIENT: ReadonlySet<FailureMessageKey> = new Set([
  'busy',
  'try-again',
  'unreachable',
  'timeout',
]);

function messageKey(failure: EmFailure): FailureMessageKey {
  switch (failure.kind) {
    case 'em': {
      const category = failure.category ?? 'unknown';
      return category === 'nobody-logged-in' || category === 'unknown-device'
        ? 'unknown'
        : category;
    }
    case 'http':
    case 'network':
      return 'unreachable';
    case 'timeout':
      return 'timeout';
    case 'unreadable':
      return 'unreadable';
    case 'config':
      return 'service-misconfigured';
  }
}

function detail(context: ViewContext, failure: EmFailure): string {
  const { failed } = context.strings;
  switch (failure.kind) {
    case 'em':
      return failed.emDetail(failure.emCode ?? 0, failure.emMessage ?? '');
    case 'http':
      return failed.httpDetail(failure.status ?? 0);
    case 'network':
      return failed.networkDetail[failure.reason ?? 'other'];
    case 'timeout':
      return failed.timeoutDetail;
    case 'unreadable':
    case 'config':
      return failed.unreadableDetail;
  }
}
