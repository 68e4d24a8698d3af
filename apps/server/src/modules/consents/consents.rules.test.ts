import { describe, expect, it } from 'vitest';
import {
  codeMatches,
  expiresAtOf,
  hashCode,
  isValid,
  isYes,
  maskPhone,
  namesTheClient,
  newCode,
  requestMessage,
  sameName,
} from './consents.rules.js';

describe('consent rules (MT-9, MT-10)', () => {
  it.each([
    ['Marta Lindqvist', 'Marta Lindqvist', true],
    ['  marta   LINDQVIST ', 'Marta Lindqvist', true],
    ['Jose Nunez', 'José Núñez', true],
    ['anne marie o neil', "Anne-Marie O'Neil", true],
    ['Anne O’Neil', "Anne O'Neil", true],
    ['J. R. Smith', 'J R Smith', true],
    ['Marta Berg', 'Marta Lindqvist', false],
    ['Marta', 'Marta Lindqvist', false],
    ['Lindqvist Marta', 'Marta Lindqvist', false],
  ])('MT-10: sameName(%j, %j) is %s (case, accents, spacing and punctuation ignored)', (typed, name, same) => {
    expect(sameName(typed, name)).toBe(same);
  });

  const marta = { firstName: 'Marta', lastName: 'Lindqvist' };
  it.each([
    ['Marta Lindqvist', marta, true],
    ['marta elin lindqvist', marta, true],
    ['Marta E. Lindqvist', marta, true],
    ['Dr Marta Lindqvist Jr', marta, true],
    ['Jose Nunez', { firstName: 'José', lastName: 'Núñez' }, true],
    ['José Núñez', { firstName: 'Jose', lastName: 'Nunez' }, true],
    ['Ana Maria Garcia Lopez', { firstName: 'Ana Maria', lastName: 'García López' }, true],
    ['Ana Garcia Lopez', { firstName: 'Ana Maria', lastName: 'García López' }, false],
    ['Ana Maria Garcia', { firstName: 'Ana Maria', lastName: 'García López' }, false],
    // The first name comes before the last: "Lindqvist Marta" is read as another person.
    ['Lindqvist Marta', marta, false],
    ['Martina Lindqvist', marta, false],
    ['Marta Lindqvistova', marta, false],
    ['Rosa Lindqvist', marta, false],
  ])('MT-9: namesTheClient(%j, %j) is %s', (authorizer, client, names) => {
    expect(namesTheClient(authorizer, client)).toBe(names);
  });

  it.each(['YES', 'yes', ' Yes! ', 'y', 'Y.', 'yes!!!', 'yEs\n'])('MT-10: %j is a YES', (body) => {
    expect(isYes(body)).toBe(true);
  });
  it.each(['no', 'yes please', 'yesterday', 'ok', '', 'YES 123456', 'not yes'])('MT-10: %j is not a YES', (body) => {
    expect(isYes(body)).toBe(false);
  });

  it('MT-10: a code is 6 digits, kept hashed and bound to its consent', () => {
    for (let i = 0; i < 50; i++) expect(newCode()).toMatch(/^\d{6}$/);
    const consent = '5b0d7c36-3f0e-4c8e-9a3f-0d7a6f1c2b11';
    const other = '0e6a1d2c-7b4f-4d1a-8c2e-3f5b6a7c8d90';
    const stored = hashCode(consent, '123456');
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain('123456');
    expect(hashCode(consent, ' 123456 ')).toBe(stored);
    expect(hashCode(other, '123456')).not.toBe(stored);

    expect(codeMatches(consent, '123456', stored)).toBe(true);
    expect(codeMatches(consent, ' 123456\n', stored)).toBe(true);
    expect(codeMatches(consent, '123457', stored)).toBe(false);
    // A hash copied from another consent is worthless here.
    expect(codeMatches(other, '123456', stored)).toBe(false);
    expect(codeMatches(consent, '123456', null)).toBe(false);
    expect(codeMatches(consent, '123456', 'abc')).toBe(false);
  });

  it('MT-10: staff see only the last four digits of the number', () => {
    expect(maskPhone('+14065550123')).toBe('••••••••0123');
    expect(maskPhone('+14065550123')).not.toContain('406');
    expect(maskPhone('0123')).toBe('0123');
    expect(maskPhone('123')).toBe('123');
  });

  it('MT-10: the request names the asking program and up to three others, then counts the rest', () => {
    const alone = requestMessage('Helena Food Share', []);
    expect(alone).toContain('Helena Food Share asks your consent');
    expect(alone).not.toContain('share your information with');
    expect(alone).toContain('Reply YES');

    expect(requestMessage('Helena Food Share', ['Pantry', 'Shelter', 'Clinic'])).toContain(
      'share your information with: Pantry, Shelter, Clinic. Reply YES',
    );
    const many = requestMessage('Helena Food Share', ['Pantry', 'Shelter', 'Clinic', 'Legal Aid', 'Transit']);
    expect(many).toContain('with: Pantry, Shelter, Clinic and 2 more. Reply YES');
    expect(many).not.toContain('Legal Aid');
    expect(many).not.toContain('Transit');
    expect(many).toContain('Ignore this message to decline.');
  });

  it('MT-9: a consent is valid 365 days from its signature, and only while signed', () => {
    const signedAt = new Date('2026-03-01T10:00:00.000Z');
    expect(expiresAtOf(signedAt).toISOString()).toBe('2027-03-01T10:00:00.000Z');
    // 365 days, not "the same date next year": over a leap day it ends a calendar day earlier.
    expect(expiresAtOf(new Date('2024-02-01T00:00:00.000Z')).toISOString()).toBe('2025-01-31T00:00:00.000Z');

    const expiresAt = expiresAtOf(signedAt);
    const justBefore = new Date(expiresAt.getTime() - 1);
    expect(isValid({ status: 'signed', expiresAt }, justBefore)).toBe(true);
    expect(isValid({ status: 'signed', expiresAt }, expiresAt)).toBe(false);
    for (const status of ['pending', 'awaiting_upload', 'revoked', 'expired']) {
      expect(isValid({ status, expiresAt }, justBefore)).toBe(false);
    }
    expect(isValid({ status: 'signed', expiresAt: null }, justBefore)).toBe(false);
  });
});
