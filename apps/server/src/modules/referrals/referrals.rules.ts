import { SERVICE_STATUSES, type ServiceStatus } from '@portico/shared';
import { referralSettingsOf } from '../networks/networks.rules.js';

/** MT-13: does this service status close the referral? */
export const closes = (status: string) => SERVICE_STATUSES[status as ServiceStatus]?.closes === true;

const day = (d: Date) => d.toISOString().slice(0, 10);
const isBusinessDay = (d: Date, holidays: ReadonlySet<string>) => {
  const w = d.getUTCDay();
  return w !== 0 && w !== 6 && !holidays.has(day(d));
};

/** The end (UTC midnight after) of the n-th business day after `from`; weekends and holidays skipped. */
export function endOfBusinessDaysAfter(from: Date, n: number, holidays: ReadonlySet<string> = new Set()): Date {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isBusinessDay(d, holidays)) left--;
  }
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/**
 * MT-16: a sent referral nobody acknowledged by the end of the next business day, or an open one with no
 * update for five business days, is stale.
 */
export function isStale(
  r: { state: string; sentAt: Date | null; acknowledgedAt: Date | null; lastActivityAt: Date },
  now: Date,
  holidays: ReadonlySet<string> = new Set(),
): boolean {
  if (r.state === 'sent' && r.sentAt && !r.acknowledgedAt) return now >= endOfBusinessDaysAfter(r.sentAt, 1, holidays);
  if (r.state === 'sent' || r.state === 'assigned') return now >= endOfBusinessDaysAfter(r.lastActivityAt, 5, holidays);
  return false;
}

/** MT-16 holidays a network lists in its policy (YYYY-MM-DD); business days skip them. */
export const holidaysOf = (policy: unknown): ReadonlySet<string> => new Set(referralSettingsOf(policy).holidays);
