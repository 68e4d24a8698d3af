import { randomBytes } from 'node:crypto';
import type { SecurityPolicy } from '@portico/shared';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { systemTx } from '../../db/tx.js';
import { AppError, invalid } from '../../http/errors.js';
import { type Clock, HOUR, MINUTE } from '../../platform/clock/clock.js';
import { queueMail } from '../../platform/notify/mail.js';
import { checkPassword, hashPassword } from './identity.password.js';
import * as repo from './identity.repo.js';
import { advanceStage, auditInNetworks, hashToken, type IdentityDeps, type RequestInfo } from './identity.service.js';
import { authTokens } from './identity.table.js';
import { passwordProblems } from './password.rules.js';
import { securityForUser } from './security.policy.js';

export const INVITE_LIFETIME = 72 * HOUR;
export const RESET_LIFETIME = 30 * MINUTE;

/** Refuses a password the policy does not allow, naming every rule it fails (on `field`). */
export function assertPasswordAllowed(password: string, policy: SecurityPolicy, email: string, field: string) {
  const problems = passwordProblems(password, policy.password, { email, secondFactor: policy.secondFactor });
  if (problems.length) {
    throw new AppError(
      'validation',
      `The password ${problems.join('; ')}.`,
      problems.map((message) => ({ field, message })),
    );
  }
}

/** Stores a new password: hashed, dated, temporary flag and lockout cleared. */
async function storePassword(tx: Tx, deps: IdentityDeps, userId: string, password: string) {
  await repo.updateUser(tx, userId, {
    passwordHash: await hashPassword(password),
    passwordChangedAt: deps.clock.now(),
    mustChangePassword: false,
    failedAttempts: 0,
    lockedAt: null,
  });
}

/** Change of one's own password (forced at first sign-in with a temporary password, or on expiry). */
export async function changePassword(
  deps: IdentityDeps,
  session: { userId: string; tokenHash: string; stage: string | null },
  currentPassword: string,
  newPassword: string,
  info: RequestInfo,
) {
  return systemTx(deps.db, async (tx) => {
    const user = await repo.findUser(tx, session.userId);
    if (!user || !(await checkPassword(user.passwordHash, currentPassword))) {
      throw invalid('body.currentPassword', 'is not your current password');
    }
    if (currentPassword === newPassword) throw invalid('body.newPassword', 'must differ from the current password');
    assertPasswordAllowed(newPassword, await securityForUser(tx, user.id), user.email, 'body.newPassword');
    await storePassword(tx, deps, user.id, newPassword);
    // Other sessions may belong to whoever knew the old password.
    await repo.deleteSessionsOf(tx, user.id, session.tokenHash);
    await auditInNetworks(tx, await repo.activeMembershipsOf(tx, user.id), user.id, info, 'user.password_change');
    const stage =
      session.stage === 'password_change'
        ? await advanceStage(tx, deps, session.tokenHash, user.id, 'password_change')
        : null;
    return { stage };
  });
}

/** Creates a single-use link token (only its hash is stored). */
export async function issueToken(tx: Tx, deps: { clock: Clock }, userId: string, kind: 'invite' | 'reset') {
  const token = randomBytes(32).toString('base64url');
  const lifetime = kind === 'invite' ? INVITE_LIFETIME : RESET_LIFETIME;
  await tx.insert(authTokens).values({
    tokenHash: hashToken(token),
    userId,
    kind,
    createdAt: deps.clock.now(),
    expiresAt: new Date(deps.clock.now().getTime() + lifetime),
  });
  return token;
}

/** MT-1 / NCC-1: the invitation email, with a link to set a password (never a password). */
export async function sendInvitation(
  tx: Tx,
  deps: { clock: Clock; publicUrl: string },
  user: { id: string; email: string; name: string },
  network: { id: string; name: string },
) {
  const token = await issueToken(tx, deps, user.id, 'invite');
  await queueMail(tx, {
    networkId: network.id,
    to: user.email,
    subject: `Your Portico account for ${network.name}`,
    text: [
      `Hello ${user.name},`,
      '',
      `An administrator of ${network.name} has made you a Portico account. Set your password here (the link works once, for 72 hours):`,
      `${deps.publicUrl}/set-password?token=${token}`,
      '',
      'If you did not expect this email, ignore it.',
    ].join('\n'),
  });
}

/** The token's user, if the token is unused and unexpired. */
export async function findUsableToken(tx: Tx, deps: IdentityDeps, token: string) {
  const [row] = await tx
    .select()
    .from(authTokens)
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, deps.clock.now()),
      ),
    );
  return row;
}

/** Sets a password from an invitation or reset link; a reset signs out every session (MT-2). */
export async function setPasswordWithToken(deps: IdentityDeps, token: string, password: string, info: RequestInfo) {
  return systemTx(deps.db, async (tx) => {
    const row = await findUsableToken(tx, deps, token);
    if (!row) throw invalid('body.token', 'this link has expired or was already used; ask for a new one');
    const user = await repo.findUser(tx, row.userId);
    if (!user) throw invalid('body.token', 'this link has expired or was already used; ask for a new one');
    assertPasswordAllowed(password, await securityForUser(tx, user.id), user.email, 'body.password');
    await storePassword(tx, deps, user.id, password);
    await tx.update(authTokens).set({ usedAt: deps.clock.now() }).where(eq(authTokens.tokenHash, row.tokenHash));
    await repo.deleteSessionsOf(tx, user.id);
    const ms = await repo.activeMembershipsOf(tx, user.id);
    await auditInNetworks(tx, ms, user.id, info, row.kind === 'invite' ? 'user.password_set' : 'user.password_reset');
    return { email: user.email };
  });
}

export const RESET_ANSWER =
  'If an account uses that email address, we have sent it a link to reset the password. The link works once, for 30 minutes.';

/** MT-2: the same answer whether or not the address has an account; the link goes by email only. */
export async function requestPasswordReset(deps: IdentityDeps & { publicUrl: string }, email: string) {
  await systemTx(deps.db, async (tx) => {
    const user = await repo.findUserByEmail(tx, email);
    if (user?.status !== 'active') return;
    const [m] = await repo.activeMembershipsOf(tx, user.id);
    const token = await issueToken(tx, deps, user.id, 'reset');
    await queueMail(tx, {
      networkId: m?.networkId ?? null,
      to: user.email,
      subject: 'Reset your Portico password',
      text: [
        `Hello ${user.name},`,
        '',
        'Someone asked to reset the password of your Portico account. To choose a new one, open this link (it works once, for 30 minutes):',
        `${deps.publicUrl}/set-password?token=${token}`,
        '',
        'Using it signs you out everywhere. If you did not ask for this, ignore this email: your password stays as it is.',
      ].join('\n'),
    });
  });
}
