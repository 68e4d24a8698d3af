import { type ContactDetails, type RoleCode, roleLabel } from '@portico/shared';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Db, Tx } from '../../db/client.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { type Actor, assertCan } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock/clock.js';
import { scopeOf, withTenant } from '../../platform/tenancy/tenancy.js';
import { editsNeedRequest, openChangeRequest, pick } from '../change-requests/change-requests.open.js';
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
  m: Static<typeof MembershipInput> & { contact?: ContactDetails | null | undefined },
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
    contact: m.contact ?? null,
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

type ContactInput = Static<typeof ContactCreate>;
type ContactPatch = Static<typeof MembershipPatch>;

/** The portal email is the sign-in address; the contact form repeats it unless told otherwise. */
const withPortalEmail = (input: ContactInput): ContactDetails | null =>
  input.contact ? { ...input.contact, portalEmail: input.contact.portalEmail ?? input.email } : null;

/** Adds a contact inside the caller's transaction (ND-2 at once, or an accepted NCC-5 change request). */
export async function applyNewContact(
  tx: Tx,
  actor: Actor,
  invite: InviteDeps,
  programId: string,
  input: ContactInput,
) {
  const { email, name, phone, ...m } = input;
  const { membershipId } = await addMembership(
    tx,
    actor,
    invite,
    { email, name, phone },
    { ...m, contact: withPortalEmail(input), programId },
  );
  return (await repo.findContact(tx, scopeOf(actor), membershipId))!;
}

/**
 * ND-2: a program administrator adds a contact at once; NCC-5: in a network whose edits go through
 * change requests, a non-administrator's addition becomes a pending contact_create request instead.
 */
export function addContact(db: Db, actor: Actor, invite: InviteDeps, programId: string, input: ContactInput) {
  assertCan(actor, 'contacts:write');
  return withTenant(db, actor, async (tx) => {
    if (await editsNeedRequest(tx, actor)) {
      const program = await programs.findProgram(tx, scopeOf(actor), programId);
      if (!program) throw notFound('Program');
      // Checked now so the requester hears of a bad role, not the reviewer.
      await assertRolesOffered(tx, actor, input.roles, 'body.roles');
      const changeRequest = await openChangeRequest(tx, actor, {
        kind: 'contact_create',
        organizationId: program.organizationId,
        programId,
        targetId: null,
        proposed: { ...input, contact: withPortalEmail(input) },
        current: {},
      });
      return { changeRequest };
    }
    return applyNewContact(tx, actor, invite, programId, input);
  });
}

type FoundContact = NonNullable<Awaited<ReturnType<typeof repo.findContact>>>;

/** Applies a contact edit or end date inside the caller's transaction; returns the contact as it now is. */
export async function applyContactPatch(tx: Tx, actor: Actor, contact: FoundContact, patch: ContactPatch) {
  const membershipId = contact.membershipId;
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
}

/** The contact's current values of the fields a patch names (what the reviewer compares against). */
export function contactValues(contact: FoundContact, fields: string[]): Record<string, unknown> {
  const view: Record<string, unknown> = {
    ...contact,
    endsOn: contact.endsAt ? new Date(contact.endsAt).toISOString().slice(0, 10) : null,
  };
  return pick(view, fields);
}

/**
 * ND-2: edits and end dates apply at once; NCC-5: a non-administrator's edit becomes a contact_update
 * request, and an end date a contact_removal request.
 */
export function updateContact(db: Db, actor: Actor, membershipId: string, patch: ContactPatch) {
  return withTenant(db, actor, async (tx) => {
    const contact = await repo.findContact(tx, scopeOf(actor), membershipId);
    if (!contact) throw notFound('Contact');
    assertCan(actor, 'contacts:write');
    if (await editsNeedRequest(tx, actor)) {
      if (patch.endsOn !== undefined && patch.endsOn !== null && !policy.end(actor, membershipId)) {
        throw conflict('You cannot end your own membership; ask another administrator.');
      }
      if (patch.roles) await assertRolesOffered(tx, actor, patch.roles, 'body.roles');
      const removal = patch.endsOn !== undefined && patch.endsOn !== null;
      const proposed = removal ? { endsOn: patch.endsOn } : patch;
      const changeRequest = await openChangeRequest(tx, actor, {
        kind: removal ? 'contact_removal' : 'contact_update',
        organizationId: contact.organizationId,
        programId: contact.programId,
        targetId: membershipId,
        proposed,
        current: contactValues(contact, Object.keys(proposed)),
      });
      return { changeRequest };
    }
    return applyContactPatch(tx, actor, contact, patch);
  });
}
