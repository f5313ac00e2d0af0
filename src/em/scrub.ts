/** CUCM's own text is shown and logged; past this it is cut (a quoted request can be long). */
export const MAX_EM_MESSAGE = 300;

const REDACTED = '[redacted]';

/**
 * Removes a secret from text CUCM sends back. Some releases quote the request in
 * their error text, so the application password may come back as sent (XML-escaped
 * and form-encoded) or decoded; every such form is replaced.
 */
export function secretScrubber(secret: string): (text: string) => string {
  const forms = secretForms(secret);
  return function scrub(text: string): string {
    let clean = text;
    for (const form of forms) clean = clean.split(form).join(REDACTED);
    return clean.length > MAX_EM_MESSAGE ? `${clean.slice(0, MAX_EM_MESSAGE - 3)}...` : clean;
  };
}

function secretForms(secret: string): string[] {
  if (secret === '') return [];
  const basic = secret.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const full = basic.replaceAll('"', '&quot;').replaceAll("'", '&apos;');
  const forms = new Set([
    secret,
    basic,
    full,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    encodeURIComponent(basic),
    new URLSearchParams({ s: basic }).toString().slice(2),
  ]);
  // Longest first, so that no shorter form leaves a piece of a longer one behind.
  return [...forms].sort((a, b) => b.length - a.length);
}
