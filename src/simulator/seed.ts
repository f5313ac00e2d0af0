/** The accounts, users and phones a simulator starts with. */
export interface SeedAppUser {
  id: string;
  password: string;
  /** Member of "Standard EM Authentication Proxy Rights": may act for other users. */
  proxyRights: boolean;
}

export interface SeedUser {
  id: string;
  /** Device profiles the user may log in with; the first is the default. */
  profiles: string[];
}

export interface SeedDevice {
  name: string;
  emEnabled: boolean;
  /** The user logged in at start, if any. */
  user?: string;
  /** The profile loaded for that user; the user's default when absent. */
  profile?: string;
}

export interface SimulatorSeed {
  appUsers: SeedAppUser[];
  users: SeedUser[];
  devices: SeedDevice[];
}

/** The application user the demo seed grants proxy rights to. */
export const DEMO_APP_USER: { readonly id: string; readonly password: string } = Object.freeze({
  id: 'emlogout',
  password: 'demo-secret',
});

/**
 * A small cluster that shows every case a logout screen has to handle:
 * a normal user, an idle phone, a phone without Extension Mobility, and user
 * ids that break clients which skip percent- or XML-encoding.
 */
export function demoSeed(): SimulatorSeed {
  return {
    appUsers: [
      { ...DEMO_APP_USER, proxyRights: true },
      { id: 'noproxy', password: 'noproxy-secret', proxyRights: false },
    ],
    users: [
      { id: 'jdoe', profiles: ['jdoe-udp'] },
      { id: 'renée.müller@example.com', profiles: ['renee-mueller-udp'] },
      { id: "o'brien&co", profiles: ['obrien-udp'] },
      { id: 'asmith', profiles: ['asmith-udp'] },
    ],
    devices: [
      { name: 'SEP001122334455', emEnabled: true, user: 'jdoe' },
      { name: 'SEP00AABBCCDDEE', emEnabled: true },
      { name: 'SEP0A1B2C3D4E5F', emEnabled: false },
      { name: 'SEPAABBCCDDEEFF', emEnabled: true, user: 'renée.müller@example.com' },
      { name: 'SEP112233445566', emEnabled: true, user: "o'brien&co" },
    ],
  };
}
