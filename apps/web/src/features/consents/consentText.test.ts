import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay } from '../../lib/format';
import {
  attemptsText,
  authorizerText,
  formatBytes,
  incompleteText,
  labelsOf,
  shortHash,
  smsStateText,
  validityText,
} from './consentText';

const base = { expiresAt: null, revokedAt: null, revokeReason: null };

describe('consent wording (MT-9, MT-10)', () => {
  it('MT-9: says how long a consent is valid, or why it is not', () => {
    const expiresAt = '2027-01-03T12:00:00.000Z';
    expect(validityText({ ...base, status: 'signed', expiresAt })).toBe(`Valid until ${formatDay(expiresAt)}`);
    expect(validityText({ ...base, status: 'expired', expiresAt })).toBe(`Expired on ${formatDay(expiresAt)}`);
    expect(validityText({ ...base, status: 'expired' })).toBe('Expired');
    const revokedAt = '2026-05-01T09:00:00.000Z';
    expect(validityText({ ...base, status: 'revoked', revokedAt, revokeReason: 'Client asked' })).toBe(
      `Revoked on ${formatDay(revokedAt)} — Client asked`,
    );
    expect(validityText({ ...base, status: 'pending' })).toMatch(/not valid until it is signed/i);
  });

  it('MT-9: names the authorizer with the relationship and the kind', () => {
    expect(authorizerText({ authorizerKind: 'client', authorizerName: 'Ana Ruiz', authorizerRelationship: null })).toBe(
      'Ana Ruiz (The client)',
    );
    expect(
      authorizerText({ authorizerKind: 'guardian', authorizerName: 'Rosa Ruiz', authorizerRelationship: 'mother' }),
    ).toBe('Rosa Ruiz, mother (Parent or guardian)');
  });

  it('MT-9: shows labels of codes, keeping an unknown code as it is', () => {
    expect(labelsOf({ needs: 'Needs and services requested' }, ['needs', 'new_code'])).toEqual([
      'Needs and services requested',
      'new_code',
    ]);
  });

  it('MT-10: says where a text-message signature stands', () => {
    const sms = { phone: '••• 0123', codeExpiresAt: null, attemptsLeft: 5, codesSent: 0 };
    expect(smsStateText({ ...sms, state: 'awaiting_reply' })).toBe('Waiting for the client to reply YES to ••• 0123');
    const codeExpiresAt = '2026-01-01T20:00:00.000Z';
    expect(smsStateText({ ...sms, state: 'code_sent', codeExpiresAt })).toBe(
      `A 6-digit code was texted; valid until ${formatDateTime(codeExpiresAt)}. Ask the client for it.`,
    );
    expect(smsStateText({ ...sms, state: 'locked' })).toBe('Too many wrong codes — sign another way');
    expect(attemptsText(1)).toBe('1 attempt left');
    expect(attemptsText(4)).toBe('4 attempts left');
  });

  it('MT-10: a paper signature is incomplete until its scan is uploaded', () => {
    expect(incompleteText({ status: 'awaiting_upload', method: 'paper' })).toBe('Incomplete: upload the signed form');
    expect(incompleteText({ status: 'pending', method: null })).toBe('Incomplete');
  });

  it('MT-10: describes the uploaded file by size and hash start', () => {
    expect(formatBytes(820)).toBe('820 B');
    expect(formatBytes(14 * 1024)).toBe('14 KB');
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(shortHash('a'.repeat(64))).toBe('aaaaaaaaaaaa');
  });
});
