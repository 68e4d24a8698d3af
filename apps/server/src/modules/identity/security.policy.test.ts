import { PRESET_CODES, PRESET_POLICIES, SECURITY_PRESETS, type SecurityPolicy } from '@portico/shared';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { DEMO_NETWORKS } from '../../demo/demo.data.js';
import { DEMO_PASSCODE } from '../../demo/seed.js';
import { passcodeProblem } from './passcode.rules.js';
import { passwordProblems } from './password.rules.js';
import { securityOfNetwork, strictest } from './security.policy.js';

const MT = SECURITY_PRESETS['mt-referral-network'];
const NCC = SECURITY_PRESETS['council-payments'];
const NIST = SECURITY_PRESETS.default;

describe('preset security values are what the guides say (MT-1, NCC-1, NIST default)', () => {
  it('MT-1: 8+ characters with a number, an upper case, a lower case and a symbol; temporary passwords allowed', () => {
    expect(MT.password).toMatchObject({
      minLength: 8,
      minLengthWithSecondFactor: 8,
      requireUpper: true,
      requireLower: true,
      requireSymbol: true,
      minDigits: 1,
    });
    expect(MT).toMatchObject({ secondFactor: 'none', allowTemporaryPassword: true });
  });

  it('NCC-1: 9+ with a capital, letters and two digits; 3 attempts until an administrator; 365 days; 60 days; passcode', () => {
    expect(NCC.password).toMatchObject({
      minLength: 9,
      minLengthWithSecondFactor: 9,
      requireUpper: true,
      requireLetter: true,
      minDigits: 2,
    });
    expect(NCC).toMatchObject({
      maxFailedAttempts: 3,
      lockoutMinutes: null,
      passwordLifetimeDays: 365,
      inactivitySuspendDays: 60,
      secondFactor: 'passcode',
      allowTemporaryPassword: true,
    });
  });

  it('MT-1 / NCC-1 (NIST default, SP 800-63B-4): 15+ characters, common list and email name refused, no composition, no factor', () => {
    expect(NIST.password).toEqual({
      minLength: 15,
      minLengthWithSecondFactor: 8,
      requireUpper: false,
      requireLower: false,
      requireLetter: false,
      requireSymbol: false,
      minDigits: 0,
      rejectCommon: true,
      rejectEmailName: true,
    });
    expect(NIST).toMatchObject({
      maxFailedAttempts: 10,
      lockoutMinutes: 15,
      passwordLifetimeDays: null,
      inactivitySuspendDays: null,
      sessionIdleMinutes: 15,
      sessionAbsoluteHours: 12,
      secondFactor: 'none',
      allowTemporaryPassword: false,
    });
  });

  it('MT-1 / NCC-1: every network preset carries its security rules', () => {
    for (const code of PRESET_CODES) expect(PRESET_POLICIES[code].security).toEqual(SECURITY_PRESETS[code]);
  });
});

describe('a network policy and the strictest of several (MT-1, NCC-1)', () => {
  it('NCC-1: a network administrator’s own values override its preset, field by field', () => {
    const own = securityOfNetwork({
      preset: 'council-payments',
      policy: { security: { maxFailedAttempts: 5, password: { minLength: 12 } as SecurityPolicy['password'] } },
    });
    expect(own.maxFailedAttempts).toBe(5);
    expect(own.password.minLength).toBe(12);
    expect(own.password.minDigits).toBe(2);
    expect(own.secondFactor).toBe('passcode');
    expect(securityOfNetwork({ preset: 'council-payments', policy: {} })).toEqual(NCC);
  });

  it('MT-1 + NCC-1: a user in an MT and an NCC network gets both rule sets and the stricter of each limit', () => {
    const both = strictest([MT, NCC]);
    expect(both.password).toMatchObject({
      minLength: 9,
      requireUpper: true,
      requireLower: true,
      requireLetter: true,
      requireSymbol: true,
      minDigits: 2,
      rejectCommon: true,
      rejectEmailName: true,
    });
    expect(both).toMatchObject({
      maxFailedAttempts: 3,
      lockoutMinutes: null,
      passwordLifetimeDays: 365,
      inactivitySuspendDays: 60,
      secondFactor: 'passcode',
    });
    expect(strictest([NCC, MT])).toEqual(both);
  });

  it('NCC-1: lockout until an administrator (null) is stricter than any window; temporary passwords need every network', () => {
    expect(strictest([NIST, NCC]).lockoutMinutes).toBeNull();
    expect(strictest([NIST, { ...NIST, lockoutMinutes: 30 }]).lockoutMinutes).toBe(30);
    expect(strictest([MT, NCC]).allowTemporaryPassword).toBe(true);
    expect(strictest([MT, NIST]).allowTemporaryPassword).toBe(false);
  });

  it('NCC-1: the shortest lifetimes and session limits win; no network means the default', () => {
    const tight = { ...NIST, sessionIdleMinutes: 5, sessionAbsoluteHours: 8, passwordLifetimeDays: 90 };
    expect(strictest([NCC, tight])).toMatchObject({
      sessionIdleMinutes: 5,
      sessionAbsoluteHours: 8,
      passwordLifetimeDays: 90,
      inactivitySuspendDays: 60,
    });
    expect(strictest([])).toEqual(NIST);
    expect(strictest([NCC])).toEqual(NCC);
  });
});

describe('the demo sign-ins (MT-1, NCC-1)', () => {
  const demoPassword = loadConfig({ NODE_ENV: 'development' }).demoPassword;
  const everyone = DEMO_NETWORKS.flatMap((n) => n.users.map((u) => u.email));

  it('MT-1 / NCC-1: the demo password is Portico-demo-2026! unless configured', () => {
    expect(demoPassword).toBe('Portico-demo-2026!');
    expect(loadConfig({ NODE_ENV: 'development', PORTICO_DEMO_PASSWORD: 'Other-demo-99' }).demoPassword).toBe(
      'Other-demo-99',
    );
  });

  it('MT-1 / NCC-1: the demo password passes every preset’s rules for every demo email', () => {
    expect(everyone.length).toBeGreaterThan(10);
    for (const code of PRESET_CODES) {
      const policy = SECURITY_PRESETS[code];
      for (const email of everyone) {
        expect({
          code,
          email,
          problems: passwordProblems(demoPassword, policy.password, { email, secondFactor: policy.secondFactor }),
        }).toEqual({ code, email, problems: [] });
      }
    }
  });

  it('MT-1 / NCC-1: the demo password passes the strictest of all presets, and the demo passcode is allowed', () => {
    const all = strictest(PRESET_CODES.map((c) => SECURITY_PRESETS[c]));
    for (const email of everyone) {
      expect(passwordProblems(demoPassword, all.password, { email, secondFactor: 'none' })).toEqual([]);
    }
    expect(passcodeProblem(DEMO_PASSCODE)).toBeNull();
  });
});
