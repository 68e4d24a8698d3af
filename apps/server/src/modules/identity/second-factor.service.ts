import type { Tx } from '../../db/client.js';
import { systemTx } from '../../db/tx.js';
import { AppError, invalid } from '../../http/errors.js';
import { checkPassword, hashPassword } from './identity.password.js';
import * as repo from './identity.repo.js';
import { advanceStage, auditInNetworks, type IdentityDeps, type RequestInfo } from './identity.service.js';
import { passcodeProblem } from './passcode.rules.js';
import { securityForUser } from './security.policy.js';

type Session = { userId: string; tokenHash: string };

/** NCC-1: chooses the passcode at the first sign-in; stored as an argon2id hash. */
export function enrolPasscode(deps: IdentityDeps, session: Session, passcode: string, info: RequestInfo) {
  return systemTx(deps.db, async (tx) => {
    const problem = passcodeProblem(passcode);
    if (problem) throw invalid('body.passcode', problem);
    await repo.updateUser(tx, session.userId, { passcodeHash: await hashPassword(passcode) });
    await auditInNetworks(
      tx,
      await repo.activeMembershipsOf(tx, session.userId),
      session.userId,
      info,
      'user.passcode_set',
    );
    return { stage: await advanceStage(tx, deps, session.tokenHash, session.userId, 'second_factor_enrolment') };
  });
}

type User = NonNullable<Awaited<ReturnType<typeof repo.findUser>>>;

/**
 * The second factor asked after the password, whichever it is: a right answer moves the session on,
 * a wrong one counts towards the lockout like a wrong password (NCC-1). `check` may change the user
 * (a recovery code is used up) inside the same transaction.
 */
export async function checkSecondFactor(
  deps: IdentityDeps,
  session: Session,
  info: RequestInfo,
  field: string,
  check: (tx: Tx, user: User) => Promise<boolean>,
) {
  const outcome = await systemTx(deps.db, async (tx) => {
    const user = await repo.findUser(tx, session.userId);
    if (!user) throw new AppError('unauthenticated', 'Sign in first.');
    const ms = await repo.activeMembershipsOf(tx, user.id);
    if (await check(tx, user)) {
      await repo.updateUser(tx, user.id, { failedAttempts: 0 });
      await auditInNetworks(tx, ms, user.id, info, 'session.second_factor');
      return { stage: await advanceStage(tx, deps, session.tokenHash, user.id, 'second_factor') };
    }
    const policy = await securityForUser(tx, user.id);
    const failures = user.failedAttempts + 1;
    const locks = failures >= policy.maxFailedAttempts;
    await repo.updateUser(tx, user.id, { failedAttempts: failures, ...(locks ? { lockedAt: deps.clock.now() } : {}) });
    await auditInNetworks(tx, ms, user.id, info, 'session.second_factor_failed', null, { failures });
    if (locks) {
      await repo.deleteSessionsOf(tx, user.id);
      await auditInNetworks(tx, ms, user.id, info, 'user.lock', null, { failures });
      return {
        error: new AppError(
          'locked',
          `Your account is locked after ${failures} failed attempts. Ask your administrator to unlock it.`,
        ),
      };
    }
    return { error: invalid(field, 'is not right') };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome;
}

/** NCC-1: the passcode asked after the password. */
export function verifyPasscode(deps: IdentityDeps, session: Session, passcode: string, info: RequestInfo) {
  return checkSecondFactor(deps, session, info, 'body.passcode', async (_tx, user) =>
    checkPassword(user.passcodeHash, passcode),
  );
}
