import { type NetworkPolicy, PRESET_POLICIES, type PresetCode, type UserAgreement } from '@portico/shared';
import { and, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { before } from '../../db/keyset.js';
import { AppError, forbidden, invalid } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { type Actor, isNetworkAdmin } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import { type Clock, DAY } from '../../platform/clock/clock.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import { agreementSignatures, users } from '../identity/identity.table.js';
import { networks } from '../networks/networks.table.js';

/** MT-3: signed again every 12 months. */
export const RENEW_AFTER_DAYS = 365;

/** The network's agreement: its own, or (networks made before agreements existed) its preset's. */
export function agreementOfNetwork(n: { preset: PresetCode; policy: NetworkPolicy }): UserAgreement | null {
  return n.policy.userAgreement === undefined ? PRESET_POLICIES[n.preset].userAgreement : n.policy.userAgreement;
}

/** MT-3: a signature is due unless the latest one is of this version and under 12 months old. */
export function signatureDue(
  agreement: UserAgreement,
  last: { version: string; signedAt: Date } | null | undefined,
  now: Date,
) {
  const fresh =
    last && last.version === agreement.version && now.getTime() - last.signedAt.getTime() < RENEW_AFTER_DAYS * DAY;
  return !fresh;
}

async function agreementOf(tx: Db | Tx, networkId: string): Promise<UserAgreement | null> {
  const [n] = await tx
    .select({ preset: networks.preset, policy: networks.policy })
    .from(networks)
    .where(eq(networks.id, networkId));
  return n ? agreementOfNetwork(n) : null;
}

/** The network's agreement, my latest signature, and whether a signature is due (no signature of this version in 12 months). */
export async function agreementStatus(tx: Db | Tx, clock: Clock, actor: Pick<Actor, 'networkId' | 'userId'>) {
  const agreement = await agreementOf(tx, actor.networkId);
  if (!agreement) return { required: false, due: false, version: null, text: null, signedAt: null };
  const [last] = await tx
    .select()
    .from(agreementSignatures)
    .where(and(eq(agreementSignatures.userId, actor.userId), eq(agreementSignatures.networkId, actor.networkId)))
    .orderBy(desc(agreementSignatures.signedAt))
    .limit(1);
  return {
    required: true,
    due: signatureDue(agreement, last, clock.now()),
    version: agreement.version,
    text: agreement.text,
    signedAt: last?.signedAt ?? null,
  };
}

export function getAgreement(db: Db, clock: Clock, actor: Actor) {
  return withTenant(db, actor, (tx) => agreementStatus(tx, clock, actor));
}

/** MT-3: signing is typing one's own name and ticking the box, for the current version. */
export function signAgreement(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: { version: string; typedName: string; accept: boolean },
) {
  return withTenant(db, actor, async (tx) => {
    const agreement = await agreementOf(tx, actor.networkId);
    if (!agreement) throw new AppError('conflict', 'This network has no user agreement to sign.');
    if (input.version !== agreement.version)
      throw invalid('body.version', `is not the current version (${agreement.version}); reload the page`);
    if (!input.accept) throw invalid('body.accept', 'must be ticked to sign the agreement');
    const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
    if (norm(input.typedName) !== norm(actor.name))
      throw invalid('body.typedName', `must be your name as on your account (${actor.name})`);
    const signedAt = clock.now();
    await tx.insert(agreementSignatures).values({
      networkId: actor.networkId,
      userId: actor.userId,
      version: agreement.version,
      typedName: input.typedName.trim(),
      signedAt,
    });
    await recordAudit(tx, auditContextOf(actor), {
      action: 'agreement.sign',
      entityType: 'user',
      entityId: actor.userId,
      details: { version: agreement.version },
    });
    return agreementStatus(tx, clock, actor);
  });
}

/** Who signed what and when, newest first (network administrators). */
export function listSignatures(
  db: Db,
  actor: Actor,
  query: { cursor?: string | undefined; limit?: number | undefined },
) {
  if (!isNetworkAdmin(actor)) throw forbidden('Only a network administrator lists the signatures.');
  const limit = query.limit ?? 50;
  return withTenant(db, actor, async (tx) => {
    const rows = await tx
      .select({
        id: agreementSignatures.id,
        userId: agreementSignatures.userId,
        name: users.name,
        email: users.email,
        version: agreementSignatures.version,
        typedName: agreementSignatures.typedName,
        signedAt: agreementSignatures.signedAt,
      })
      .from(agreementSignatures)
      .innerJoin(users, eq(users.id, agreementSignatures.userId))
      .where(
        and(
          eq(agreementSignatures.networkId, actor.networkId),
          before(decodeCursor(query.cursor), agreementSignatures.signedAt, agreementSignatures.id),
        ),
      )
      .orderBy(desc(agreementSignatures.signedAt), desc(agreementSignatures.id))
      .limit(limit + 1);
    return toPage(rows, limit, (r) => [r.signedAt.toISOString(), r.id]);
  });
}
