import type { Static } from 'typebox';
import type { Db, Tx } from '../../db/client.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { type Actor, assertCan } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock/clock.js';
import type { SmsGateway } from '../../platform/sms/sms.gateway.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import { clientForConsent } from '../clients/clients.confirm.js';
import * as clientsRepo from '../clients/clients.repo.js';
import { agreementRuleOf, assertProgramReceivesReferrals } from '../directory/directory.service.js';
import { consentPolicy as policy } from './consents.policy.js';
import * as repo from './consents.repo.js';
import { expiresAtOf, isValid, maskPhone, namesTheClient, SMS_MAX_WRONG, sameName } from './consents.rules.js';
import type { ConsentCreate, ESign, Revoke } from './consents.schema.js';

export interface ConsentDeps {
  db: Db;
  clock: Clock;
  sms: SmsGateway;
}

/** The API's view of a consent, for this actor at this moment. */
export function toConsentView(actor: Actor, r: repo.ConsentRecord, now: Date) {
  const c = r.consent;
  const valid = isValid(c, now);
  // A program named on a pending, revoked or expired consent does not see the client, so not their name either.
  const names = policy.seesNames(actor, c, valid);
  return {
    ...c,
    authorizerName: names ? c.authorizerName : 'Shown once the consent is signed',
    signerName: names ? c.signerName : null,
    valid,
    complete: c.status !== 'awaiting_upload' && !(c.method === 'paper' && !r.document),
    programs: r.programs,
    sms: r.sms && {
      phone: maskPhone(r.sms.phone),
      state: r.sms.state,
      codeExpiresAt: r.sms.codeExpiresAt,
      attemptsLeft: Math.max(0, SMS_MAX_WRONG - r.sms.failedAttempts),
      codesSent: r.sms.codesSent,
    },
    document: r.document && {
      fileName: r.document.fileName,
      sizeBytes: r.document.sizeBytes,
      sha256: r.document.sha256,
      uploadedAt: r.document.uploadedAt,
    },
    canManage: policy.manage(actor, c),
  };
}
export type ConsentView = ReturnType<typeof toConsentView>;

/** A consent the acting program is named on (404 otherwise: it may not even know it exists). */
export async function loadConsent(tx: Tx, actor: Actor, id: string, lock = false) {
  const found = await repo.findConsent(tx, id, policy.reader(actor), lock);
  if (!found) throw notFound('Consent');
  return found;
}

/** Locks a consent the acting program manages, in the state the step needs (409 otherwise). */
export async function loadManaged(tx: Tx, actor: Actor, id: string, states: readonly string[], step: string) {
  const found = await loadConsent(tx, actor, id, true);
  if (!policy.manage(actor, found.consent)) {
    throw forbidden('Only the program that started this consent collects its signature.');
  }
  if (!states.includes(found.consent.status)) {
    throw conflict(`This consent is ${found.consent.status.replace('_', ' ')}: it cannot ${step}.`);
  }
  return found;
}

/** Re-reads after a write, in the same transaction, so the answer is what was committed. */
export async function viewOf(tx: Tx, actor: Actor, id: string, now: Date) {
  return toConsentView(actor, await loadConsent(tx, actor, id), now);
}

export async function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  consentId: string,
  details?: Record<string, unknown>,
) {
  await recordAudit(tx, auditContextOf(actor), { action, entityType: 'consent', entityId: consentId, details });
}

export function listForClient({ db, clock }: ConsentDeps, actor: Actor, clientId: string) {
  assertCan(actor, 'consents:read');
  const now = clock.now();
  return withTenant(db, actor, async (tx) => {
    if (!(await clientsRepo.findVisible(tx, actor, now, clientId))) throw notFound('Client');
    const rows = await repo.listForClient(tx, clientId, policy.reader(actor));
    return { items: rows.map((r) => toConsentView(actor, r, now)) };
  });
}

export function getConsent({ db, clock }: ConsentDeps, actor: Actor, id: string) {
  assertCan(actor, 'consents:read');
  return withTenant(db, actor, (tx) => viewOf(tx, actor, id, clock.now()));
}

/**
 * MT-9: a release naming the chosen programs and always the acting one. Each other program must be able
 * to receive referrals now (MT-4). A "client" authorizer must be the client; anyone else states a relationship.
 */
