import type { Static } from 'typebox';
import type { Db } from '../../db/client.js';
import { onUniqueViolation } from '../../db/errors.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import type { Actor } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock/clock.js';
import { scopeOf, withTenant } from '../../platform/tenancy/tenancy.js';
import { agreementRuleOf } from '../directory/directory.service.js';
import { agencyAgreementPolicy as policy, SIGNING_ROLES } from './agency-agreements.policy.js';
import * as repo from './agency-agreements.repo.js';
import { daysLeft, sameName, validUntilOf } from './agency-agreements.rules.js';
import type { ProgramListQuery, SignBody, VersionCreate } from './agency-agreements.schema.js';

/** The current (latest published) agreement text, and whether the network requires it. */
export function getCurrent(db: Db, actor: Actor) {
  return withTenant(db, actor, async (tx) => ({
    required: (await agreementRuleOf(tx, actor.networkId)).requiresAgencyAgreement,
    current: (await repo.currentVersion(tx, actor.networkId)) ?? null,
  }));
}

export function listVersions(db: Db, actor: Actor) {
  return withTenant(db, actor, async (tx) => ({ items: await repo.listVersions(tx, actor.networkId) }));
}

/**
 * A network administrator publishes a new version; it becomes current at once.
 * A new version does NOT void existing signatures: each stays valid for its 12 months, and the
 * program's next signing is of the new text (the version a signature was of is kept beside it).
 */
export function publishVersion(db: Db, actor: Actor, input: Static<typeof VersionCreate>) {
  if (!policy.publish(actor)) throw forbidden('Only a network administrator publishes the agency agreement.');
  const version = input.version.trim();
  if (!version) throw invalid('body.version', 'must not be blank');
  const duplicate = () => conflict(`Version ${version} is already published; give the new text another version label.`);
  // Two administrators publishing one label at once: the unique index decides, with the same answer.
  return onUniqueViolation(
    () =>
      withTenant(db, actor, async (tx) => {
        if (await repo.versionByLabel(tx, actor.networkId, version)) throw duplicate();
        const { id } = await repo.insertVersion(tx, {
          networkId: actor.networkId,
          version,
          text: input.text.trim(),
          publishedBy: actor.userId,
        });
        await recordAudit(tx, auditContextOf(actor), {
          action: 'agency_agreement.publish',
          entityType: 'agency_agreement_version',
          entityId: id,
          details: { version },
        });
        return (await repo.listVersions(tx, actor.networkId, 1))[0]!;
      }),
    duplicate,
  );
}

type ListQuery = Static<typeof ProgramListQuery>;

const withDaysLeft =
  (now: Date) =>
  <T extends { status: string; validUntil: Date | null }>(row: T) => ({
    ...row,
    daysLeft: row.validUntil && row.status !== 'lapsed' ? daysLeft(row.validUntil, now) : null,
  });

/** The programs the actor signs for (a network administrator: all the network's), with their status. */
export function listPrograms(db: Db, clock: Clock, actor: Actor, query: ListQuery) {
  const limit = query.limit ?? 50;
  const now = clock.now();
  return withTenant(db, actor, async (tx) => {
    const rows = await repo.listProgramAgreements(
      tx,
      scopeOf(actor),
      now,
      { signerUserId: policy.seeAll(actor) ? null : actor.userId, signingRoles: SIGNING_ROLES, status: query.status },
      decodeCursor(query.cursor),
      limit,
    );
    const page = toPage(rows, limit, (r) => [r.programName, r.programId]);
    return { ...page, items: page.items.map(withDaysLeft(now)) };
  });
}

/** One program's signatures, newest first: its gatekeepers, its organization's members, or the network administrator. */
export function listProgramSignatures(db: Db, actor: Actor, programId: string) {
  return withTenant(db, actor, async (tx) => {
    const program = await repo.findProgram(tx, scopeOf(actor), programId);
    if (!program) throw notFound('Program');
    return { items: await repo.listSignatures(tx, scopeOf(actor), programId) };
  });
}

/**
 * MT-4: a gatekeeper signs the current text for one of their programs (typed name + confirmation).
 * Valid 12 months; the program's directory validity moves in the same transaction, with the audit entry.
 */
export function sign(db: Db, clock: Clock, actor: Actor, input: Static<typeof SignBody>) {
  return withTenant(db, actor, async (tx) => {
    const scope = scopeOf(actor);
    // Another organization's program answers like one that does not exist.
    const program = await repo.findProgram(tx, scope, input.programId);
    if (!program) throw notFound('Program');
    if (!policy.sign(actor, await repo.activeRolesIn(tx, program.id, actor.userId)))
      throw forbidden(`Only a gatekeeper of ${program.name} signs its agency agreement.`);
    if (!input.confirm) throw invalid('body.confirm', 'must be ticked to sign on behalf of the program');
    if (!sameName(input.signerName, actor.name))
      throw invalid('body.signerName', `must be your full name as on your account (${actor.name})`);
    const current = await repo.currentVersion(tx, actor.networkId);
    if (!current) throw conflict('The network has not published an agency agreement yet.');
    if (current.id !== input.versionId)
      throw conflict(`The agreement text changed (now version ${current.version}); read the new text and sign again.`);

    const signedAt = clock.now();
    const validUntil = validUntilOf(signedAt);
    const { id } = await repo.insertSignature(tx, {
      networkId: actor.networkId,
      organizationId: program.organizationId,
      programId: program.id,
      versionId: current.id,
      signedBy: actor.userId,
      signerName: input.signerName.trim().replace(/\s+/g, ' '),
      signedAt,
      validUntil,
    });
    await repo.setProgramValidity(tx, scope, program.id, validUntil);
    await recordAudit(tx, auditContextOf(actor), {
      action: 'agency_agreement.sign',
      entityType: 'program',
      entityId: program.id,
      details: { signatureId: id, version: current.version, validUntil: validUntil.toISOString() },
    });
    const [row] = await repo.listProgramAgreements(
      tx,
      scope,
      signedAt,
      { signerUserId: null, signingRoles: SIGNING_ROLES, programId: program.id },
      null,
      1,
    );
    return withDaysLeft(signedAt)(row!);
  });
}
