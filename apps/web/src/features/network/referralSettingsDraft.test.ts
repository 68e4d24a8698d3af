import { DEFAULT_REFUSAL_REASONS } from '@portico/shared';
import { describe, expect, it } from 'vitest';
import {
  addHoliday,
  changesOf,
  codeFromLabel,
  draftOf,
  draftProblems,
  newReason,
  settingsOf,
  withLabel,
} from './referralSettingsDraft';

const saved = {
  refusalReasons: [
    { code: 'no_capacity', label: 'No capacity at this time', requiresText: false },
    { code: 'other', label: 'Other', requiresText: true },
  ],
  holidays: ['2026-12-25'],
};

describe('the referral settings form (MT-12, MT-16)', () => {
  it('MT-12: a new reason takes its code from its label, unique in the list, until the code is typed', () => {
    expect(codeFromLabel('No funding (this year)', [])).toBe('no_funding_this_year');
    expect(codeFromLabel('Élève déjà servi', [])).toBe('eleve_deja_servi');
    expect(codeFromLabel('Other', ['other', 'other_2'])).toBe('other_3');
    expect(codeFromLabel('  !!  ', [])).toBe('reason');
    const draft = draftOf(saved);
    const added = newReason();
    let reasons = withLabel([...draft.reasons, added], added.key, 'Other');
    expect(reasons.at(-1)?.code).toBe('other_2');
    // A saved reason keeps its code when renamed: referrals carry it.
    reasons = withLabel(reasons, draft.reasons[1]!.key, 'Something else');
    expect(reasons[1]).toMatchObject({ code: 'other', label: 'Something else' });
    reasons = reasons.map((r) => (r.key === added.key ? { ...r, code: 'mine', codeTyped: true } : r));
    expect(withLabel(reasons, added.key, 'Renamed').at(-1)?.code).toBe('mine');
  });

  it('MT-12: names an empty or repeated label, a bad or repeated code, and an empty list, as the server would', () => {
    const draft = draftOf(saved);
    const [a, b] = draft.reasons;
    expect(draftProblems(draft)).toEqual({});
    expect(
      draftProblems({
        ...draft,
        reasons: [
          a!,
          { ...b!, label: ' no CAPACITY at this time ' },
          { ...newReason(), code: 'Bad Code' },
          { ...a!, label: 'x' },
        ],
      }),
    ).toEqual({
      'refusalReasons.1.label': 'Another reason has this label.',
      'refusalReasons.2.label': 'Enter the reason as gatekeepers will read it.',
      'refusalReasons.2.code': 'Use lower-case letters, digits and _ only.',
      'refusalReasons.3.code': 'Another reason has this code.',
    });
    expect(draftProblems({ ...draft, reasons: [] })).toEqual({ refusalReasons: 'Keep at least one reason.' });
  });

  it('MT-16: holidays are dates, each once, kept in order', () => {
    expect(addHoliday(['2026-12-25'], '2026-07-04')).toEqual({ holidays: ['2026-07-04', '2026-12-25'] });
    expect(addHoliday(['2026-12-25'], '2026-12-25')).toEqual({ problem: 'This day is listed already.' });
    expect(addHoliday([], '')).toEqual({ problem: 'Enter a date.' });
  });

  it('sends trimmed labels and sorted holidays, and lists the changes to confirm', () => {
    const draft = draftOf(saved);
    const next = settingsOf({
      reasons: [
        { ...draft.reasons[1]!, label: ' Something else ', requiresText: false },
        { ...newReason(), code: 'no_funding', label: 'No funding' },
      ],
      holidays: ['2027-01-01', '2026-07-04'],
    });
    expect(next).toEqual({
      refusalReasons: [
        { code: 'other', label: 'Something else', requiresText: false },
        { code: 'no_funding', label: 'No funding', requiresText: false },
      ],
      holidays: ['2026-07-04', '2027-01-01'],
    });
    expect(changesOf(saved, next)).toEqual([
      { kind: 'renamed', from: 'Other', label: 'Something else' },
      { kind: 'stopsAskingText', label: 'Something else' },
      { kind: 'added', label: 'No funding' },
      { kind: 'removed', label: 'No capacity at this time' },
      { kind: 'holidayAdded', day: '2026-07-04' },
      { kind: 'holidayAdded', day: '2027-01-01' },
      { kind: 'holidayRemoved', day: '2026-12-25' },
    ]);
    const defaults = { refusalReasons: [...DEFAULT_REFUSAL_REASONS], holidays: [] };
    expect(changesOf(defaults, settingsOf(draftOf(defaults)))).toEqual([]);
  });
});
