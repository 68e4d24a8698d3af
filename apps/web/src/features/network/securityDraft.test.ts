import { SECURITY_PRESETS } from '@portico/shared';
import { describe, expect, it } from 'vitest';
import { draftProblems, numberDraft, type SecurityDraft, securityFields, securityOf } from './securityDraft';

const ncc: SecurityDraft = SECURITY_PRESETS['council-payments'];

describe('the sign-in rules form', () => {
  it('sends the rules as they are when every number is filled in; null stays "never"', () => {
    expect(draftProblems(ncc)).toEqual({});
    expect(securityOf(ncc)).toEqual(SECURITY_PRESETS['council-payments']);
    expect(securityOf(ncc)?.lockoutMinutes).toBeNull();
  });

  it('names each empty number by the field the server would name', () => {
    const draft = { ...ncc, maxFailedAttempts: '', password: { ...ncc.password, minLength: '' } } as SecurityDraft;
    expect(draftProblems(draft)).toEqual({
      'security.password.minLength': 'Enter a number.',
      'security.maxFailedAttempts': 'Enter a number.',
    });
    expect(securityOf(draft)).toBeNull();
  });

  it('lists every field, for the form error above it', () => {
    const fields = securityFields(ncc);
    expect(fields).toContain('security.password.rejectEmailName');
    expect(fields).toContain('security.secondFactor');
    expect(fields).not.toContain('security.password');
  });

  it('reads a number input: a number, or empty while typing', () => {
    expect(numberDraft(12)).toBe(12);
    expect(numberDraft('')).toBe('');
    expect(numberDraft('-')).toBe('');
  });
});
