import type { Static } from 'typebox';
import type { Db, Tx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { TenantContext } from '../../db/tx.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { type Actor, assertCan } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock/clock.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import * as clientsRepo from '../clients/clients.repo.js';
import { agreementRuleOf, assertProgramReceivesReferrals } from '../directory/directory.service.js';
import { assertIntakeAnswers, fieldsOfVersion, formForNewReferral } from '../intake-forms/intake-forms.service.js';
import { notifyPeople } from './referrals.notify.js';
import { gatekeepersOf } from './referrals.people.js';
import { referralPolicy as policy } from './referrals.policy.js';
import * as repo from './referrals.repo.js';
import { holidaysOf, type StaleFields, staleAsOf } from './referrals.rules.js';
import type { ReferralCreate, ReferralPatch, SendBody } from './referrals.schema.js';
import { referrals } from './referrals.table.js';

export interface ReferralDeps {
  db: Db;
  clock: Clock;
  /** PUBLIC_URL, for the links in emails. */
  publicUrl?: string;
}

/** A referral row with its names, whole (the detail) or as a list row reads it. */
type WithNames<T> = Omit<repo.ReferralRecord, 'referral'> & { referral: T };

/** The view of a referral; its MT-16 stale flag counts the network's business days (holidays skipped). */
function toReferralView<T extends StaleFields>(r: WithNames<T>, stale: (r: StaleFields) => boolean) {
  // Object.assign, not `{ ...r.referral, client, … }`: V8 (Node 20) takes a slow path, some 2 µs a row, when
  // properties follow a spread in a literal.
  return Object.assign({}, r.referral, {
    client: r.client,
    fromProgram: r.fromProgram,
    toProgram: r.toProgram,
    createdBy: r.createdBy,
    assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? '' } : null,
    stale: stale(r.referral),
  });
}

/** Views of referrals read in this tenant transaction: stale in its network's business days. */
export function viewsIn(tenant: TenantContext, now: Date) {
  const stale = staleAsOf(now, holidaysOf(tenant.networkPolicy));
  return <T extends StaleFields>(r: WithNames<T>) => toReferralView(r, stale);
}

/** The referral as it is now, after a command in the tenant transaction. */
export async function viewOf(tx: Tx, tenant: TenantContext, actor: Actor, id: string, now: Date) {
  return viewsIn(tenant, now)((await repo.findReferral(tx, actor.networkId, id))!);
}

/** A referral the actor may read (404 otherwise, whether or not it exists). */
export async function loadReadable(tx: Tx, actor: Actor, id: string) {
  const found = await repo.findReferral(tx, actor.networkId, id);
  if (!found || !policy.read(actor, found.referral)) throw notFound('Referral');
  return found;
}

/** Locks the referral for a step; 409 when its state does not allow the step. */
export async function lockFor(tx: Tx, actor: Actor, id: string, states: readonly string[], step: string) {
  const row = await repo.lockReferral(tx, actor.networkId, id);
  if (!row || !policy.read(actor, row)) throw notFound('Referral');
  if (!states.includes(row.state)) throw conflict(`This referral is ${row.state}: it cannot ${step}.`);
  return row;
}

export async function step(
  tx: Tx,
  actor: Actor,
  row: repo.ReferralRow,
  kind: string,
  now: Date,
  data: object = {},
  onTimeline = true,
) {
  if (onTimeline)
    await repo.addEvent(tx, {
      networkId: row.networkId,
      referralId: row.id,
      kind,
      actorId: actor.userId,
      programId: actor.programId,
      data,
      at: now,
    });
  // Audited always, on the shared timeline unless the step is one program's own (an internal note).
  await recordAudit(tx, auditContextOf(actor), {
    action: `referral.${kind}`,
    entityType: 'referral',
    entityId: row.id,
    details: data as Record<string, unknown>,
  });
}

/**
 * MT-11: a draft ("pending") to a program named, with the acting one, on the client's valid consent.
 * A second open referral of the client to that program answers 409 with the existing one's id; the
 * partial unique index makes that hold for two requests at once too.
 */
