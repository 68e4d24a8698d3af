import { createHash } from 'node:crypto';
import type { Tx } from '../db/client.js';
import { blankConsentPdf } from '../modules/consents/consents.pdf.js';
import { expiresAtOf, requestMessage } from '../modules/consents/consents.rules.js';
import {
  consentDocuments,
  consentPrograms,
  consentSmsChallenges,
  consents,
  smsMessages,
} from '../modules/consents/consents.table.js';
import { DAY } from '../platform/clock/clock.js';

export interface DemoConsentClient {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  phone: string | null;
  organizationId: string;
  createdByProgramId: string;
}
export interface DemoProgram {
  id: string;
  organizationId: string;
  name: string;
}

type State = 'esign' | 'sms' | 'paper' | 'awaiting_upload' | 'pending_sms' | 'expired' | 'revoked' | 'expiring';

/**
 * Which demo client (by index) gets a consent in which state (MT-9, MT-10): each method, a paper one
 * missing its upload, one waiting for the client's YES, one expired, one revoked, one 20 days from expiry.
 * Clients 2 and 10 are the planted near-duplicates' originals and keep no consent, so the duplicate
 * check's "known to another program" stays visible in the demo.
 */
const PLAN: [number, State][] = [
  [0, 'esign'],
  [1, 'sms'],
  [3, 'paper'],
  [4, 'awaiting_upload'],
  [5, 'pending_sms'],
  [6, 'expired'],
  [7, 'revoked'],
  [8, 'expiring'],
];

/** Each planned state as the consent row stores it. */
const SHAPE: Record<State, { status: string; method: 'esign' | 'sms' | 'paper' | null }> = {
  esign: { status: 'signed', method: 'esign' },
  sms: { status: 'signed', method: 'sms' },
  paper: { status: 'signed', method: 'paper' },
  awaiting_upload: { status: 'awaiting_upload', method: 'paper' },
  pending_sms: { status: 'pending', method: null },
  expired: { status: 'expired', method: 'esign' },
  revoked: { status: 'revoked', method: 'esign' },
  expiring: { status: 'signed', method: 'esign' },
};

const SIMULATOR_FROM = '+15005550006';

/** The demo's consents, each naming its creating program and programs of two other organizations. */
export async function seedDemoConsents(
  tx: Tx,
  networkId: string,
  networkName: string,
  people: DemoConsentClient[],
  programs: DemoProgram[],
  creatorOf: (programId: string) => string,
  now = new Date(),
) {
  for (const [index, state] of PLAN) {
    const client = people[index];
    if (!client) continue;
    const own = programs.find((p) => p.id === client.createdByProgramId);
    const others = programs.filter((p) => p.organizationId !== client.organizationId).slice(index % 2, (index % 2) + 2);
    const named = [...(own ? [own] : []), ...others];
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const signedAt = state === 'expired' ? ago(400) : state === 'expiring' ? ago(345) : ago(10 + index);
    const { status, method } = SHAPE[state];
    const signed = method !== null;
    const authorizerName = `${client.firstName} ${client.lastName}`;
    const [row] = await tx
      .insert(consents)
      .values({
        networkId,
        organizationId: client.organizationId,
        clientId: client.id,
        createdByProgramId: client.createdByProgramId,
        createdBy: creatorOf(client.createdByProgramId),
        status,
        infoTypes: ['demographics', 'needs', index % 2 ? 'housing' : 'benefits'],
        sensitiveTypes: index === 3 ? ['mental_health'] : [],
        authorizerKind: 'client',
        authorizerName,
        method,
        signerName: signed ? authorizerName : null,
        signedAt: signed ? signedAt : null,
        expiresAt: signed ? expiresAtOf(signedAt) : null,
        revokedAt: state === 'revoked' ? ago(2) : null,
        revokedBy: state === 'revoked' ? creatorOf(client.createdByProgramId) : null,
        revokeReason: state === 'revoked' ? 'The client asked to stop sharing with these programs.' : null,
        createdAt: signed ? signedAt : ago(1),
      })
      .returning({ id: consents.id });
    const consentId = row!.id;
    await tx
      .insert(consentPrograms)
      .values(named.map((p) => ({ consentId, programId: p.id, organizationId: p.organizationId, networkId })));
    if ((state === 'sms' || state === 'pending_sms') && client.phone) {
      await tx.insert(consentSmsChallenges).values({
        consentId,
        networkId,
        organizationId: client.organizationId,
        phone: client.phone,
        state: state === 'sms' ? 'verified' : 'awaiting_reply',
        codesSent: state === 'sms' ? 1 : 0,
      });
      await tx.insert(smsMessages).values({
        networkId,
        direction: 'outbound',
        toNumber: client.phone,
        fromNumber: SIMULATOR_FROM,
        body: requestMessage(
          own?.name ?? 'A program',
          others.map((p) => p.name),
        ),
        providerId: `SIMDEMO${consentId.replace(/-/g, '')}`,
        createdAt: state === 'sms' ? signedAt : ago(1),
      });
    }
    if (state === 'paper') {
      // The "scan": the form itself, as printed for this consent.
      const content = await blankConsentPdf({
        networkName,
        client: { firstName: client.firstName, lastName: client.lastName, birthDate: client.birthDate },
        programs: named.map((p) => ({ name: p.name, organizationName: '' })),
        infoTypes: ['Name, date of birth and contact details'],
        sensitiveTypes: ['Mental health'],
        authorizer: { kind: 'client', name: authorizerName },
        validDays: 365,
        generatedAt: signedAt,
      });
      await tx.insert(consentDocuments).values({
        consentId,
        networkId,
        organizationId: client.organizationId,
        fileName: 'signed-consent.pdf',
        sizeBytes: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        uploadedBy: creatorOf(client.createdByProgramId),
        uploadedAt: signedAt,
      });
    }
  }
}
