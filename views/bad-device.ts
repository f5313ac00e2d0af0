import type { DeviceNameResult } from '../src/phone/index.js';
import { titleOf, type ViewContext } from './context.js';
import { EXIT_URL, type Screen } from './screen.js';

type Problem = Extract<DeviceNameResult, { ok: false }>;

/** The request does not name one plausible phone: say what is wrong with the service URL. */
export function badDeviceScreen(context: ViewContext, problem: Problem): Screen {
  const { badRequest } = context.strings;
  return {
    title: titleOf(context),
    prompt: badRequest.prompt,
    text: problemText(context, problem),
    softKeys: [{ label: context.strings.keys.exit, role: 'exit', url: EXIT_URL }],
  };
}

function problemText(context: ViewContext, problem: Problem): string {
  const { badRequest } = context.strings;
  switch (problem.problem) {
    case 'missing':
      return badRequest.missing;
    case 'placeholder':
      return badRequest.placeholder;
    case 'ambiguous':
      return badRequest.ambiguous;
    case 'invalid':
      // Without a value worth quoting (hundreds of repeats, say), say it plainly.
      return problem.raw === undefined || problem.raw === ''
        ? context.strings.unreadable.text
        : badRequest.invalid(problem.raw);
  }
}
