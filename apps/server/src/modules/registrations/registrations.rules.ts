import { invalid } from '../../http/errors.js';

/** CS-1 tax ID (EIN): nine digits, written 12-3456789 or 123456789; stored as the digits. */
export function normalizeTaxId(input: string): string {
  const s = input.trim();
  if (!/^(\d{2}-\d{7}|\d{9})$/.test(s)) throw invalid('body.taxId', 'must be 9 digits, as 12-3456789 or 123456789');
  return s.replace('-', '');
}

/** CS-1 ZIP+4: nine digits, written 12345-6789 or 123456789; stored as 12345-6789. */
export function normalizeZip(input: string): string {
  const s = input.trim();
  if (/^\d{5}$/.test(s)) throw invalid('body.zip', 'needs all 9 digits (ZIP+4), as 12345-6789');
  if (!/^(\d{5}-\d{4}|\d{9})$/.test(s)) throw invalid('body.zip', 'must be a ZIP+4, as 12345-6789 or 123456789');
  const digits = s.replace('-', '');
  return `${digits.slice(0, 5)}-${digits.slice(5)}`;
}

/** CS-1 provider ID: 1 to 30 letters and digits. */
export function normalizeProviderId(input: string): string {
  const s = input.trim();
  if (!/^[A-Za-z0-9]{1,30}$/.test(s)) throw invalid('body.providerId', 'must be 1 to 30 letters and digits');
  return s;
}
