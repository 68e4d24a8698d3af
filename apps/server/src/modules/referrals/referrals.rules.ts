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

export type StaleFields = { state: string; sentAt: Date | null; acknowledgedAt: Date | null; lastActivityAt: Date };

const DAY_MS = 86_400_000;
const dayNumber = (d: Date) => Math.floor(d.getTime() / DAY_MS);

/**
 * The last UTC day (as a day number) whose n business days have ended by `now`. endOfBusinessDaysAfter
 * depends only on the day it counts from and never decreases with it, so "ended by now" holds for
 * exactly the days up to this one: a list asks this once, not once per referral and day.
 */
function lastDayEndedBy(now: Date, n: number, holidays: ReadonlySet<string>) {
  let d = dayNumber(now);
  while (endOfBusinessDaysAfter(new Date(d * DAY_MS), n, holidays) > now) d--;
  return d;
}

/**
 * MT-16 as of `now`: a sent referral nobody acknowledged by the end of the next business day, or an open one
 * with no update for five business days, is stale. The day cutoffs are counted once for every referral tested.
 */
export function staleAsOf(now: Date, holidays: ReadonlySet<string> = new Set()): (r: StaleFields) => boolean {
  const unacknowledged = lastDayEndedBy(now, 1, holidays);
  const noUpdate = lastDayEndedBy(now, 5, holidays);
  return (r) => {
    if (r.state === 'sent' && r.sentAt && !r.acknowledgedAt) return dayNumber(r.sentAt) <= unacknowledged;
    if (r.state === 'sent' || r.state === 'assigned') return dayNumber(r.lastActivityAt) <= noUpdate;
    return false;
  };
}

/** MT-16 for one referral (see staleAsOf). */
export const isStale = (r: StaleFields, now: Date, holidays: ReadonlySet<string> = new Set()) =>
  staleAsOf(now, holidays)(r);

/** MT-16 holidays a network lists in its policy (YYYY-MM-DD); business days skip them. */
export const holidaysOf = (policy: unknown): ReadonlySet<string> => new Set(referralSettingsOf(policy).holidays);
