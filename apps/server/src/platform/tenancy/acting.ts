import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { membershipIsActive } from '../../modules/identity/identity.repo.js';
import { agreementSignatures, sessions, users } from '../../modules/identity/identity.table.js';
import { memberships } from '../../modules/memberships/memberships.table.js';
import { networks } from '../../modules/networks/networks.table.js';

/**
 * Everything a request acting as a program is checked against, in one round trip: the live session (unless
 * past its absolute lifetime) and its user, the user's membership in the session's acting program as it is
 * right now (ND-2), that network's preset and policy, and the user's latest signature of its agreement (MT-3).
 */
export async function findActingSession(db: Db, tokenHash: string, now: Date) {
  let statement = statements.get(db);
  if (!statement) {
    statement = actingSessionStatement(db);
    statements.set(db, statement);
  }
  const [row] = await statement.execute({ tokenHash, now: now.toISOString() });
  return row;
}

/**
 * Built once per database: every request runs it, and building its text was a twentieth of a request's CPU
 * (bench/referrals-load.ts). On PostgreSQL each connection also parses and plans it once.
 */
const statements = new WeakMap<Db, ReturnType<typeof actingSessionStatement>>();

function actingSessionStatement(db: Db) {
  const membership = db
    .select({
      id: memberships.id,
      roles: memberships.roles,
      networkId: memberships.networkId,
      organizationId: memberships.organizationId,
      programId: memberships.programId,
    })
    .from(memberships)
    .where(
      and(eq(memberships.userId, sessions.userId), eq(memberships.programId, sessions.programId), membershipIsActive),
    )
    .limit(1)
    .as('acting_membership');
  const signature = db
    .select({ version: agreementSignatures.version, signedAt: agreementSignatures.signedAt })
    .from(agreementSignatures)
    .where(
      and(eq(agreementSignatures.userId, sessions.userId), eq(agreementSignatures.networkId, membership.networkId)),
    )
    .orderBy(desc(agreementSignatures.signedAt))
    .limit(1)
    .as('last_signature');
  return db
    .select({
      session: sessions,
      user: { id: users.id, email: users.email, name: users.name, status: users.status },
      membership: {
        id: membership.id,
        roles: membership.roles,
        networkId: membership.networkId,
        organizationId: membership.organizationId,
        programId: membership.programId,
      },
      network: { preset: networks.preset, policy: networks.policy },
      signature: { version: signature.version, signedAt: signature.signedAt },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoinLateral(membership, sql`true`)
    .leftJoin(networks, eq(networks.id, membership.networkId))
    .leftJoinLateral(signature, sql`true`)
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare('acting_session');
}
