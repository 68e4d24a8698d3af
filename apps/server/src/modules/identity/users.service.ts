import { randomBytes } from 'node:crypto';
import { and, asc, eq, exists, or, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Db, Tx } from '../../db/client.js';
import { after, contains } from '../../db/keyset.js';
import { systemTx } from '../../db/tx.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { type Actor, isNetworkAdmin } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import { queueMail } from '../../platform/notify/mail.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import { addMembership, type InviteDeps } from '../memberships/memberships.service.js';
import { memberships } from '../memberships/memberships.table.js';
import { networks } from '../networks/networks.table.js';
import { organizations, programs } from '../organizations/organizations.table.js';
import { hashPassword } from './identity.password.js';
import { sessions, users } from './identity.table.js';
import { sendInvitation } from './password.service.js';
import { securityOfNetwork } from './security.policy.js';
import type { UserCreate } from './users.schema.js';

function assertNetworkAdmin(actor: Actor) {
  if (!isNetworkAdmin(actor)) throw forbidden('Only a network administrator manages users across the network.');
}

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  phone: users.phone,
  status: users.status,
  lastSignInAt: users.lastSignInAt,
  lockedAt: users.lockedAt,
  suspendedAt: users.suspendedAt,
  mustChangePassword: users.mustChangePassword,
  hasPassword: sql<boolean>`${users.passwordHash} IS NOT NULL`,
};

/** Users with any membership (current or past) in the network. */
const inNetwork = (tx: Tx, networkId: string) =>
  exists(
    tx
      .select({ one: sql`1` })
      .from(memberships)
      .where(and(eq(memberships.userId, users.id), eq(memberships.networkId, networkId))),
  );

async function membershipsOf(tx: Tx, networkId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  return tx
    .select({
      membershipId: memberships.id,
      userId: memberships.userId,
      programId: programs.id,
      programName: programs.name,
      organizationName: organizations.name,
      roles: memberships.roles,
      beginsOn: memberships.beginsOn,
      endsAt: memberships.endsAt,
    })
    .from(memberships)
    .innerJoin(programs, eq(programs.id, memberships.programId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.networkId, networkId), or(...userIds.map((id) => eq(memberships.userId, id)))))
    .orderBy(asc(organizations.name), asc(programs.name));
}

export function listUsers(
  db: Db,
  actor: Actor,
  query: { q?: string | undefined; cursor?: string | undefined; limit?: number | undefined },
) {
  assertNetworkAdmin(actor);
  const limit = query.limit ?? 50;
  return withTenant(db, actor, async (tx) => {
    const rows = await tx
      .select(userColumns)
      .from(users)
      .where(
        and(
          inNetwork(tx, actor.networkId),
          or(contains(users.name, query.q), contains(users.email, query.q)),
          after(decodeCursor(query.cursor), users.name, users.id),
        ),
      )
      .orderBy(asc(users.name), asc(users.id))
      .limit(limit + 1);
    const page = toPage(rows, limit, (u) => [u.name, u.id]);
    const ms = await membershipsOf(
      tx,
      actor.networkId,
      page.items.map((u) => u.id),
    );
    return { ...page, items: page.items.map((u) => ({ ...u, memberships: ms.filter((m) => m.userId === u.id) })) };
  });
}

export function getUser(db: Db, actor: Actor, id: string) {
  assertNetworkAdmin(actor);
  return withTenant(db, actor, async (tx) => {
    const [u] = await tx
      .select(userColumns)
      .from(users)
      .where(and(eq(users.id, id), inNetwork(tx, actor.networkId)));
    if (!u) throw notFound('User');
    return { ...u, memberships: await membershipsOf(tx, actor.networkId, [u.id]) };
  });
}

/** A network administrator adds a person with one or more memberships; the invitation email comes with the identity issue. */
export async function createUser(db: Db, actor: Actor, invite: InviteDeps, input: Static<typeof UserCreate>) {
  assertNetworkAdmin(actor);
  const userId = await withTenant(db, actor, async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${input.email})`);
    if (existing)
      throw invalid('body.email', "already belongs to a user; add a membership from the program's Agency page instead");
    let id = '';
    for (const m of input.memberships) {
      id = (await addMembership(tx, actor, invite, input, m)).userId;
    }
    return id;
  });
  return getUser(db, actor, userId);
}

type AdminAction = 'unlock' | 'reactivate' | 'invitation' | 'temporary-password';

/**
 * A network administrator's help with someone's sign-in (NCC-1, MT-1): unlock after failed attempts,
 * reactivate after suspension, a new invitation link, or a temporary password sent to the user by
 * email (where the network allows it). The administrator never sees or sets the password.
 */
export function adminAction(db: Db, actor: Actor, invite: InviteDeps, id: string, action: AdminAction) {
  assertNetworkAdmin(actor);
  // As the owner: a temporary password must also end the user's sessions, which tenant transactions never touch.
  return systemTx(db, async (tx) => {
    const [u] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, id), inNetwork(tx, actor.networkId)));
    if (!u) throw notFound('User');
    const now = invite.clock.now();
    const [net] = await tx.select().from(networks).where(eq(networks.id, actor.networkId));
    if (action === 'unlock') await tx.update(users).set({ lockedAt: null, failedAttempts: 0 }).where(eq(users.id, id));
    if (action === 'reactivate')
      await tx.update(users).set({ suspendedAt: null, lastActiveAt: now }).where(eq(users.id, id));
    if (action === 'invitation')
      await sendInvitation(tx, invite, u, { id: actor.networkId, name: net?.name ?? 'Portico' });
    if (action === 'temporary-password') {
      if (!net || !securityOfNetwork(net).allowTemporaryPassword) {
        throw conflict('This network does not allow temporary passwords; send an invitation link instead.');
      }
      const temporary = temporaryPassword();
      await tx
        .update(users)
        .set({
          passwordHash: await hashPassword(temporary),
          mustChangePassword: true,
          passwordChangedAt: now,
          failedAttempts: 0,
          lockedAt: null,
        })
        .where(eq(users.id, id));
      // Sessions opened with the old password end with it.
      await tx.delete(sessions).where(eq(sessions.userId, id));
      await queueMail(tx, {
        networkId: actor.networkId,
        to: u.email,
        subject: `Your temporary Portico password for ${net.name}`,
        text: [
          `Hello ${u.name},`,
          '',
          `Your temporary password is: ${temporary}`,
          '',
          `Sign in at ${invite.publicUrl}/sign-in with your email address; you will be asked to choose your own password straight away.`,
        ].join('\n'),
      });
    }
    await recordAudit(tx, auditContextOf(actor), {
      action: `user.${action.replace('-', '_')}`,
      entityType: 'user',
      entityId: id,
    });
  });
}

/** 16 characters that satisfy every preset: upper, lower, digits, a symbol. */
function temporaryPassword(): string {
  const pick = (set: string, n: number) => Array.from(randomBytes(n), (b) => set[b % set.length]).join('');
  return `${pick('ABCDEFGHJKLMNPQRSTUVWXYZ', 3)}${pick('abcdefghijkmnpqrstuvwxyz', 8)}-${pick('23456789', 4)}`;
}
