import { SERVICE_STATUSES } from '@portico/shared';
import { describe, expect, it } from 'vitest';
import { HOUR } from '../../platform/clock/clock.js';
import { closes, endOfBusinessDaysAfter, isStale, staleAsOf } from './referrals.rules.js';

// March 2026: Monday the 2nd, Friday the 6th, Saturday the 7th, Monday the 9th.
const at = (iso: string) => new Date(iso);
const monday = at('2026-03-02T10:00:00Z');
const friday = at('2026-03-06T15:00:00Z');

describe('referral rules (MT-13, MT-16)', () => {
  it('MT-16: the end of the n-th business day after a moment is the UTC midnight after it', () => {
    expect(endOfBusinessDaysAfter(monday, 1).toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(endOfBusinessDaysAfter(monday, 5).toISOString()).toBe('2026-03-10T00:00:00.000Z');
  });

  it('MT-16: weekends and holidays are skipped, from a weekday or from a weekend day', () => {
    expect(endOfBusinessDaysAfter(friday, 1).toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(endOfBusinessDaysAfter(at('2026-03-07T09:00:00Z'), 1).toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(endOfBusinessDaysAfter(friday, 1, new Set(['2026-03-09'])).toISOString()).toBe('2026-03-11T00:00:00.000Z');
    expect(endOfBusinessDaysAfter(friday, 0).toISOString()).toBe('2026-03-07T00:00:00.000Z');
  });

  it('MT-16: a sent referral nobody acknowledged is stale from the end of the next business day', () => {
    const r = { state: 'sent', sentAt: monday, acknowledgedAt: null, lastActivityAt: monday };
    expect(isStale(r, at('2026-03-03T23:59:59Z'))).toBe(false);
    expect(isStale(r, at('2026-03-04T00:00:00Z'))).toBe(true);
    const overFriday = { ...r, sentAt: friday, lastActivityAt: friday };
    expect(isStale(overFriday, at('2026-03-09T20:00:00Z'))).toBe(false);
    expect(isStale(overFriday, at('2026-03-10T00:00:00Z'))).toBe(true);
    expect(isStale(overFriday, at('2026-03-10T00:00:00Z'), new Set(['2026-03-09']))).toBe(false);
  });

  it('MT-16: an acknowledged open referral is stale after five business days without an update', () => {
    const r = { state: 'assigned', sentAt: monday, acknowledgedAt: monday, lastActivityAt: monday };
    expect(isStale(r, at('2026-03-09T23:00:00Z'))).toBe(false);
    expect(isStale(r, at('2026-03-10T00:00:00Z'))).toBe(true);
    // A step restarts the count.
    expect(isStale({ ...r, lastActivityAt: at('2026-03-09T08:00:00Z') }, at('2026-03-10T00:00:00Z'))).toBe(false);
  });

  it('MT-16: drafts, refused and closed referrals are never stale; a fresh one is not', () => {
    const old = at('2025-01-06T10:00:00Z');
    for (const state of ['draft', 'refused', 'closed']) {
      const r = { state, sentAt: state === 'draft' ? null : old, acknowledgedAt: null, lastActivityAt: old };
      expect(isStale(r, monday), state).toBe(false);
    }
    const justSent = { state: 'sent', sentAt: monday, acknowledgedAt: null, lastActivityAt: monday };
    expect(isStale(justSent, new Date(monday.getTime() + HOUR))).toBe(false);
  });

  it('MT-16: the stale flag of a whole list, counted once, is the day-by-day count for every referral', () => {
    // Every hour over five weeks around a weekend and two holidays, against "now" at several moments.
    const holidays = new Set(['2026-03-09', '2026-03-20']);
    const moments = Array.from(
      { length: 35 * 24 },
      (_, h) => new Date(at('2026-02-20T00:30:00Z').getTime() + h * HOUR),
    );
    for (const now of [at('2026-03-10T00:00:00Z'), at('2026-03-13T23:59:59Z'), at('2026-03-23T12:00:00Z')]) {
      const stale = staleAsOf(now, holidays);
      for (const t of moments.filter((m) => m <= now)) {
        const sent = { state: 'sent', sentAt: t, acknowledgedAt: null, lastActivityAt: t };
        const assigned = { state: 'assigned', sentAt: t, acknowledgedAt: t, lastActivityAt: t };
        expect(stale(sent), `sent ${t.toISOString()}`).toBe(now >= endOfBusinessDaysAfter(t, 1, holidays));
        expect(stale(assigned), `assigned ${t.toISOString()}`).toBe(now >= endOfBusinessDaysAfter(t, 5, holidays));
      }
    }
  });

  it('MT-13: the thirteen statuses; the closing ones close the referral, the others and unknown codes do not', () => {
    const codes = Object.keys(SERVICE_STATUSES);
    expect(codes).toHaveLength(13);
    expect(codes.filter(closes).sort()).toEqual([
      'closed_referred_elsewhere',
      'closed_successful',
      'not_completed_dropped_out',
      'not_completed_moved',
      'not_completed_whereabouts_unknown',
      'not_started_declined',
      'not_started_moved',
      'not_started_referred_elsewhere',
      'not_started_unable_to_contact',
    ]);
    for (const open of ['enrolled', 'not_started_waiting_list', 'waiting_list', 'other'])
      expect(closes(open)).toBe(false);
    expect(closes('no_such_status')).toBe(false);
  });
});
