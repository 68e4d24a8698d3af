import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../platform/clock/clock.js';
import { SIGNING_ROLES } from './agency-agreements.policy.js';
import {
  addMonths,
  agreementStatusOf,
  daysLeft,
  dueReminder,
  sameName,
  validUntilOf,
} from './agency-agreements.rules.js';

const until = new Date('2027-06-30T10:00:00Z');
const before = (ms: number) => new Date(until.getTime() - ms);

describe('agency agreement rules (MT-4)', () => {
  it('MT-4: a signature is valid 12 calendar months; a missing day becomes the month’s last', () => {
    expect(validUntilOf(new Date('2026-03-10T12:00:00Z')).toISOString()).toBe('2027-03-10T12:00:00.000Z');
    expect(validUntilOf(new Date('2028-02-29T08:00:00Z')).toISOString()).toBe('2029-02-28T08:00:00.000Z');
    expect(addMonths(new Date('2027-01-31T00:00:00Z'), 1).toISOString()).toBe('2027-02-28T00:00:00.000Z');
  });

  it('MT-4: status is unsigned, valid, due soon within 30 days, lapsed at the end of validity', () => {
    expect(agreementStatusOf(null, until)).toBe('unsigned');
    expect(agreementStatusOf(until, before(31 * DAY))).toBe('valid');
    expect(agreementStatusOf(until, before(30 * DAY))).toBe('due_soon');
    expect(agreementStatusOf(until, until)).toBe('lapsed');
    expect(daysLeft(until, before(36 * HOUR))).toBe(2);
  });

  it('MT-4: the reminder due is the most urgent of 30, 7 and 1 days whose day has come; none after the lapse', () => {
    expect(dueReminder(until, before(30 * DAY + 1))).toBeNull();
    expect(dueReminder(until, before(30 * DAY))).toBe(30);
    expect(dueReminder(until, before(8 * DAY))).toBe(30);
    expect(dueReminder(until, before(7 * DAY))).toBe(7);
    // Down over the 30- and 7-day marks, awake at 5 days: the 7-day one, never the 30-day one.
    expect(dueReminder(until, before(5 * DAY))).toBe(7);
    expect(dueReminder(until, before(DAY))).toBe(1);
    expect(dueReminder(until, before(HOUR))).toBe(1);
    expect(dueReminder(until, until)).toBeNull();
  });

  it('MT-4: the typed name matches ignoring case and spacing; gatekeepers and network administrators sign', () => {
    expect(sameName('  gina   KEEPER ', 'Gina Keeper')).toBe(true);
    expect(sameName('Gina Keeps', 'Gina Keeper')).toBe(false);
    expect([...SIGNING_ROLES].sort()).toEqual(['mt_gatekeeper', 'network_admin']);
  });
});
