import { PRESET_POLICIES, type PresetCode, SECURITY_PRESETS, type SecurityPolicy } from '@portico/shared';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { memberships } from '../memberships/memberships.table.js';
import { networks } from '../networks/networks.table.js';

/** A network's sign-in rules: its preset, overridden by what its administrator set. */
export function securityOfNetwork(n: {
  preset: PresetCode;
  policy: { security?: Partial<SecurityPolicy> };
}): SecurityPolicy {
  const base = SECURITY_PRESETS[n.preset] ?? PRESET_POLICIES.default.security;
  const own = n.policy.security ?? {};
  return { ...base, ...own, password: { ...base.password, ...(own.password ?? {}) } };
}

const minNullable = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const FACTOR_STRENGTH = { none: 0, passcode: 1, totp: 2 } as const;

/**
 * A user in programs of several networks gets the strictest rule of each: the longest password,
 * every class any network requires, the fewest attempts, the shortest lifetimes, the stronger factor.
 */
export function strictest(policies: SecurityPolicy[]): SecurityPolicy {
  const [first, ...rest] = policies;
  if (!first) return SECURITY_PRESETS.default;
  return rest.reduce<SecurityPolicy>(
    (a, b) => ({
      password: {
        minLength: Math.max(a.password.minLength, b.password.minLength),
        minLengthWithSecondFactor: Math.max(a.password.minLengthWithSecondFactor, b.password.minLengthWithSecondFactor),
        requireUpper: a.password.requireUpper || b.password.requireUpper,
        requireLower: a.password.requireLower || b.password.requireLower,
        requireLetter: a.password.requireLetter || b.password.requireLetter,
        requireSymbol: a.password.requireSymbol || b.password.requireSymbol,
        minDigits: Math.max(a.password.minDigits, b.password.minDigits),
        rejectCommon: a.password.rejectCommon || b.password.rejectCommon,
        rejectEmailName: a.password.rejectEmailName || b.password.rejectEmailName,
      },
      maxFailedAttempts: Math.min(a.maxFailedAttempts, b.maxFailedAttempts),
      // Locked until an administrator acts (null) is stricter than any window.
      lockoutMinutes:
        a.lockoutMinutes === null || b.lockoutMinutes === null ? null : Math.max(a.lockoutMinutes, b.lockoutMinutes),
      passwordLifetimeDays: minNullable(a.passwordLifetimeDays, b.passwordLifetimeDays),
      inactivitySuspendDays: minNullable(a.inactivitySuspendDays, b.inactivitySuspendDays),
      sessionIdleMinutes: Math.min(a.sessionIdleMinutes, b.sessionIdleMinutes),
      sessionAbsoluteHours: Math.min(a.sessionAbsoluteHours, b.sessionAbsoluteHours),
      secondFactor:
        FACTOR_STRENGTH[a.secondFactor] >= FACTOR_STRENGTH[b.secondFactor] ? a.secondFactor : b.secondFactor,
      allowTemporaryPassword: a.allowTemporaryPassword && b.allowTemporaryPassword,
    }),
    first,
  );
}

/** The rules that apply to a user: the strictest of the networks they have an unended membership in. */
export async function securityForUser(q: Db | Tx, userId: string): Promise<SecurityPolicy> {
  const rows = await q
    .selectDistinct({ preset: networks.preset, policy: networks.policy })
    .from(memberships)
    .innerJoin(networks, eq(networks.id, memberships.networkId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.endsAt)));
  return strictest(rows.map(securityOfNetwork));
}
