import { createHash } from 'node:crypto';
import { CONSENT_VALID_DAYS, INFO_TYPES, SENSITIVE_INFO_TYPES } from '@portico/shared';
import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Tx } from '../../db/client.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { type Actor, assertCan } from '../../platform/access/actor.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import * as clientsRepo from '../clients/clients.repo.js';
import { networks } from '../networks/networks.table.js';
import { assertPdf, blankConsentPdf } from './consents.pdf.js';
import { consentPolicy } from './consents.policy.js';
import * as repo from './consents.repo.js';
import { sameName } from './consents.rules.js';
import type { BlankFormQuery, PaperSign } from './consents.schema.js';
import { audit, type ConsentDeps, loadConsent, loadManaged, markSigned, viewOf } from './consents.service.js';

const labelled = (codes: string[], labels: Record<string, string>) => codes.map((c) => labels[c] ?? c);

async function networkName(tx: Tx, networkId: string) {
  const [n] = await tx.select({ name: networks.name }).from(networks).where(eq(networks.id, networkId));
  return n?.name ?? 'Portico';
}

/**
 * MT-10 paper: the authorizer signed the printed form on a date. The consent waits for its scan
 * (awaiting_upload: incomplete, grants nothing); its year runs from the date on the form.
 */
export function markOnPaper({ db, clock }: ConsentDeps, actor: Actor, id: string, input: Static<typeof PaperSign>) {
  const now = clock.now();
  const signedAt = new Date(`${input.signedOn}T12:00:00Z`);
  if (Number.isNaN(signedAt.getTime())) throw invalid('body.signedOn', 'not a date');
  if (input.signedOn > now.toISOString().slice(0, 10)) throw invalid('body.signedOn', 'cannot be in the future');
  return withTenant(db, actor, async (tx) => {
    const { consent } = await loadManaged(tx, actor, id, ['pending'], 'be signed on paper');
    if (input.signedOn < consent.createdAt.toISOString().slice(0, 10)) {
      throw invalid('body.signedOn', 'cannot be before the consent was started');
    }
    if (!sameName(input.signerName, consent.authorizerName)) {
      throw invalid('body.signerName', `the signer must be the authorizer: ${consent.authorizerName}`);
    }
    await markSigned(tx, id, {
      method: 'paper',
      signerName: input.signerName.trim(),
      signedAt,
      status: 'awaiting_upload',
    });
    await audit(tx, actor, 'consent.sign', id, { method: 'paper' });
    return viewOf(tx, actor, id, now);
  });
}

/** The scanned form: a PDF by content, kept with its SHA-256; a replacement keeps the consent signed. */
export async function uploadDocument(
  { db, clock }: ConsentDeps,
  actor: Actor,
  id: string,
  file: { bytes: Buffer; fileName: string },
) {
  const now = clock.now();
  await assertPdf(file.bytes);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return withTenant(db, actor, async (tx) => {
    const { consent, document } = await loadManaged(tx, actor, id, ['awaiting_upload', 'signed'], 'take an upload');
    if (consent.method !== 'paper') throw conflict('Only a consent signed on paper takes an uploaded form.');
    await repo.saveDocument(tx, {
      consentId: id,
      networkId: consent.networkId,
      organizationId: consent.organizationId,
      fileName: file.fileName,
      sizeBytes: file.bytes.length,
      sha256,
      content: file.bytes,
      uploadedBy: actor.userId,
    });
    if (consent.status === 'awaiting_upload') await repo.updateConsent(tx, id, { status: 'signed' });
    await audit(tx, actor, document ? 'consent.document.replace' : 'consent.document.upload', id, {
      sha256,
      sizeBytes: file.bytes.length,
    });
    return viewOf(tx, actor, id, now);
  });
}

/** Every program on the consent may read the signed form; each viewing is audited. */
export function readDocument({ db }: ConsentDeps, actor: Actor, id: string) {
  assertCan(actor, 'consents:read');
  return withTenant(db, actor, async (tx) => {
    await loadConsent(tx, actor, id);
    const doc = await repo.readDocument(tx, id);
    if (!doc) throw notFound('Signed form');
    await audit(tx, actor, 'consent.document.view', id, { sha256: doc.sha256 });
    return doc;
  });
}

/** Deleting the scan (e.g. the wrong file) returns a paper consent to "upload missing": it grants nothing until replaced. */
export function deleteDocument({ db, clock }: ConsentDeps, actor: Actor, id: string) {
  const now = clock.now();
  return withTenant(db, actor, async (tx) => {
    const { consent, document } = await loadManaged(tx, actor, id, ['awaiting_upload', 'signed'], 'lose its upload');
    if (!document) throw notFound('Signed form');
    await repo.deleteDocument(tx, id);
    if (consent.status === 'signed') await repo.updateConsent(tx, id, { status: 'awaiting_upload' });
    await audit(tx, actor, 'consent.document.delete', id, { sha256: document.sha256 });
    return viewOf(tx, actor, id, now);
  });
}

/** The form to print for one consent: the client, the programs and the information types filled in. */
export function consentForm({ db, clock }: ConsentDeps, actor: Actor, id: string) {
  assertCan(actor, 'consents:read');
  const now = clock.now();
  return withTenant(db, actor, async (tx) => {
    const { consent, programs } = await loadConsent(tx, actor, id);
    // The printed form names the client: it is for the program collecting the signature.
    if (!consentPolicy.manage(actor, consent)) {
      throw forbidden('Only the program that started this consent prints it for signature.');
    }
    const client = await clientsRepo.findVisible(tx, actor, now, consent.clientId);
    return blankConsentPdf({
      networkName: await networkName(tx, actor.networkId),
      client: client && { firstName: client.firstName, lastName: client.lastName, birthDate: client.birthDate },
      programs,
      infoTypes: labelled(consent.infoTypes, INFO_TYPES),
      sensitiveTypes: labelled(consent.sensitiveTypes, SENSITIVE_INFO_TYPES),
      authorizer: {
        kind: consent.authorizerKind,
        name: consent.authorizerName,
        relationship: consent.authorizerRelationship,
      },
      validDays: CONSENT_VALID_DAYS,
      generatedAt: now,
    });
  });
}

/** MT-10 / MT-15 report 1: a blank form for chosen programs, or for every program serving a region. */
export function blankForm({ db, clock }: ConsentDeps, actor: Actor, query: Static<typeof BlankFormQuery>) {
  assertCan(actor, 'consents:read');
  const ids = query.programId ?? [];
  if (!ids.length && !query.region) throw invalid('query.programId', 'choose programs, or a region');
  return withTenant(db, actor, async (tx) => {
    const programs = query.region
      ? await repo.programsOfRegion(tx, actor.networkId, query.region.trim())
      : await repo.programsByIds(tx, actor.networkId, ids);
    if (!programs.length) {
      throw invalid(query.region ? 'query.region' : 'query.programId', 'no program of this network matches');
    }
    return blankConsentPdf({
      networkName: await networkName(tx, actor.networkId),
      title: query.region ? `Release of information — programs serving ${query.region}` : undefined,
      client: null,
      programs,
      infoTypes: Object.values(INFO_TYPES),
      sensitiveTypes: Object.values(SENSITIVE_INFO_TYPES),
      authorizer: null,
      validDays: CONSENT_VALID_DAYS,
      generatedAt: clock.now(),
    });
  });
}
