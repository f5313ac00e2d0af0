import type { EmCodeCategory, NetworkReason } from '../../src/em/index.js';

/**
 * Everything a phone screen says, in one language. Prompts and titles must fit 32
 * characters and soft key labels are short because phones cut them off.
 */
export type FailureMessageKey =
  | Exclude<EmCodeCategory, 'nobody-logged-in' | 'unknown-device'>
  | 'unreachable'
  | 'timeout'
  | 'unreadable';

export interface Catalog {
  readonly title: string;
  readonly demo: string;
  readonly keys: { readonly logOut: string; readonly exit: string; readonly retry: string };
  /** The last line of a full-size screen; small displays leave it out. */
  readonly phoneLine: (device: string) => string;
  readonly confirm: {
    readonly prompt: string;
    readonly question: (user: string) => string;
    readonly note: string;
  };
  readonly loggedOut: { readonly prompt: string; readonly message: string; readonly note: string };
  readonly nobody: { readonly prompt: string; readonly message: string };
  readonly unknownDevice: { readonly prompt: string; readonly message: string };
  readonly failed: {
    readonly logoutPrompt: string;
    readonly lookupPrompt: string;
    readonly messages: Readonly<Record<FailureMessageKey, string>>;
    readonly emDetail: (code: number, text: string) => string;
    readonly httpDetail: (status: number) => string;
    readonly networkDetail: Readonly<Record<NetworkReason, string>>;
    readonly timeoutDetail: string;
    readonly unreadableDetail: string;
  };
  readonly badRequest: {
    readonly prompt: string;
    readonly missing: string;
    readonly placeholder: string;
    readonly invalid: (raw: string) => string;
    readonly ambiguous: string;
  };
  readonly notFound: { readonly prompt: string; readonly text: string };
  readonly refused: { readonly prompt: string; readonly text: string };
  readonly tooMany: { readonly prompt: string; readonly text: string };
  readonly internal: { readonly prompt: string; readonly text: string };
  readonly tooLarge: { readonly prompt: string; readonly text: string };
  readonly unreadable: { readonly prompt: string; readonly text: string };
}
