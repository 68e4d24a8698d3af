import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { CONSENT_VALID_DAYS } from '@portico/shared';
import { DAY, HOUR } from '../../platform/clock/clock.js';

/** MT-10: a texted code is valid 12 hours; five wrong entries lock the text-message signature. */
export const SMS_CODE_VALID_MS = 12 * HOUR;
export const SMS_MAX_WRONG = 5;
/** A client can be texted a code at most this many times per consent (YES replies and re-sends together). */
export const SMS_MAX_CODES = 5;
/** The creating program hears of an expiring consent this long before (MT-10). */
export const EXPIRY_NOTICE_DAYS = 30;

/** MT-9: valid one year from the signature. */
export const expiresAtOf = (signedAt: Date) => new Date(signedAt.getTime() + CONSENT_VALID_DAYS * DAY);

/** A consent grants visibility and allows a referral only while signed and unexpired (MT-9, X-1). */
export const isValid = (c: { status: string; expiresAt: Date | null }, now: Date) =>
  c.status === 'signed' && c.expiresAt !== null && c.expiresAt > now;

const normalized = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .trim()
    .replace(/[\s.,'’‘-]+/g, ' ')
    .toLowerCase();

/** The signer must be the authorizer: the typed full name equals theirs, ignoring case, accents and spacing. */
export const sameName = (typed: string, name: string) => normalized(typed) === normalized(name);

/** "The client" authorizes: the name given must carry the client's first and last name (a middle name may sit between). */
export function namesTheClient(authorizer: string, client: { firstName: string; lastName: string }): boolean {
  const words = normalized(authorizer).split(' ');
  const first = normalized(client.firstName).split(' ');
  const last = normalized(client.lastName).split(' ');
  const at = (part: string[], from: number) =>
    words.findIndex((_, i) => i >= from && part.every((p, j) => words[i + j] === p));
  const f = at(first, 0);
  return f >= 0 && at(last, f + first.length) >= 0;
}

/** YES (any case, optional punctuation) is consent; anything else is not. */
export const isYes = (body: string) => /^\s*(yes|y)\s*[.!]*\s*$/i.test(body);

export const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** Codes are kept hashed and bound to their consent: a stored hash is worthless for another consent. */
export const hashCode = (consentId: string, code: string) =>
  createHash('sha256').update(`${consentId}:${code.trim()}`).digest('hex');

export function codeMatches(consentId: string, code: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const given = Buffer.from(hashCode(consentId, code), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** Only the last four digits are shown back to staff. */
export const maskPhone = (e164: string) => `${'•'.repeat(Math.max(0, e164.length - 4))}${e164.slice(-4)}`;

/** The first text: who asks, for whom, and how to answer. Names past the third are counted, to stay one message. */
export function requestMessage(askingProgram: string, programNames: string[]): string {
  if (!programNames.length) {
    return `${askingProgram} asks your consent to keep and use your information. Reply YES to get a signing code. Ignore this message to decline.`;
  }
  const shown = programNames.slice(0, 3).join(', ');
  const more = programNames.length > 3 ? ` and ${programNames.length - 3} more` : '';
  return `${askingProgram} asks your consent to share your information with: ${shown}${more}. Reply YES to get a signing code. Ignore this message to decline.`;
}

export const codeMessage = (code: string) =>
  `Your consent code is ${code}. It is valid for 12 hours. Give it only to the staff member helping you.`;
