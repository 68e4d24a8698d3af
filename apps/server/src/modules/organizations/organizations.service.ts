import type { Static } from 'typebox';
import type { Db, Tx } from '../../db/client.js';
import { forbidden, invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { type Actor, assertCan } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import { scopeOf, withTenant } from '../../platform/tenancy/tenancy.js';
import { editsNeedRequest, openChangeRequest, pick } from '../change-requests/change-requests.open.js';
import { assertServiceTerms } from '../directory/directory.service.js';
import { organizationPolicy as policy } from './organizations.policy.js';
import * as repo from './organizations.repo.js';
import type { OrganizationCreate, OrganizationPatch, ProgramCreate, ProgramPatch } from './organizations.schema.js';

type Page = { cursor?: string | undefined; limit?: number | undefined };

/** Names of the fields a command changed: the audit records which, never the values. */
const changed = (input: object) => ({ fields: Object.keys(input).sort() });

export function listOrganizations(db: Db, actor: Actor, query: Page & { q?: string | undefined }) {
  assertCan(actor, 'organization:read');
  const limit = query.limit ?? 50;
  return withTenant(db, actor, async (tx) =>
    toPage(await repo.listOrganizations(tx, scopeOf(actor), query.q, decodeCursor(query.cursor), limit), limit, (o) => [
      o.name,
      o.id,
    ]),
  );
}

export function getOrganization(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'organization:read');
  return withTenant(db, actor, async (tx) => {
    const org = await repo.findOrganization(tx, scopeOf(actor), id);
    if (!org || !policy.read(actor, org.id)) throw notFound('Organization');
    return org;
  });
}

export function createOrganization(db: Db, actor: Actor, input: Static<typeof OrganizationCreate>) {
  if (!policy.create(actor)) throw forbidden('Only a network administrator can add organizations.');
  return withTenant(db, actor, async (tx) => {
    const org = await repo.insertOrganization(tx, { ...input, networkId: actor.networkId });
    await recordAudit(tx, auditContextOf(actor), {
      action: 'organization.create',
      entityType: 'organization',
      entityId: org.id,
      details: changed(input),
    });
    return org;
  });
}

/** Applies an organization edit inside the caller's transaction, audited (ND-2, or an accepted NCC-5 request). */
export async function applyOrganizationPatch(
  tx: Tx,
  actor: Actor,
  id: string,
  patch: Static<typeof OrganizationPatch>,
) {
  const org = await repo.updateOrganization(tx, scopeOf(actor), id, patch);
  if (!org) throw notFound('Organization');
  await recordAudit(tx, auditContextOf(actor), {
    action: 'organization.update',
    entityType: 'organization',
    entityId: id,
    details: changed(patch),
  });
  return org;
}

/** ND-2 edits at once; NCC-5: a non-administrator's edit becomes an organization_details change request. */
export function updateOrganization(db: Db, actor: Actor, id: string, patch: Static<typeof OrganizationPatch>) {
  return withTenant(db, actor, async (tx) => {
    const existing = await repo.findOrganization(tx, scopeOf(actor), id);
    if (!existing) throw notFound('Organization');
    if (!policy.update(actor, existing.id)) throw forbidden('Your role does not allow editing this organization.');
    if (await editsNeedRequest(tx, actor)) {
      const changeRequest = await openChangeRequest(tx, actor, {
        kind: 'organization_details',
        organizationId: existing.id,
        programId: null,
        targetId: id,
        proposed: patch,
        current: pick(existing, Object.keys(patch)),
      });
      return { changeRequest };
    }
    return applyOrganizationPatch(tx, actor, id, patch);
  });
}

export function listPrograms(
  db: Db,
  actor: Actor,
  query: Page & { organizationId?: string | undefined; q?: string | undefined },
) {
  assertCan(actor, 'organization:read');
  const limit = query.limit ?? 50;
  return withTenant(db, actor, async (tx) =>
    toPage(await repo.listPrograms(tx, scopeOf(actor), query, decodeCursor(query.cursor), limit), limit, (p) => [
      p.name,
      p.id,
    ]),
  );
}

export function getProgram(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'organization:read');
  return withTenant(db, actor, async (tx) => {
    const program = await repo.findProgram(tx, scopeOf(actor), id);
    if (!program) throw notFound('Program');
    return program;
  });
}

export function createProgram(db: Db, actor: Actor, input: Static<typeof ProgramCreate>) {
  if (!policy.create(actor)) throw forbidden('Only a network administrator can add programs.');
  return withTenant(db, actor, async (tx) => {
    const org = await repo.findOrganization(tx, scopeOf(actor), input.organizationId);
    if (!org) throw invalid('body.organizationId', 'is not an organization of this network');
    await assertServiceTerms(tx, actor.networkId, input.serviceTermIds);
    const { id } = await repo.insertProgram(tx, { ...input, networkId: actor.networkId });
    await recordAudit(tx, auditContextOf(actor), {
      action: 'program.create',
      entityType: 'program',
      entityId: id,
      details: changed(input),
    });
    return (await repo.findProgram(tx, scopeOf(actor), id))!;
  });
}

/** Applies a program edit inside the caller's transaction, audited (ND-2, or an accepted NCC-5 request). */
export async function applyProgramPatch(tx: Tx, actor: Actor, id: string, patch: Static<typeof ProgramPatch>) {
  await assertServiceTerms(tx, actor.networkId, patch.serviceTermIds);
  if (!(await repo.updateProgram(tx, scopeOf(actor), id, patch))) throw notFound('Program');
  await recordAudit(tx, auditContextOf(actor), {
    action: 'program.update',
    entityType: 'program',
    entityId: id,
    details: changed(patch),
  });
  return (await repo.findProgram(tx, scopeOf(actor), id))!;
}

/** ND-2 edits at once; NCC-5: a non-administrator's edit becomes a service_details change request. */
export function updateProgram(db: Db, actor: Actor, id: string, patch: Static<typeof ProgramPatch>) {
  return withTenant(db, actor, async (tx) => {
    const existing = await repo.findProgram(tx, scopeOf(actor), id);
    if (!existing) throw notFound('Program');
    if (!policy.update(actor, existing.organizationId))
      throw forbidden('Your role does not allow editing this program.');
    if (await editsNeedRequest(tx, actor)) {
      // Checked now so the requester hears of an unknown service term, not the reviewer.
      await assertServiceTerms(tx, actor.networkId, patch.serviceTermIds);
      const changeRequest = await openChangeRequest(tx, actor, {
        kind: 'service_details',
        organizationId: existing.organizationId,
        programId: id,
        targetId: id,
        proposed: patch,
        current: pick(existing, Object.keys(patch)),
      });
      return { changeRequest };
    }
    return applyProgramPatch(tx, actor, id, patch);
  });
}
