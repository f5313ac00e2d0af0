/**
 * A phone screen as data: what `CiscoIPPhoneText` shows, with soft keys named by
 * the role they play so that each phone family gets them where its own keys are.
 */
export type SoftKeyRole = 'select' | 'update' | 'exit';

export interface SoftKey {
  readonly label: string;
  readonly role: SoftKeyRole;
  readonly url: string;
}

export interface Screen {
  readonly title: string;
  readonly prompt?: string;
  readonly text: string;
  readonly softKeys: readonly SoftKey[];
}

/** The phone's own URI that leaves the service. */
export const EXIT_URL = 'SoftKey:Exit';
