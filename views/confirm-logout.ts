import { textOf, titleOf, type ViewContext } from './context.js';
import { oneLine } from './render.js';
import { EXIT_URL, type Screen } from './screen.js';

/** "Log out jdoe?": the first screen when LOGOUT_CONFIRM is on and someone is logged in. */
export function confirmLogoutScreen(context: ViewContext, device: string, user: string): Screen {
  const { strings } = context;
  return {
    title: titleOf(context),
    prompt: strings.confirm.prompt,
    text: textOf(
      context,
      // A user id is one line, whatever CUCM sent: it must not add lines to the question.
      [strings.confirm.question(oneLine(user))],
      [strings.confirm.note, strings.phoneLine(device)],
    ),
    softKeys: [
      { label: strings.keys.logOut, role: 'select', url: context.links.logout(device) },
      { label: strings.keys.exit, role: 'exit', url: EXIT_URL },
    ],
  };
}
