import { textOf, titleOf, type ViewContext } from './context.js';
import { EXIT_URL, type Screen } from './screen.js';

/**
 * The phone re-registers with its logout profile right after this, so the screen
 * must stand on its own: no refresh, no link that needs the service again.
 */
export function loggedOutScreen(context: ViewContext, device: string): Screen {
  const { strings } = context;
  return {
    title: titleOf(context),
    prompt: strings.loggedOut.prompt,
    text: textOf(
      context,
      [strings.loggedOut.message],
      [strings.loggedOut.note, strings.phoneLine(device)],
    ),
    softKeys: [{ label: strings.keys.exit, role: 'exit', url: EXIT_URL }],
  };
}
