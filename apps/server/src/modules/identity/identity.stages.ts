import type { SecurityPolicy } from '@portico/shared';
import { DAY } from '../../platform/clock/clock.js';
import type { SessionStage } from './identity.table.js';

export interface StageUser {
  mustChangePassword: boolean;
  passwordChangedAt: Date | null;
  passcodeHash: string | null;
  totpEnabledAt: Date | null;
}

/** NCC-1: the password is older than the network allows. */
export function passwordExpired(user: StageUser, policy: SecurityPolicy, now: Date): boolean {
  if (policy.passwordLifetimeDays === null || !user.passwordChangedAt) return false;
  return now.getTime() - user.passwordChangedAt.getTime() > policy.passwordLifetimeDays * DAY;
}

export function secondFactorEnrolled(user: StageUser, policy: SecurityPolicy): boolean {
  if (policy.secondFactor === 'passcode') return Boolean(user.passcodeHash);
  if (policy.secondFactor === 'totp') return Boolean(user.totpEnabledAt);
  return true;
}

/**
 * The steps a signed-in user still owes, in order. An enrolled second factor is asked before a
 * password change (identity first); a new user changes the temporary password, then enrols.
 */
export function pendingStages(
  user: StageUser,
  policy: SecurityPolicy,
  now: Date,
  done: SessionStage[] = [],
): SessionStage[] {
  const stages: SessionStage[] = [];
  const enrolled = secondFactorEnrolled(user, policy);
  if (policy.secondFactor !== 'none' && enrolled) stages.push('second_factor');
  if (user.mustChangePassword || passwordExpired(user, policy, now)) stages.push('password_change');
  if (policy.secondFactor !== 'none' && !enrolled) stages.push('second_factor_enrolment');
  return stages.filter((s) => !done.includes(s));
}

export const STAGE_MESSAGES: Record<SessionStage, string> = {
  password_change: 'Change your password before you continue.',
  second_factor: 'Enter your second factor before you continue.',
  second_factor_enrolment: 'Set up your second factor before you continue.',
};

const ORDER: SessionStage[] = ['second_factor', 'password_change', 'second_factor_enrolment'];

/** The next step after `completed` (null: the session is fully signed in). */
export function stageAfter(
  completed: SessionStage,
  user: StageUser,
  policy: SecurityPolicy,
  now: Date,
): SessionStage | null {
  const done = ORDER.slice(0, ORDER.indexOf(completed) + 1);
  return pendingStages(user, policy, now, done)[0] ?? null;
}
