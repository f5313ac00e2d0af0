/** The EM service error codes the simulator answers with (em-api.md section 4). */
export const EmCode = {
  ParseError: 1,
  BlankAppCredentials: 2,
  InvalidAppUser: 3,
  QueryTypeUndetermined: 8,
  NoProxyRights: 10,
  DeviceNotFound: 11,
  ProfileNotFound: 12,
  DeviceInUse: 18,
  NoUserLoggedIn: 19,
  DeviceLogonDisabled: 22,
  UserNotFound: 23,
  LoggedInElsewhere: 25,
  Busy: 26,
} as const;

export type EmCode = (typeof EmCode)[keyof typeof EmCode];

// Texts as CUCM releases word them where a trace or Cisco's table shows one;
// clients must decide on the code, so the others only need to be clear.
const TEXTS: Readonly<Record<EmCode, string>> = {
  [EmCode.ParseError]: 'Error on Parsing',
  [EmCode.BlankAppCredentials]: 'Cannot authorize App user',
  [EmCode.InvalidAppUser]: 'Could not authenticate',
  [EmCode.QueryTypeUndetermined]: 'Query type undetermined',
  [EmCode.NoProxyRights]: 'User does not have proxy rights',
  [EmCode.DeviceNotFound]: 'Device does not exist',
  [EmCode.ProfileNotFound]: 'Device Profile not found',
  [EmCode.DeviceInUse]: 'Another user logged in',
  [EmCode.NoUserLoggedIn]: 'No user logged in',
  [EmCode.DeviceLogonDisabled]: 'Device Logon disabled',
  [EmCode.UserNotFound]: 'User does not exist',
  [EmCode.LoggedInElsewhere]: 'User logged in elsewhere, multiple login not allowed',
  [EmCode.Busy]: 'Busy, please try again',
};

export function emErrorText(code: EmCode): string {
  return TEXTS[code];
}

/** Code 3 names the application user, as CUCM 12 does; never the password. */
export function authFailureText(appId: string): string {
  return `Could not authenticate '${appId}'`;
}
