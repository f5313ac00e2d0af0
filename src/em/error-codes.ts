/**
 * What each EM error code means and what it means for the person at the phone.
 * Codes come from Cisco's EM API guides; 13-17, 24 and above 30 are undocumented
 * and fall back to 'unknown' so that the number is still shown.
 */
export type EmCodeCategory =
  | 'nobody-logged-in'
  | 'service-misconfigured'
  | 'service-fault'
  | 'em-disabled'
  | 'unknown-device'
  | 'busy'
  | 'try-again'
  | 'not-allowed'
  | 'contact-it'
  | 'unknown';

export interface EmCodeInfo {
  readonly code: number;
  readonly meaning: string;
  readonly category: EmCodeCategory;
}

const table: readonly EmCodeInfo[] = [
  { code: 0, meaning: 'Unknown error', category: 'try-again' },
  { code: 1, meaning: 'Request XML could not be parsed', category: 'service-fault' },
  {
    code: 2,
    meaning: 'Application user id or password is blank',
    category: 'service-misconfigured',
  },
  { code: 3, meaning: 'Invalid application user or password', category: 'service-misconfigured' },
  { code: 4, meaning: 'Policy validation error', category: 'not-allowed' },
  { code: 5, meaning: 'Device logon disabled', category: 'em-disabled' },
  { code: 6, meaning: 'Database error', category: 'try-again' },
  { code: 7, meaning: 'Could not set or clear auto-logout', category: 'try-again' },
  { code: 8, meaning: 'Query type undetermined', category: 'service-fault' },
  { code: 9, meaning: 'Directory user info error', category: 'contact-it' },
  { code: 10, meaning: 'Application user lacks proxy rights', category: 'service-misconfigured' },
  { code: 11, meaning: 'Device does not exist', category: 'unknown-device' },
  { code: 12, meaning: 'Device profile not found', category: 'contact-it' },
  { code: 18, meaning: 'Another user is logged in', category: 'contact-it' },
  { code: 19, meaning: 'No user logged in', category: 'nobody-logged-in' },
  { code: 20, meaning: 'Hoteling flag error', category: 'try-again' },
  { code: 21, meaning: 'Hoteling status error', category: 'try-again' },
  { code: 22, meaning: 'Device logon disabled', category: 'em-disabled' },
  { code: 23, meaning: 'User not found', category: 'contact-it' },
  { code: 25, meaning: 'User logged in elsewhere', category: 'contact-it' },
  { code: 26, meaning: 'Busy, please try again', category: 'busy' },
  {
    code: 27,
    meaning: 'Application user password must be changed',
    category: 'service-misconfigured',
  },
  { code: 28, meaning: 'Untrusted IP address', category: 'not-allowed' },
  { code: 29, meaning: 'RIS data collector down', category: 'contact-it' },
  { code: 30, meaning: 'Proxy not allowed', category: 'not-allowed' },
];

const byCode = new Map(table.map((info) => [info.code, info]));

export function emCodeInfo(code: number): EmCodeInfo {
  return byCode.get(code) ?? { code, meaning: 'Undocumented EM error', category: 'unknown' };
}

export const documentedEmCodes: readonly EmCodeInfo[] = table;

/** CUCM's throttle ("Maximum Concurrent Requests"): the only EM code worth retrying. */
export const EM_CODE_BUSY = 26;
export const EM_CODE_NOBODY_LOGGED_IN = 19;
