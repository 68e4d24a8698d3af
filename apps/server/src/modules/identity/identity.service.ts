import { createHash, randomBytes } from 'node:crypto';
import type { RoleCode } from '@portico/shared';
import type { Db, Tx } from '../../db/client.js';
import { systemTx } from '../../db/tx.js';
import { AppError, forbidden } from '../../http/errors.js';
import { makeCapabilities } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { checkPassword } from './identity.password.js';
import * as repo from './identity.repo.js';

export interface RequestInfo {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

type Membership = Awaited<ReturnType<typeof repo.activeMembershipsOf>>[number];

/** Audits one event in every network the user belongs to (a user may serve more than one network). */
async function auditInNetworks(
  tx: Tx,
  ms: Membership[],
  userId: string,
  info: RequestInfo,
  action: string,
  programId: string | null = null,
) {
  // One entry per network, naming the acting program where it is in that network.
  const byNetwork = new Map(ms.map((m) => [m.networkId, m]));
  for (const m of ms) if (m.programId === programId) byNetwork.set(m.networkId, m);
  for (const m of byNetwork.values()) {
    const acting = programId && m.programId === programId ? m : null;
    await recordAudit(
      tx,
      {
        networkId: m.networkId,
        userId,
        programId: acting?.programId ?? null,
        organizationId: acting?.organizationId ?? null,
        requestId: info.requestId,
        ip: info.ip,
      },
      { action, entityType: 'user', entityId: userId },
    );
  }
}

const BAD_SIGN_IN = 'The email or password is not right.';

/** Email + password sign-in; one membership is chosen as acting program straight away. */
export async function signIn(db: Db, email: string, password: string, info: RequestInfo, sessionHours: number) {
  const user = await repo.findUserByEmail(db, email);
  const ok = await checkPassword(user?.passwordHash, password);
  return systemTx(db, async (tx) => {
    if (!user) throw new AppError('unauthenticated', BAD_SIGN_IN);
    const ms = await repo.activeMembershipsOf(tx, user.id);
    if (!ok || user.status !== 'active') {
      await auditInNetworks(tx, ms, user.id, info, 'session.sign_in_failed');
      // The failed attempt is recorded even though the command fails.
      return { failed: true as const };
    }
    if (ms.length === 0)
      throw new AppError('forbidden', 'Your account has no active program membership; ask your administrator.');
    const token = randomBytes(32).toString('base64url');
    const tokenHash = hashToken(token);
    const only = ms.length === 1 ? ms[0] : undefined;
    await repo.insertSession(tx, {
      tokenHash,
      userId: user.id,
      programId: only?.programId ?? null,
      ip: info.ip,
      userAgent: info.userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(Date.now() + sessionHours * 3600_000),
    });
    await repo.markSignedIn(tx, user.id);
    await auditInNetworks(tx, ms, user.id, info, 'session.sign_in', only?.programId ?? null);
    return { failed: false as const, token, user, actingProgramId: only?.programId ?? null };
  }).then((r) => {
    if (r.failed) throw new AppError('unauthenticated', BAD_SIGN_IN);
    return r;
  });
}

/** Signs out: the session row is gone, the cookie is worthless. */
export async function signOut(db: Db, tokenHash: string, userId: string, programId: string | null, info: RequestInfo) {
  await systemTx(db, async (tx) => {
    const ms = await repo.activeMembershipsOf(tx, userId);
    await repo.deleteSession(tx, tokenHash);
    await auditInNetworks(tx, ms, userId, info, 'session.sign_out', programId);
  });
}

/** The user, their active memberships and the acting program (null if none chosen or it has ended). */
export async function describeSession(db: Db, userId: string, programId: string | null) {
  const ms = await repo.activeMembershipsOf(db, userId);
  const m = programId ? ms.find((x) => x.programId === programId) : undefined;
  return {
    memberships: ms,
    acting: m ? { ...m, capabilities: [...makeCapabilities(m.roles as RoleCode[])].sort() } : null,
  };
}

/** MT-5: act as another program; only one the user belongs to now. */
export async function switchProgram(db: Db, tokenHash: string, userId: string, programId: string, info: RequestInfo) {
  await systemTx(db, async (tx) => {
    const [m] = await repo.activeMembershipsOf(tx, userId, programId);
    if (!m) {
      const name = await repo.programName(tx, programId);
      throw forbidden(
        name
          ? `You are not a member of "${name}", so you cannot act as that program.`
          : 'You are not a member of that program, so you cannot act as it.',
      );
    }
    await repo.setSessionProgram(tx, tokenHash, programId);
    await recordAudit(
      tx,
      {
        networkId: m.networkId,
        userId,
        programId,
        organizationId: m.organizationId,
        requestId: info.requestId,
        ip: info.ip,
      },
      { action: 'session.switch_program', entityType: 'program', entityId: programId },
    );
  });
}
