import { and, asc, eq, exists, or, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Db, Tx } from '../../db/client.js';
import { after, contains } from '../../db/keyset.js';
import { forbidden, invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { type Actor, isNetworkAdmin } from '../../platform/access/actor.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import { addMembership } from '../memberships/memberships.service.js';
import { memberships } from '../memberships/memberships.table.js';
import { organizations, programs } from '../organizations/organizations.table.js';
import { users } from './identity.table.js';
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
export async function createUser(db: Db, actor: Actor, input: Static<typeof UserCreate>) {
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
      id = (await addMembership(tx, actor, input, m)).userId;
    }
    return id;
  });
  return getUser(db, actor, userId);
}
