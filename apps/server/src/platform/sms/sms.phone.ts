/** The Montana guide tells staff to type this when a client has no phone (MT-8). */
export const NO_PHONE_PLACEHOLDER = '999-999-9999';

/** Separators people type between digits: spaces, dots, dashes, parentheses. */
const SEPARATORS = /[\s.\-()]/g;
const E164 = /^\+[1-9]\d{6,14}$/;
/** NANP: area code and exchange both start with 2-9 (NXX NXX XXXX). */
const NANP = /^[2-9]\d{2}[2-9]\d{6}$/;
const ALL_NINES = /^9{10}$/;

/**
 * MT-10: normalizes a typed phone number to E.164, or null when it cannot be a number we can text.
 * Numbers without '+' are read as NANP (the only default country); anything else needs '+country'.
 * The no-phone placeholder is refused so a message can never go to it.
 */
export function toE164(input: string, defaultCountry: 'US' = 'US'): string | null {
  const trimmed = input.trim();
  const international = trimmed.startsWith('+');
  const rest = international ? trimmed.slice(1) : trimmed;
  if (/[^\d\s.\-()]/.test(rest)) return null; // letters, a second '+', extensions
  const digits = rest.replace(SEPARATORS, '');
  if (digits === '') return null;

  if (international) {
    if (digits.startsWith('1')) return nanp(digits.slice(1));
    return E164.test(`+${digits}`) ? `+${digits}` : null;
  }
  if (defaultCountry === 'US' && digits.length === 10) return nanp(digits);
  if (defaultCountry === 'US' && digits.length === 11 && digits.startsWith('1')) return nanp(digits.slice(1));
  return null;
}

function nanp(national: string): string | null {
  if (!NANP.test(national) || ALL_NINES.test(national)) return null;
  return `+1${national}`;
}

/** True only for numbers already in the form toE164 produces. */
export function isE164(s: string): boolean {
  return E164.test(s) && toE164(s) === s;
}

/** True for 999-999-9999 however it is punctuated: ten 9s and nothing but separators. */
export function isNoPhonePlaceholder(input: string): boolean {
  const trimmed = input.trim();
  if (/[^\d\s.\-()]/.test(trimmed)) return false;
  return ALL_NINES.test(trimmed.replace(SEPARATORS, ''));
}
