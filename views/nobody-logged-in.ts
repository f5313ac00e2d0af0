import { textOf, titleOf, type ViewContext } from './context.js';
import { EXIT_URL, type Screen } from './screen.js';

/** Information, not an alarm: the person wanted nobody logged in, and nobody is. */
export function nobodyLoggedInScreen(context: ViewContext, device: string): Screen {
  const { strings } = context;
  return {
    title: titleOf(context),
    prompt: strings.nobody.prompt,
    text: textOf(context, [strings.nobody.message], [strings.phoneLine(device)]),
    softKeys: [{ label: strings.keys.exit, role: 'exit', url: EXIT_URL }],
  };
}
