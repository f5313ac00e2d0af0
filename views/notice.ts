import { titleOf, type ViewContext } from './context.js';
import { EXIT_URL, type Screen } from './screen.js';

export type NoticeKind =
  'notFound' | 'refused' | 'tooMany' | 'internal' | 'tooLarge' | 'unreadable';

/** Short screens for requests the service will not serve: unknown page, refused source, rate limit, our own fault. */
export function noticeScreen(context: ViewContext, kind: NoticeKind): Screen {
  const notice = context.strings[kind];
  return {
    title: titleOf(context),
    prompt: notice.prompt,
    text: notice.text,
    softKeys: [{ label: context.strings.keys.exit, role: 'exit', url: EXIT_URL }],
  };
}
