import { textOf, titleOf, type ViewContext } from './context.js';
import { EXIT_URL, type Screen } from './screen.js';

/** CUCM has no such device: usually a service URL copied from another phone. */
export function unknownDeviceScreen(context: ViewContext, device: string): Screen {
  const { strings } = context;
  return {
    title: titleOf(context),
    prompt: strings.unknownDevice.prompt,
    text: textOf(context, [strings.unknownDevice.message], [strings.phoneLine(device)]),
    softKeys: [{ label: strings.keys.exit, role: 'exit', url: EXIT_URL }],
  };
}
