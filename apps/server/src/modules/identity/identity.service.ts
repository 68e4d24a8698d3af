import { createHash, randomBytes } from 'node:crypto';
import type { RoleCode, SecurityPolicy } from '@portico/shared';
import type { Db, Tx } from '../../db/client.js';
import { systemTx } from '../../db/tx.js';
import { AppError, forbidden } from '../../http/errors.js';
import { makeCapabilities } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Clock, DAY, HOUR, MINUTE } from '../../platform/clock/clock.js';
import { checkPassword } from './identity.password.js';
import * as repo from './identity.repo.js';
import { pendingStages, stageAfter } from './identity.stages.js';
import type { SessionStage } from './identity.table.js';
import { securityForUser } from './security.policy.js';

export interface RequestInfo {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

export interface IdentityDeps {
  db: Db;
  clock: Clock;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

type Membership = Awaited<ReturnType<typeof repo.activeMembershipsOf>>[number];
type User = NonNullable<Awaited<ReturnType<typeof repo.findUser>>>;

/** Audits one event in every network the user belongs to (a user may serve more than one network). */
export async function auditInNetworks(
  tx: Tx,
  ms: Membership[],
  userId: string,
  info: RequestInfo,
  action: string,
  programId: string | null = null,
  details?: Record<string, unknown>,
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
      { action, entityType: 'user', entityId: userId, ...(details ? { details } : {}) },
    );
  }
}

const BAD_SIGN_IN = 'The email or password is not right.';

function lockedMessage(policy: SecurityPolicy, lockedAt: Date): string {
  const how =
    policy.lockoutMinutes === null
      ? 'Ask your network administrator to unlock it, or reset your password with "Forgot password".'
      : `Try again after ${new Date(lockedAt.getTime() + policy.lockoutMinutes * MINUTE).toISOString().slice(11, 16)} UTC, or reset your password with "Forgot password".`;
  return `Your account is locked after ${policy.maxFailedAttempts} failed sign-ins. ${how}`;
}

const SUSPENDED =
  'Your account is suspended because it was not used for a long time. Ask your network administrator to reactivate it.';

/** Creates a session (a fresh token: sessions rotate at every sign-in) with the steps still owed. */
export async function startSession(
  tx: Tx,
  deps: IdentityDeps,
  user: User,
  ms: Membership[],
  info: RequestInfo,
  policy: SecurityPolicy,
  /** Extra facts for the sign-in's audit entry, e.g. { method: 'oidc', issuer }. */
  details: Record<string, unknown> = {},
): Promise<{ token: string; actingProgramId: string | null; stage: SessionStage | null }> {
  const now = deps.clock.now();
  const token = randomBytes(32).toString('base64url');
  const only = ms.length === 1 ? ms[0] : undefined;
  const stage = pendingStages(user, policy, now)[0] ?? null;
  await repo.insertSession(tx, {
    tokenHash: hashToken(token),
    userId: user.id,
    programId: only?.programId ?? null,
    stage,
    idleMinutes: policy.sessionIdleMinutes,
    ip: info.ip,
    userAgent: info.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + policy.sessionAbsoluteHours * HOUR),
  });
  await repo.updateUser(tx, user.id, { lastSignInAt: now, lastActiveAt: now, failedAttempts: 0 });
  await auditInNetworks(
    tx,
    ms,
    user.id,
    info,
    'session.sign_in',
    only?.programId ?? null,
    stage || Object.keys(details).length ? { ...details, ...(stage ? { stage } : {}) } : undefined,
  );
  return { token, actingProgramId: only?.programId ?? null, stage };
}

/**
 * NCC-1 lockout, checked before the password is: refused until the policy's window ends (the lock
 * then lifts by itself) or, without a window, until an administrator unlocks. Also used by SSO.
 */
