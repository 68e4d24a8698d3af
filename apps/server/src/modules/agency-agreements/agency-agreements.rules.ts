import {
  AGREEMENT_DUE_SOON_DAYS,
  AGREEMENT_REMINDER_DAYS,
  AGREEMENT_VALID_MONTHS,
  type AgencyAgreementStatus,
} from '@portico/shared';
import { DAY } from '../../platform/clock/clock.js';

/** Calendar months later in UTC; a day the target month lacks becomes its last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** MT-4: a signature is valid 12 months from the moment of signing. */
export const validUntilOf = (signedAt: Date) => addMonths(signedAt, AGREEMENT_VALID_MONTHS);

/** Where a program stands, from its latest signature's end of validity (null: never signed). */
export function agreementStatusOf(validUntil: Date | null, now: Date): AgencyAgreementStatus {
  if (!validUntil) return 'unsigned';
  const left = validUntil.getTime() - now.getTime();
  if (left <= 0) return 'lapsed';
  return left <= AGREEMENT_DUE_SOON_DAYS * DAY ? 'due_soon' : 'valid';
}

/** Whole days left before it lapses, rounded up (a signature lapsing in 36 hours is "due in 2 days"). */
export const daysLeft = (validUntil: Date, now: Date) => Math.ceil((validUntil.getTime() - now.getTime()) / DAY);

/**
 * The reminder to send now for a signature: the most urgent threshold (30, 7, 1 days before) whose
 * day has come, or null when none has or the signature has lapsed. Only the most urgent counts, so
 * a server that was down over the 30-day mark and wakes at 5 days sends the 7-day reminder alone.
 */
export function dueReminder(validUntil: Date, now: Date): number | null {
  const left = validUntil.getTime() - now.getTime();
  if (left <= 0) return null;
  const due = AGREEMENT_REMINDER_DAYS.filter((d) => left <= d * DAY);
  return due.length ? Math.min(...due) : null;
}

/** The day a reminder falls due (UTC date), stored beside it. */
export const reminderDueOn = (validUntil: Date, daysBefore: number) =>
  new Date(validUntil.getTime() - daysBefore * DAY).toISOString().slice(0, 10);

/** Signing: the typed name must be the account's name, ignoring case and spacing. */
export const sameName = (typed: string, name: string) => {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(typed) === norm(name);
};
