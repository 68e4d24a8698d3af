import { DEFAULT_REFUSAL_REASONS, REFUSAL_REASONS, refusalReasonLabel } from '@portico/shared';
import { describe, expect, it } from 'vitest';
import { normalizeReferralSettings, referralSettingsOf, refusalProblem } from './networks.rules.js';

const other = { code: 'other', label: 'Other', requiresText: true };
const funding = { code: 'no_funding', label: 'No funding this year', requiresText: false };

describe('referral settings of a network (MT-12, MT-16)', () => {
  it('MT-12: a network that never edited them has the shared reasons, "Other" needing text, and no holidays', () => {
    expect(referralSettingsOf({ roles: [] })).toEqual({ refusalReasons: DEFAULT_REFUSAL_REASONS, holidays: [] });
    expect(DEFAULT_REFUSAL_REASONS.map((r) => r.code)).toEqual(Object.keys(REFUSAL_REASONS));
    expect(DEFAULT_REFUSAL_REASONS.filter((r) => r.requiresText).map((r) => r.code)).toEqual(['other']);
    // A copy: editing the answer never changes the defaults.
    referralSettingsOf(null).refusalReasons[0]!.label = 'Changed';
    expect(DEFAULT_REFUSAL_REASONS[0]!.label).toBe(REFUSAL_REASONS.not_eligible);
  });

  it('MT-16: stored holidays are read sorted, beside the stored reasons', () => {
    const policy = { refusalReasons: [funding], holidays: ['2026-12-25', '2026-07-04'] };
    expect(referralSettingsOf(policy)).toEqual({ refusalReasons: [funding], holidays: ['2026-07-04', '2026-12-25'] });
  });

  it('MT-12 / MT-16: an edit is saved with labels trimmed and holidays sorted', () => {
    const { settings, problems } = normalizeReferralSettings({
      refusalReasons: [{ ...funding, label: '  No funding this year ' }, other],
      holidays: ['2026-12-25', '2026-01-01'],
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({ refusalReasons: [funding, other], holidays: ['2026-01-01', '2026-12-25'] });
    expect(normalizeReferralSettings({ holidays: [] })).toEqual({ settings: { holidays: [] }, problems: [] });
  });

  it('MT-12 / MT-16: a repeated code, label (any case, any spaces) or day is named where it repeats', () => {
    const { problems } = normalizeReferralSettings({
      refusalReasons: [
        other,
        funding,
        { ...other, label: 'Something else' },
        { ...funding, code: 'x', label: ' OTHER ' },
      ],
      holidays: ['2026-12-25', '2026-12-25', '2026-01-01', '2026-12-25'],
    });
    expect(problems.map((p) => p.field)).toEqual([
      'body.refusalReasons.2.code',
      'body.refusalReasons.3.label',
      'body.holidays.1',
      'body.holidays.3',
    ]);
  });

  it("MT-12: a refusal needs a code of the network's current list, and words where the reason asks for them", () => {
    const reasons = [funding, other];
    expect(refusalProblem(reasons, 'no_funding', null)).toBeNull();
    expect(refusalProblem(reasons, 'other', 'Closed for summer')).toBeNull();
    expect(refusalProblem(reasons, 'other', null)).toEqual({
      field: 'body.text',
      message: 'say why, when the reason is "Other"',
    });
    expect(refusalProblem(reasons, 'duplicate', 'text')?.field).toBe('body.reason');
  });

  it('MT-12: a label comes from the current list, else the shared default (a removed reason), else the code', () => {
    const reasons = [{ ...funding }, { code: 'no_capacity', label: 'Full for now', requiresText: false }];
    expect(refusalReasonLabel(reasons, 'no_capacity')).toBe('Full for now');
    expect(refusalReasonLabel(reasons, 'duplicate')).toBe(REFUSAL_REASONS.duplicate);
    expect(refusalReasonLabel([], 'no_funding')).toBe('no_funding');
    expect(refusalReasonLabel([], 'constructor')).toBe('constructor');
  });
});
