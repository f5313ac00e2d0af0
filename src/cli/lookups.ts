import type { DeviceLookup } from '../bulk/index.js';
import { failureJson, type FailureJson } from './format.js';

/** Devices per deviceUserQuery: the API takes many names in one query. */
export const WHO_CHUNK = 50;

/** An unknown device fails the question as a failed query does: a script must notice. */
export function isProblem(lookup: DeviceLookup): boolean {
  return lookup.state === 'failed' || lookup.state === 'unknown-device';
}

export function lookupText(lookup: DeviceLookup): string {
  switch (lookup.state) {
    case 'logged-in':
      return lookup.userId;
    case 'nobody':
      return '(nobody logged in)';
    case 'unknown-device':
      return '(unknown to CUCM)';
    case 'failed':
      return `failed: ${lookup.failure.description}`;
  }
}

export interface LookupJson {
  readonly device: string;
  readonly state: DeviceLookup['state'];
  readonly userId: string | null;
  readonly lastLogin: string | null;
  readonly error: FailureJson | null;
}

export function lookupJson(lookup: DeviceLookup): LookupJson {
  const base = { device: lookup.device, state: lookup.state };
  switch (lookup.state) {
    case 'logged-in':
      return { ...base, userId: lookup.userId, lastLogin: lookup.lastLogin ?? null, error: null };
    case 'nobody':
      return { ...base, userId: null, lastLogin: lookup.lastLogin ?? null, error: null };
    case 'unknown-device':
      return { ...base, userId: null, lastLogin: null, error: null };
    case 'failed':
      return { ...base, userId: null, lastLogin: null, error: failureJson(lookup.failure) };
  }
}