export async function createConsent({ db, clock }: ConsentDeps, actor: Actor, input: Static<typeof ConsentCreate>) {
  assertCan(actor, 'consents:write');
  const now = clock.now();
  const relationship = input.authorizerRelationship?.trim() || null;
  if (input.authorizerKind !== 'client' && !relationship) {
    throw invalid('body.authorizerRelationship', 'say how the authorizer is related to the client');
  }
  // MT-7: a person known to another program, once confirmed by the client's phone or address, may get a consent.
  const client = await clientForConsent({ db, clock }, actor, input.clientId);
  if (!client) throw notFound('Client');
  return withTenant(db, actor, async (tx) => {
    if (client.mergedIntoId) throw invalid('body.clientId', 'this client was merged into another; use the survivor');
    const authorizerName = input.authorizerName.trim();
    if (input.authorizerKind === 'client' && !namesTheClient(authorizerName, client)) {
      throw invalid('body.authorizerName', `the client authorizes: give ${client.firstName} ${client.lastName}'s name`);
    }
    const ids = [...new Set([actor.programId, ...input.programIds])];
    const named = await repo.programsByIds(tx, actor.networkId, ids);
    const missing = ids.find((id) => !named.some((p) => p.id === id));
    if (missing) throw invalid('body.programIds', `program ${missing} is not in this network`);
    const rule = await agreementRuleOf(tx, actor.networkId);
    for (const p of named) {
      if (p.id !== actor.programId)
        await assertProgramReceivesReferrals(tx, rule, { id: p.id, networkId: actor.networkId }, now);
    }
    const row = await repo.insertConsent(
      tx,
      {
        networkId: actor.networkId,
        organizationId: actor.organizationId,
        clientId: client.id,
        createdByProgramId: actor.programId,
        createdBy: actor.userId,
        infoTypes: input.infoTypes,
        sensitiveTypes: input.sensitiveTypes ?? [],
        authorizerKind: input.authorizerKind,
        authorizerName,
        authorizerRelationship: relationship,
      },
      named.map((p) => ({ programId: p.id, organizationId: p.organizationId })),
    );
    await audit(tx, actor, 'consent.create', row.id, {
      programs: named.length,
      infoTypes: input.infoTypes,
      sensitiveTypes: input.sensitiveTypes ?? [],
    });
    return viewOf(tx, actor, row.id, now);
  });
}

/** Marks a consent signed now (or on the paper's date) for one year. */
export async function markSigned(
  tx: Tx,
  consentId: string,
  fields: {
    method: 'esign' | 'sms' | 'paper';
    signerName: string;
    signedAt: Date;
    status?: 'signed' | 'awaiting_upload';
  },
) {
  await repo.updateConsent(tx, consentId, {
    status: fields.status ?? 'signed',
    method: fields.method,
    signerName: fields.signerName,
    signedAt: fields.signedAt,
    expiresAt: expiresAtOf(fields.signedAt),
  });
}

/** MT-10 e-sign: the authorizer types their own full name and confirms. */
export function eSign({ db, clock }: ConsentDeps, actor: Actor, id: string, input: Static<typeof ESign>) {
  const now = clock.now();
  if (!input.confirm) throw invalid('body.confirm', 'the signer must confirm they read and agree to the release');
  return withTenant(db, actor, async (tx) => {
    const { consent } = await loadManaged(tx, actor, id, ['pending'], 'be signed');
    if (!sameName(input.signerName, consent.authorizerName)) {
      throw invalid('body.signerName', `the signer must be the authorizer: type ${consent.authorizerName}'s full name`);
    }
    await markSigned(tx, id, { method: 'esign', signerName: input.signerName.trim(), signedAt: now });
    await audit(tx, actor, 'consent.sign', id, { method: 'esign' });
    return viewOf(tx, actor, id, now);
  });
}

/** MT-10: revoking is immediate; the reason is kept. Any program on the consent may record it. */
export function revoke({ db, clock }: ConsentDeps, actor: Actor, id: string, input: Static<typeof Revoke>) {
  if (!policy.revoke(actor)) throw forbidden('Your role does not allow revoking consents.');
  const now = clock.now();
  return withTenant(db, actor, async (tx) => {
    const { consent } = await loadConsent(tx, actor, id, true);
    if (consent.status === 'revoked' || consent.status === 'expired') {
      throw conflict(`This consent is already ${consent.status}.`);
    }
    await repo.updateConsent(tx, id, {
      status: 'revoked',
      revokedAt: now,
      revokedBy: actor.userId,
      revokeReason: input.reason.trim(),
    });
    await audit(tx, actor, 'consent.revoke', id);
    return viewOf(tx, actor, id, now);
  });
}