export async function lockBlock(
  tx: Tx,
  deps: IdentityDeps,
  user: User,
  ms: Membership[],
  info: RequestInfo,
  policy: SecurityPolicy,
  /** Extra facts for the refusal's audit entry, e.g. { method: 'oidc' }. */
  details: Record<string, unknown> = {},
): Promise<AppError | null> {
  if (!user.lockedAt) return null;
  const now = deps.clock.now();
  const windowOver =
    policy.lockoutMinutes !== null && now.getTime() - user.lockedAt.getTime() >= policy.lockoutMinutes * MINUTE;
  if (!windowOver) {
    await auditInNetworks(tx, ms, user.id, info, 'session.sign_in_refused', null, { ...details, reason: 'locked' });
    return new AppError('locked', lockedMessage(policy, user.lockedAt));
  }
  await repo.updateUser(tx, user.id, { lockedAt: null, failedAttempts: 0 });
  user.failedAttempts = 0;
  user.lockedAt = null;
  return null;
}

/** NCC-1 suspension: already suspended, or unused past the policy's days (suspended now, audited). Also used by SSO. */
export async function suspensionBlock(
  tx: Tx,
  deps: IdentityDeps,
  user: User,
  ms: Membership[],
  info: RequestInfo,
  policy: SecurityPolicy,
): Promise<AppError | null> {
  if (user.suspendedAt) return new AppError('locked', SUSPENDED);
  const now = deps.clock.now();
  if (
    policy.inactivitySuspendDays !== null &&
    now.getTime() - user.lastActiveAt.getTime() > policy.inactivitySuspendDays * DAY
  ) {
    await repo.updateUser(tx, user.id, { suspendedAt: now });
    await auditInNetworks(tx, ms, user.id, info, 'user.suspend', null, { reason: 'inactivity' });
    return new AppError('locked', SUSPENDED);
  }
  return null;
}

type Outcome =
  | { error: AppError }
  | { token: string; user: User; actingProgramId: string | null; stage: SessionStage | null };

/**
 * Email + password sign-in under the user's network policy: lockout (NCC-1), suspension after
 * inactivity, then the steps owed (password change, second factor). Failures are audited even
 * though the command fails, so they commit first and the error is thrown after.
 */
export async function signIn(
  deps: IdentityDeps,
  email: string,
  password: string,
  info: RequestInfo,
  previousTokenHash?: string,
) {
  const user = await repo.findUserByEmail(deps.db, email);
  const ok = await checkPassword(user?.passwordHash, password);
  const outcome = await systemTx(deps.db, async (tx): Promise<Outcome> => {
    if (!user) return { error: new AppError('unauthenticated', BAD_SIGN_IN) };
    const now = deps.clock.now();
    const policy = await securityForUser(tx, user.id);
    const ms = await repo.activeMembershipsOf(tx, user.id);
    const locked = await lockBlock(tx, deps, user, ms, info, policy);
    if (locked) return { error: locked };
    if (!ok || user.status !== 'active') {
      const failures = user.failedAttempts + 1;
      const locks = failures >= policy.maxFailedAttempts;
      await repo.updateUser(tx, user.id, { failedAttempts: failures, ...(locks ? { lockedAt: now } : {}) });
      await auditInNetworks(tx, ms, user.id, info, 'session.sign_in_failed', null, { failures });
      if (locks) {
        await auditInNetworks(tx, ms, user.id, info, 'user.lock', null, { failures });
        return { error: new AppError('locked', lockedMessage(policy, now)) };
      }
      return { error: new AppError('unauthenticated', BAD_SIGN_IN) };
    }
    const suspended = await suspensionBlock(tx, deps, user, ms, info, policy);
    if (suspended) return { error: suspended };
    if (ms.length === 0) {
      return {
        error: new AppError('forbidden', 'Your account has no active program membership; ask your administrator.'),
      };
    }
    if (previousTokenHash) await repo.deleteSession(tx, previousTokenHash);
    return { ...(await startSession(tx, deps, user, ms, info, policy)), user };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome;
}

/** Moves a session past a step it has just completed; returns the next step (null: fully signed in). */
export async function advanceStage(
  tx: Tx,
  deps: IdentityDeps,
  tokenHash: string,
  userId: string,
  completed: SessionStage,
) {
  const user = await repo.findUser(tx, userId);
  if (!user) throw new AppError('unauthenticated', 'Sign in first.');
  const next = stageAfter(completed, user, await securityForUser(tx, userId), deps.clock.now());
  await repo.updateSession(tx, tokenHash, { stage: next });
  return next;
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
    await repo.updateSession(tx, tokenHash, { programId });
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
