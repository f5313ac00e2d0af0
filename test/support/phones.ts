import { readFileSync } from 'node:fs';
import { FIXTURES } from './upstream.js';

interface PhoneFixture {
  readonly model: string;
  readonly httpVersion: string;
  readonly headers: Readonly<Record<string, string>>;
}

export type PhoneName = 'cp-7921g' | 'cp-7942g' | 'cp-7965' | 'cp-8845';

/** The headers a real phone sends when it opens a service (test/fixtures/phones). */
export function phoneHeaders(name: PhoneName): Record<string, string> {
  const fixture = JSON.parse(
    readFileSync(new URL(`phones/${name}.json`, FIXTURES), 'utf8'),
  ) as PhoneFixture;
  const headers = { ...fixture.headers };
  // supertest manages the connection itself; the rest is sent as the phone sent it.
  delete headers['Connection'];
  return headers;
}
