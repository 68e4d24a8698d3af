import { type RoleCode, roleLabel } from '@portico/shared';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Db, Tx } from '../../db/client.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { type Actor, assertCan } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock/clock.js';
import { scopeOf, withTenant } from '../../platform/tenancy/tenancy.js';
import { sendInvitation } from '../identity/password.service.js';
import { networks } from '../networks/networks.table.js';
import { notify } from '../notifications/notifications.service.js';
import * as programs from '../organizations/organizations.repo.js';
import { contactPolicy as policy } from './memberships.policy.js';
import * as repo from './memberships.repo.js';
import type { ContactCreate, MembershipInput, MembershipPatch } from './memberships.schema.js';

/**
 * ND-2: an end date today or earlier ends access now (the transaction's own now(), so the answer
 * already reads as ended); a later one at the start of that day. Dates are UTC days, as the database's.
 */
export function endsAtFor(endsOn: string | null, now = new Date()): Date | SQL | null {
  if (endsOn === null) return null;
  const start = new Date(`${endsOn}T00:00:00Z`);
  return start <= now ? sql`now()` : start;
}

async function assertRolesOffered(tx: Tx, actor: Actor, roles: RoleCode[], field: string) {
  if (!policy.grantRoles(actor, roles))
    throw forbidden('Only a network administrator can grant the network administrator role.');
  const [net] = await tx.select({ policy: networks.policy }).from(networks).where(eq(networks.id, actor.networkId));
  const offered = new Set(net?.policy.roles ?? []);
  const bad = roles.filter((r) => !offered.has(r));
  if (bad.length) throw invalid(field, `${bad.map(roleLabel).join(', ')} is not a role this network offers`);
}

/** Gives an existing or new user a membership in a program the actor may manage; returns the membership id. */
/** What inviting a new user needs: the clock of the link's lifetime and the portal's address. */
export interface InviteDeps {
  clock: Clock;
  publicUrl: string;
}

export async function addMembership(
  tx: Tx,
  actor: Actor,
  invite: InviteDeps,
  person: { email: string; name: string; phone?: string | null | undefined },
  m: Static<typeof MembershipInput>,
) {
  const program = await programs.findProgram(tx, scopeOf(actor), m.programId);
  if (!program) throw notFound('Program');
  await assertRolesOffered(tx, actor, m.roles, 'body.roles');
  const existing = await repo.findUserByEmail(tx, person.email);
  const userId =
    existing?.id ??
    (await repo.insertUser(tx, { email: person.email, name: person.name, phone: person.phone ?? null })).id;
  if (await repo.activeMembershipIn(tx, program.id, userId)) {
    throw conflict(`${person.email} already has an active membership in ${program.name}; change its roles instead.`);
  }
  const { id } = await repo.insertMembership(tx, {
    networkId: program.networkId,
    organizationId: program.organizationId,
    programId: program.id,
    userId,
    roles: m.roles,
    regions: m.regions ?? [],
    title: m.title ?? null,
    // Without a date the column default (current_date) applies.
    ...(m.beginsOn ? { beginsOn: m.beginsOn } : {}),
  });
  const ctx = auditContextOf(actor);
  if (!existing) {
    await recordAudit(tx, ctx, { action: 'user.create', entityType: 'user', entityId: userId });
    // MT-1 / NCC-1: the new user gets a single-use link to set a password; nobody else sees one.
    const [net] = await tx.select({ name: networks.name }).from(networks).where(eq(networks.id, program.networkId));
    await sendInvitation(
      tx,
      invite,
      { id: userId, email: person.email, name: person.name },
      { id: program.networkId, name: net?.name ?? 'Portico' },
    );
    await recordAudit(tx, ctx, { action: 'user.invite', entityType: 'user', entityId: userId });
  }
  await recordAudit(tx, ctx, {
    action: 'membership.create',
    entityType: 'membership',
    entityId: id,
    details: { programId: program.id, userId, roles: m.roles },
  });
  await notify(tx, {
    networkId: program.networkId,
    userId,
    kind: 'membership.added',
    title: `You were added to ${program.name}`,
    body: `Roles: ${m.roles.map(roleLabel).join(', ')}.`,
    link: '/agency',
  });
  return { membershipId: id, userId };
}

export function listContacts(
  db: Db,
  actor: Actor,
  programId: string,
  query: { includeEnded?: boolean | undefined; cursor?: string | undefined; limit?: number | undefined },
) {
  assertCan(actor, 'contacts:read');
  const limit = query.limit ?? 50;
  return withTenant(db, actor, async (tx) => {
    if (!(await programs.findProgram(tx, scopeOf(actor), programId))) throw notFound('Program');
    const rows = await repo.listContacts(
      tx,
      scopeOf(actor),
      programId,
      query.includeEnded ?? false,
      decodeCursor(query.cursor),
      limit,
    );
    return toPage(rows, limit, (c) => [c.name, c.membershipId]);
  });
}

export function addContact(
  db: Db,
  actor: Actor,
  invite: InviteDeps,
  programId: string,
  input: Static<typeof ContactCreate>,
) {
  assertCan(actor, 'contacts:write');
  return withTenant(db, actor, async (tx) => {
    const { email, name, phone, ...m } = input;
    const { membershipId } = await addMembership(tx, actor, invite, { email, name, phone }, { ...m, programId });
    return (await repo.findContact(tx, scopeOf(actor), membershipId))!;
  });
}

export function updateContact(db: Db, actor: Actor, membershipId: string, patch: Static<typeof MembershipPatch>) {
  return withTenant(db, actor, async (tx) => {
    const contact = await repo.findContact(tx, scopeOf(actor), membershipId);
    if (!contact) throw notFound('Contact');
    assertCan(actor, 'contacts:write');
    const { name, phone, endsOn, ...m } = patch;
    if (endsOn !== undefined && endsOn !== null && !policy.end(actor, membershipId)) {
      throw conflict('You cannot end your own membership; ask another administrator.');
    }
    if (m.roles) await assertRolesOffered(tx, actor, m.roles, 'body.roles');
    await repo.updateMembership(tx, scopeOf(actor), membershipId, {
      ...m,
      ...(endsOn !== undefined ? { endsAt: endsAtFor(endsOn) } : {}),
    });
    if (name !== undefined || phone !== undefined) {
      await repo.updateUserContact(tx, contact.userId, {
        ...(name !== undefined ? { name } : {}),
        ...(phone !== undefined ? { phone } : {}),
      });
    }
    const ended = endsOn !== undefined && endsOn !== null;
    await recordAudit(tx, auditContextOf(actor), {
      action: ended ? 'membership.end' : 'membership.update',
      entityType: 'membership',
      entityId: membershipId,
      details: {
        fields: Object.keys(patch).sort(),
        ...(m.roles ? { roles: m.roles } : {}),
        ...(ended ? { endsOn } : {}),
      },
    });
    if (m.roles) {
      await notify(tx, {
        networkId: actor.networkId,
        userId: contact.userId,
        kind: 'membership.roles_changed',
        title: 'Your roles changed',
        body: `Roles now: ${m.roles.map(roleLabel).join(', ')}.`,
        link: '/agency',
      });
    }
    return (await repo.findContact(tx, scopeOf(actor), membershipId))!;
  });
}
