import { AUTHORIZER_KINDS } from '@portico/shared';
import { formatDateTime, formatDay } from '../../lib/format';
import type { Consent, ConsentSms } from './types';

/** Codes → their labels, keeping an unknown code as it is (a newer server may add one). */
export function labelsOf(codes: Record<string, string>, list: readonly string[]): string[] {
  return list.map((code) => codes[code] ?? code);
}

/** MT-9: what the consent allows now, in words: "Valid until 3 Jan 2027", "Revoked on … — reason". */
export function validityText(c: Pick<Consent, 'status' | 'expiresAt' | 'revokedAt' | 'revokeReason'>): string {
  switch (c.status) {
    case 'signed':
      return `Valid until ${formatDay(c.expiresAt)}`;
    case 'expired':
      return c.expiresAt ? `Expired on ${formatDay(c.expiresAt)}` : 'Expired';
    case 'revoked':
      return `Revoked on ${formatDay(c.revokedAt)}${c.revokeReason ? ` — ${c.revokeReason}` : ''}`;
    case 'awaiting_upload':
      return 'Signed on paper; not valid until the signed form is uploaded';
    default:
      return 'Not valid until it is signed';
  }
}

/** MT-9: who authorizes: "Mary Doe, mother (Parent or guardian)". */
export function authorizerText(
  c: Pick<Consent, 'authorizerKind' | 'authorizerName' | 'authorizerRelationship'>,
): string {
  const kind = AUTHORIZER_KINDS[c.authorizerKind as keyof typeof AUTHORIZER_KINDS] ?? c.authorizerKind;
  const relationship = c.authorizerRelationship ? `, ${c.authorizerRelationship}` : '';
  return `${c.authorizerName}${relationship} (${kind})`;
}

/** MT-10: where a text-message signature stands, as said to the staff member. */
export function smsStateText(sms: ConsentSms): string {
  switch (sms.state) {
    case 'awaiting_reply':
      return `Waiting for the client to reply YES to ${sms.phone}`;
    case 'code_sent':
      return `A 6-digit code was texted; valid until ${formatDateTime(sms.codeExpiresAt)}. Ask the client for it.`;
    case 'locked':
      return 'Too many wrong codes — sign another way';
    default:
      return 'The code was confirmed.';
  }
}

/** MT-10: what is missing while a consent is not complete; a paper signature needs its scan. */
export function incompleteText(c: Pick<Consent, 'status' | 'method'>): string {
  return c.status === 'awaiting_upload' || c.method === 'paper' ? 'Incomplete: upload the signed form' : 'Incomplete';
}

export const attemptsText = (n: number) => `${n} attempt${n === 1 ? '' : 's'} left`;

/** A file size for people: "820 B", "14 KB", "1.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The start of a SHA-256, enough to compare with a copy by eye. */
export const shortHash = (sha256: string) => sha256.slice(0, 12);