export async function createDraft({ db, clock }: ReferralDeps, actor: Actor, input: Static<typeof ReferralCreate>) {
  assertCan(actor, 'referrals:write');
  const now = clock.now();
  try {
    return await withTenant(db, actor, async (tx, tenant) => {
      const client = await clientsRepo.findVisible(tx, actor, now, input.clientId);
      if (!client || client.mergedIntoId) throw notFound('Client');
      const consent = await repo.validConsentFor(tx, client.id, actor.programId, input.toProgramId, now);
      if (!consent) throw conflict('No valid consent of this client names that program: a referral needs one (MT-9).');
      const toOrganizationId = await organizationOf(tx, actor.networkId, input.toProgramId);
      // MT-11: the draft keeps the receiver's form version it was started with; answers so far must fit it.
      const form = await formForNewReferral(tx, input.toProgramId);
      const intake = input.intake ?? {};
      assertIntakeAnswers(form?.fields ?? [], intake, false);
      const [row] = await tx
        .insert(referrals)
        .values({
          networkId: actor.networkId,
          organizationId: actor.organizationId,
          clientId: client.id,
          consentId: consent.id,
          fromProgramId: actor.programId,
          toProgramId: input.toProgramId,
          toOrganizationId,
          createdBy: actor.userId,
          reason: input.reason?.trim() || null,
          intake,
          intakeFormId: form?.id ?? null,
          lastActivityAt: now,
        })
        .returning();
      await step(tx, actor, row!, 'created', now);
      return viewOf(tx, tenant, actor, row!.id, now);
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const existing = await withTenant(db, actor, (tx) => repo.openReferralOf(tx, input.clientId, input.toProgramId));
    throw new AppError('conflict', 'This client already has a pending or active referral to that program.', [], {
      existingReferralId: existing?.id ?? null,
    });
  }
}

async function organizationOf(tx: Tx, networkId: string, programId: string) {
  const org = await repo.programOrganization(tx, networkId, programId);
  if (!org) throw invalid('body.toProgramId', 'no such program in this network');
  return org;
}

/** MT-11: the draft's reason and intake answers, while it is a draft. */
export function updateDraft(
  { db, clock }: ReferralDeps,
  actor: Actor,
  id: string,
  input: Static<typeof ReferralPatch>,
) {
  const now = clock.now();
  return withTenant(db, actor, async (tx, tenant) => {
    const row = await lockFor(tx, actor, id, ['draft'], 'be edited');
    if (!policy.edit(actor, row)) throw forbidden('Only the sending program edits its draft.');
    if (input.intake !== undefined)
      assertIntakeAnswers(await fieldsOfVersion(tx, row.intakeFormId), input.intake, false);
    await tx
      .update(referrals)
      .set({
        ...(input.reason !== undefined ? { reason: input.reason?.trim() || null } : {}),
        ...(input.intake !== undefined ? { intake: input.intake } : {}),
        lastActivityAt: now,
        updatedAt: now,
      })
      .where(repo.byId(id));
    return viewOf(tx, tenant, actor, id, now);
  });
}

/**
 * MT-11 send: the sender confirms insurance is not a barrier; the consent must still be valid and name the
 * program, and the program must receive referrals now (MT-4). Its gatekeepers hear by email and in the app.
 */
export function send({ db, clock, publicUrl }: ReferralDeps, actor: Actor, id: string, input: Static<typeof SendBody>) {
  const now = clock.now();
  if (!input.insuranceConfirmed) {
    throw invalid('body.insuranceConfirmed', 'confirm that insurance is not a barrier for this referral');
  }
  return withTenant(db, actor, async (tx, tenant) => {
    const row = await lockFor(tx, actor, id, ['draft'], 'be sent');
    if (!policy.edit(actor, row)) throw forbidden('Only the sending program sends its draft.');
    // MT-11: every required intake field of the draft's own form version, answered as that version says.
    assertIntakeAnswers(await fieldsOfVersion(tx, row.intakeFormId), row.intake, true, 'intake');
    if (!(await repo.consentStillNames(tx, row.consentId, row.toProgramId, now))) {
      throw conflict('The consent no longer allows this referral (revoked, expired, or the program was removed).');
    }
    await assertProgramReceivesReferrals(
      tx,
      await agreementRuleOf(tx, actor.networkId),
      { id: row.toProgramId, networkId: actor.networkId },
      now,
    );
    await tx
      .update(referrals)
      .set({ state: 'sent', sentAt: now, insuranceConfirmed: true, lastActivityAt: now, updatedAt: now })
      .where(repo.byId(id));
    await step(tx, actor, row, 'sent', now);
    const view = await viewOf(tx, tenant, actor, id, now);
    await notifyPeople(tx, await gatekeepersOf(tx, actor.networkId, row.toProgramId), {
      networkId: actor.networkId,
      kind: 'referral.received',
      baseUrl: publicUrl,
      title: `New referral for ${view.toProgram.name}`,
      body: `${view.fromProgram.name} (${view.fromProgram.organizationName}) sent a referral. Accept and assign it, or refuse it with a reason.`,
      link: `/referrals/${id}`,
    });
    return view;
  });
}
