import { and, count, eq, gte } from 'drizzle-orm';
import type { Static } from 'typebox';
import { systemTx } from '../../db/tx.js';
import { AppError, invalid, notFound } from '../../http/errors.js';
import { type Actor, assertCan } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import { HOUR } from '../../platform/clock/clock.js';
import { toE164 } from '../../platform/sms/sms.phone.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import { normalizeAddress } from './clients.match.js';
import * as repo from './clients.repo.js';
import type { ClientConfirm } from './clients.schema.js';
import type { ClientDeps } from './clients.service.js';
import { clientConfirmations, clients } from './clients.table.js';

/** A matched confirmation lets the program start a consent for the person for this long. */
export const CONFIRMATION_VALID_MS = 24 * HOUR;
/** Guessing is bounded: per person and program a day, and per user an hour. */
export const MAX_FAILED_PER_PERSON = 3;
export const MAX_ATTEMPTS_PER_USER_HOUR = 20;

const digits5 = (zip: string | null | undefined) => (zip ?? '').replace(/\D/g, '').slice(0, 5);

/** Compares what the client says with what is stored, without ever returning the stored value. */
function matches(stored: repo.ClientRow, input: Static<typeof ClientConfirm>): boolean {
  if (input.phone !== undefined) {
    const given = toE164(input.phone);
    return given !== null && stored.phone !== null && given === stored.phone;
  }
  const line = normalizeAddress(input.addressLine);
  return (
    line !== '' &&
    line === normalizeAddress(stored.addressLine) &&
    digits5(input.postalCode) !== '' &&
    digits5(input.postalCode) === digits5(stored.postalCode)
  );
}

/**
 * MT-7: the person may be known to another program. The client tells the user their phone or address;
 * the server answers only "matches" or "does not match" (rate-limited, audited), and a match lets this
 * program start a consent for the existing record.
 */
export async function confirmCandidate(
  { db, clock }: ClientDeps,
  actor: Actor,
  id: string,
  input: Static<typeof ClientConfirm>,
) {
  assertCan(actor, 'consents:write');
  const field = input.phone !== undefined ? 'phone' : 'address';
  if (field === 'address' && !input.addressLine?.trim()) {
    throw invalid('body.addressLine', 'give the phone, or the street address and ZIP code the client tells you');
  }
  const now = clock.now();
  const stored = await systemTx(db, async (tx) => {
    const [row] = await tx
      .select()
      .from(clients)
      .where(and(eq(clients.id, id), eq(clients.networkId, actor.networkId)));
    return row;
  });
  if (!stored || stored.mergedIntoId) throw notFound('Client');
  return withTenant(db, actor, async (tx) => {
    const [byUser] = await tx
      .select({ n: count() })
      .from(clientConfirmations)
      .where(
        and(
          eq(clientConfirmations.userId, actor.userId),
          gte(clientConfirmations.createdAt, new Date(now.getTime() - HOUR)),
        ),
      );
    const [failed] = await tx
      .select({ n: count() })
      .from(clientConfirmations)
      .where(
        and(
          eq(clientConfirmations.clientId, id),
          eq(clientConfirmations.programId, actor.programId),
          eq(clientConfirmations.matched, false),
          gte(clientConfirmations.createdAt, new Date(now.getTime() - CONFIRMATION_VALID_MS)),
        ),
      );
    if ((byUser?.n ?? 0) >= MAX_ATTEMPTS_PER_USER_HOUR || (failed?.n ?? 0) >= MAX_FAILED_PER_PERSON) {
      throw new AppError('rate_limited', 'Too many confirmation attempts. Try again tomorrow, or create a new client.');
    }
    const matched = matches(stored, input);
    await tx.insert(clientConfirmations).values({
      networkId: actor.networkId,
      organizationId: actor.organizationId,
      clientId: id,
      programId: actor.programId,
      userId: actor.userId,
      field,
      matched,
      createdAt: now,
    });
    await recordAudit(tx, auditContextOf(actor), {
      action: 'client.confirm',
      entityType: 'client',
      entityId: id,
      details: { field, matched },
    });
    return {
      matches: matched,
      attemptsLeft: Math.max(0, MAX_FAILED_PER_PERSON - (failed?.n ?? 0) - (matched ? 0 : 1)),
    };
  });
}

/**
 * The client a program may start a consent for: one it sees, or one it confirmed in the last day.
 * The confirmed person's record is read as the system: the program does not see it until the consent names it.
 */
export async function clientForConsent({ db, clock }: ClientDeps, actor: Actor, id: string) {
  const now = clock.now();
  const visible = await withTenant(db, actor, (tx) => repo.findVisible(tx, actor, now, id));
  if (visible) return visible;
  const [confirmed] = await withTenant(db, actor, (tx) =>
    tx
      .select({ id: clientConfirmations.id })
      .from(clientConfirmations)
      .where(
        and(
          eq(clientConfirmations.clientId, id),
          eq(clientConfirmations.programId, actor.programId),
          eq(clientConfirmations.matched, true),
          gte(clientConfirmations.createdAt, new Date(now.getTime() - CONFIRMATION_VALID_MS)),
        ),
      )
      .limit(1),
  );
  if (!confirmed) return undefined;
  return systemTx(db, async (tx) => {
    const [row] = await tx
      .select()
      .from(clients)
      .where(and(eq(clients.id, id), eq(clients.networkId, actor.networkId)));
    return row;
  });
}
