import { textOf, titleOf, type ViewContext } from './context.js';
import { EXIT_URL, type Screen } from './screen.js';

/** "Log out jdoe?": the first screen when LOGOUT_CONFIRM is on and someone is logged in. */
export function confirmLogoutScreen(context: ViewContext, device: string, user: string): Screen {
  const { strings } = context;
  return {
    title: titleOf(context),
    prompt: strings.confirm.prompt,
    text: textOf(
      context,
      [strings.confirm.question(user)],
      [strings.confirm.note, strings.phoneLine(device)],
    ),
    softKeys: [
      { label: strings.keys.logOut, role: 'select', url: context.links.logout(device) },
      { label: strings.keys.exit, role: 'exit', url: EXIT_URL },
    ],
  };
}
