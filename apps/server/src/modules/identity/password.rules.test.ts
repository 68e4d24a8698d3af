import { SECURITY_PRESETS } from '@portico/shared';
import { describe, expect, it } from 'vitest';
import { commonPasswords, describeRules, passwordProblems } from './password.rules.js';
import { strictest } from './security.policy.js';

const MT = SECURITY_PRESETS['mt-referral-network'];
const NCC = SECURITY_PRESETS['council-payments'];
const NIST = SECURITY_PRESETS.default;
const email = 'jordan.lee@example.test';
const problemsUnder = (policy: typeof MT, password: string, who = email) =>
  passwordProblems(password, policy.password, { email: who, secondFactor: policy.secondFactor });

describe('password rules per preset (MT-1, NCC-1, NIST default)', () => {
  it('MT-1: accepts 8+ characters with a number, an upper case, a lower case and a symbol', () => {
    expect(problemsUnder(MT, 'Gr8-Tund')).toEqual([]);
    expect(problemsUnder(MT, 'Sunny#Day42')).toEqual([]);
  });

  it.each([
    ['Gr8-Tun', /at least 8 characters long \(it has 7\)/],
    ['gr8-tundra', /upper-case letter/],
    ['GR8-TUNDRA', /lower-case letter/],
    ['Great-Tundra', /must contain a number/],
    ['Gr8Tundra1', /symbol/],
  ])('MT-1: refuses %s naming the failed rule', (password, rule) => {
    const problems = problemsUnder(MT, password);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(rule);
  });

  it('MT-1: a password failing several rules gets one message per rule', () => {
    expect(problemsUnder(MT, 'abc')).toEqual([
      'must be at least 8 characters long (it has 3)',
      'must contain an upper-case letter',
      'must contain a symbol such as ! # or -',
      'must contain a number',
    ]);
  });

  it('NCC-1: accepts 9+ characters with a capital, letters and two digits (no symbol or lower case needed)', () => {
    expect(problemsUnder(NCC, 'Norwich26')).toEqual([]);
    expect(problemsUnder(NCC, 'NORWICH26')).toEqual([]);
  });

  it.each([
    ['Norwic26', /at least 9 characters long \(it has 8\)/],
    ['norwich26', /upper-case letter/],
    ['Norwich2x', /at least 2 digits/],
  ])('NCC-1: refuses %s naming the failed rule', (password, rule) => {
    const problems = problemsUnder(NCC, password);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(rule);
  });

  it('NCC-1: digits only fail the capital and the letters rules', () => {
    expect(problemsUnder(NCC, '519073846')).toEqual(['must contain an upper-case letter', 'must contain letters']);
  });

  it('X-5 (NIST default): 15+ characters of any kind, no composition rules', () => {
    expect(problemsUnder(NIST, 'purple otter meadow')).toEqual([]);
    expect(problemsUnder(NIST, 'purpleottermead')).toEqual([]);
    expect(problemsUnder(NIST, 'purpleottermea')).toEqual(['must be at least 15 characters long (it has 14)']);
  });

  it('X-5 (NIST default): length counts characters, not bytes', () => {
    expect(problemsUnder(NIST, 'ééééééééééééééé')).toEqual([]);
    expect(problemsUnder(NIST, '🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊🦊')).toEqual([
      'must be at least 15 characters long (it has 14)',
    ]);
  });

  it('X-5 (NIST default): refuses a password from the common list, whatever its case', () => {
    expect(commonPasswords().has('passwordpassword')).toBe(true);
    expect(commonPasswords().size).toBeGreaterThan(40_000);
    for (const pw of ['passwordpassword', 'PasswordPassword', 'qwertyuiop12345']) {
      expect(problemsUnder(NIST, pw)).toEqual(['is in a list of commonly used or breached passwords; choose another']);
    }
  });

  it('X-5 (NIST default): refuses a password containing the email name, whatever its case', () => {
    expect(problemsUnder(NIST, 'my name is Jordan.Lee ok')).toEqual(['must not contain your email name']);
    expect(problemsUnder(NIST, 'my name is jordan lee ok')).toEqual([]);
  });

  it('MT-1 and NCC-1: the common list and the email name apply in the guide presets too', () => {
    expect(problemsUnder(MT, 'P@ssw0rd')).toContain(
      'is in a list of commonly used or breached passwords; choose another',
    );
    expect(problemsUnder(NCC, 'Jordan.Lee99')).toEqual(['must not contain your email name']);
  });

  it('X-5 (NIST default): with a second factor the minimum length drops to 8', () => {
    const rules = { ...NIST.password };
    expect(passwordProblems('tundra-otter', rules, { email, secondFactor: 'passcode' })).toEqual([]);
    expect(passwordProblems('tundra-otter', rules, { email, secondFactor: 'none' })).toHaveLength(1);
  });

  it('X-5: a password longer than 256 characters is refused', () => {
    expect(problemsUnder(NIST, 'x'.repeat(257))).toContain('must be at most 256 characters long');
  });
});

describe('the rules in words (MT-1, NCC-1, NIST default)', () => {
  it('MT-1: describes 8+ characters, upper, lower, number and symbol', () => {
    expect(describeRules(MT.password, MT.secondFactor)).toEqual([
      'At least 8 characters',
      'An upper-case letter',
      'A lower-case letter',
      'A number',
      'A symbol such as ! # or -',
      'Not a commonly used password',
      'Not containing your email name',
    ]);
  });

  it('NCC-1: describes 9+ characters, a capital and two digits', () => {
    expect(describeRules(NCC.password, NCC.secondFactor)).toEqual([
      'At least 9 characters',
      'An upper-case letter',
      'At least 2 digits',
      'Not a commonly used password',
      'Not containing your email name',
    ]);
  });

  it('X-5 (NIST default): describes 15+ characters, not common, not the email name', () => {
    expect(describeRules(NIST.password, NIST.secondFactor)).toEqual([
      'At least 15 characters',
      'Not a commonly used password',
      'Not containing your email name',
    ]);
  });

  it('MT-1 + NCC-1: a user of both networks is told every rule of both', () => {
    const both = strictest([MT, NCC]);
    expect(describeRules(both.password, both.secondFactor)).toEqual([
      'At least 9 characters',
      'An upper-case letter',
      'A lower-case letter',
      'At least 2 digits',
      'A symbol such as ! # or -',
      'Not a commonly used password',
      'Not containing your email name',
    ]);
  });

  it('MT-1 + NCC-1: under the strictest of both, a password must satisfy each rule set', () => {
    const both = strictest([MT, NCC]);
    const check = (pw: string) => passwordProblems(pw, both.password, { email, secondFactor: both.secondFactor });
    expect(check('NORWICH26')).toEqual(['must contain a lower-case letter', 'must contain a symbol such as ! # or -']);
    expect(check('Gr8-Tundra')).toEqual(['must contain at least 2 digits']);
    expect(check('Gr8-Tund')).toEqual([
      'must be at least 9 characters long (it has 8)',
      'must contain at least 2 digits',
    ]);
    expect(check('Gr8-Tundra9')).toEqual([]);
  });
});
