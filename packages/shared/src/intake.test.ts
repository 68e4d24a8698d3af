import { describe, expect, it } from 'vitest';
import { checkIntakeAnswers, checkIntakeDefinition, type IntakeField } from './intake.js';

const FORM: IntakeField[] = [
  { key: 'size', label: 'Household size', type: 'number', required: true },
  { key: 'name', label: 'Landlord', type: 'text', required: false },
  { key: 'story', label: 'Situation', type: 'long_text', required: false },
  { key: 'since', label: 'Homeless since', type: 'date', required: false },
  { key: 'vet', label: 'Veteran', type: 'yes_no', required: true },
  { key: 'now', label: 'Housing now', type: 'single_choice', required: false, options: ['Own', 'Rent'] },
  { key: 'help', label: 'Help wanted', type: 'multiple_choice', required: true, options: ['Rent', 'Deposit'] },
];
const keys = (ps: { key: string }[]) => ps.map((p) => p.key);

describe('MT-11 intake form definitions', () => {
  it('accepts every field type with sound choices', () => {
    expect(checkIntakeDefinition(FORM)).toEqual([]);
  });
  it('names the field whose key is badly formed or used twice', () => {
    expect(keys(checkIntakeDefinition([FORM[0]!, { ...FORM[1]!, key: 'size' }]))).toEqual(['fields.1.key']);
    expect(keys(checkIntakeDefinition([{ ...FORM[0]!, key: 'Size!' }]))).toEqual(['fields.0.key']);
  });
  it('wants two different, non-empty choices on a choice field and none on others', () => {
    const only = { ...FORM[5]!, options: ['Own'] };
    const twice = { ...FORM[5]!, options: ['Own', 'Own'] };
    const blank = { ...FORM[6]!, options: ['Rent', ' '] };
    const extra = { ...FORM[0]!, options: ['1'] };
    for (const f of [only, twice, blank, extra]) expect(keys(checkIntakeDefinition([f]))).toEqual(['fields.0.options']);
  });
  it('wants a label', () => {
    expect(keys(checkIntakeDefinition([{ ...FORM[0]!, label: '  ' }]))).toEqual(['fields.0.label']);
  });
});

describe('MT-11 intake answers against a version', () => {
  const full = { size: 3, vet: false, help: ['Deposit'], now: 'Rent', since: '2026-01-31', name: 'A', story: 'B' };
  it('a complete, fitting set passes, for a draft and for sending', () => {
    expect(checkIntakeAnswers(FORM, full, { complete: true })).toEqual([]);
    expect(checkIntakeAnswers(FORM, full, { complete: false })).toEqual([]);
  });
  it('a draft may leave required fields empty; sending may not (false is an answer, [] is not)', () => {
    expect(checkIntakeAnswers(FORM, { size: 2 }, { complete: false })).toEqual([]);
    expect(keys(checkIntakeAnswers(FORM, { size: 2, vet: false, help: [] }, { complete: true }))).toEqual(['help']);
    expect(keys(checkIntakeAnswers(FORM, { name: '  ' }, { complete: true }))).toEqual(['size', 'vet', 'help']);
  });
  it('each type refuses what it is not, with the label in the message', () => {
    const wrong = {
      size: '3',
      name: 5,
      since: '2026-02-30',
      vet: 'yes',
      now: 'Castle',
      help: ['Rent', 'Rent'],
      story: 'x'.repeat(4001),
    };
    const problems = checkIntakeAnswers(FORM, wrong, { complete: false });
    expect(keys(problems)).toEqual(['size', 'name', 'story', 'since', 'vet', 'now', 'help']);
    expect(problems[0]!.message).toBe('Household size must be a number');
    expect(problems[3]!.message).toContain('YYYY-MM-DD');
  });
  it('refuses answers to questions the version does not ask', () => {
    expect(keys(checkIntakeAnswers(FORM, { ...full, income: 10 }, { complete: true }))).toEqual(['income']);
    expect(keys(checkIntakeAnswers([], { income: 10 }, { complete: false }))).toEqual(['income']);
  });
});
