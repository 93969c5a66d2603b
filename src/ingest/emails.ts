/** The longest address accepted (RFC 5321 path limit). */
export const MAX_EMAIL_LENGTH = 254;

/** The result of {@link canonicalEmail}: the address, or a rejection code and reason. */
export type EmailResult = { ok: true; email: string } | { ok: false; code: 'missing_email' | 'invalid_email'; message: string };

const ANGLE = /<([^<>\s]{1,254})>\s*$/;

/**
 * zod's e-mail pattern (`z.regexes.email`, the one the model's schemas check with), copied so that
 * reading events loads no validation library (a worker thread then saves ~10 MB); a test keeps
 * the copy equal to zod's.
 */
export const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

/**
 * The canonical form of an e-mail address: trimmed, `mailto:` and a display name (`"Ann" <ann@x.com>`)
 * removed, lower-cased, then checked with zod's e-mail pattern (the one the model's schemas use).
 * Never throws; an absent value is `missing_email`, a malformed one `invalid_email`.
 *
 * @example
 * canonicalEmail('  Ann.Lee@Example.COM ') //=> { ok: true, email: 'ann.lee@example.com' }
 * canonicalEmail('Ann <ann@x.com>')        //=> { ok: true, email: 'ann@x.com' }
 * canonicalEmail('not an address')         //=> { ok: false, code: 'invalid_email', message: … }
 */
export function canonicalEmail(value: unknown): EmailResult {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return { ok: false, code: 'missing_email', message: 'has no e-mail address' };
  }
  if (typeof value !== 'string') {
    return { ok: false, code: 'invalid_email', message: `has an e-mail address that is not text (got ${typeof value})` };
  }
  if (value.length > 4 * MAX_EMAIL_LENGTH) return invalid(value);
  let s = value.trim();
  const angle = ANGLE.exec(s);
  if (angle) s = angle[1]!;
  if (/^mailto:/i.test(s)) s = s.slice(7);
  s = s.replace(/^['"]|['"]$/g, '').trim().toLowerCase();
  if (s.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(s)) return invalid(value);
  return { ok: true, email: s };
}

function invalid(value: string): EmailResult {
  const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return { ok: false, code: 'invalid_email', message: `has an invalid e-mail address ${JSON.stringify(shown)}` };
}
