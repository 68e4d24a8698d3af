import { and, asc, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { systemTx } from '../../db/tx.js';
import { recordAudit, systemAuditContext } from '../../platform/audit/audit.service.js';
import { type Clock, DAY } from '../../platform/clock/clock.js';
import type { JobQueue } from '../../platform/jobs/queue.js';
import type { MailDelivery } from '../../platform/notify/mail.js';
import { users } from '../identity/identity.table.js';
import { networks } from '../networks/networks.table.js';
import { programs } from '../organizations/organizations.table.js';
import { notifyPeople } from './referrals.notify.js';
import { gatekeepersOf } from './referrals.people.js';
import { holidaysOf, isStale } from './referrals.rules.js';
import { referrals } from './referrals.table.js';

export const STALE_REFERRAL_JOB = 'referral-stale';

type Row = typeof referrals.$inferSelect;

/** Not yet notified for this quiet spell: never, or before the latest step. */
const unnoticed = or(isNull(referrals.staleNotifiedAt), lt(referrals.staleNotifiedAt, referrals.lastActivityAt));

/** Thrown to undo a claim whose referral moved on between the scan and the claim. */
class NoLongerStale extends Error {}

const day = (d: Date) => d.toISOString().slice(0, 10);

async function programName(tx: Tx, id: string) {
  const [p] = await tx.select({ name: programs.name }).from(programs).where(eq(programs.id, id));
  return p?.name ?? 'a program';
}

/**
 * MT-16: tells the receiving program's gatekeepers and the sender, once per quiet spell. Setting
 * stale_notified_at only where it is unset or older than the last step is the claim: a second worker
 * claims nothing and sends nothing; a new step makes the referral claimable again.
 */
async function noticeOne(db: Db, id: string, now: Date, holidays: ReadonlySet<string>): Promise<boolean> {
  try {
    return await systemTx(db, async (tx) => {
      const [r] = await tx
        .update(referrals)
        .set({ staleNotifiedAt: now })
        .where(and(eq(referrals.id, id), inArray(referrals.state, ['sent', 'assigned']), unnoticed))
        .returning();
      if (!r) return false;
      // The claimed row is the current one: a step taken since the scan may have made it fresh again.
      if (!isStale(r, now, holidays)) throw new NoLongerStale();
      await notifyStale(tx, r);
      return true;
    });
  } catch (err) {
    if (err instanceof NoLongerStale) return false;
    throw err;
  }
}

async function notifyStale(tx: Tx, r: Row) {
  const [from, to] = [await programName(tx, r.fromProgramId), await programName(tx, r.toProgramId)];
  const sender = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, r.createdBy), eq(users.status, 'active')));
  const people = [...(await gatekeepersOf(tx, r.networkId, r.toProgramId)), ...sender];
  const unacknowledged = r.state === 'sent' && !r.acknowledgedAt;
  // No client names: the link opens the referral for those allowed to see it.
  const body = unacknowledged
    ? `A referral from ${from} to ${to}, sent on ${day(r.sentAt ?? r.lastActivityAt)}, has not been acknowledged. Assign it or refuse it with a reason.`
    : `A referral from ${from} to ${to} has had no update since ${day(r.lastActivityAt)}. Record its service status or a note.`;
  await notifyPeople(tx, people, {
    networkId: r.networkId,
    kind: 'referral.stale',
    title: `A referral to ${to} is waiting`,
    body,
    link: `/referrals/${r.id}`,
  });
  await recordAudit(tx, systemAuditContext(r.networkId), {
    action: 'referral.stale_notice',
    entityType: 'referral',
    entityId: r.id,
    details: {
      reason: unacknowledged ? 'not_acknowledged' : 'no_update',
      recipients: new Set(people.map((p) => p.id)).size,
    },
  });
}

/**
 * The hourly sweep. SQL narrows by calendar time (the end of the next business day is more than a day
 * after the send; five business days, more than five days after the last step); isStale then decides
 * with the network's weekends and holidays. Safe to run any number of times from any number of processes.
 */
export async function sweepStaleReferrals(db: Db, clock: Clock): Promise<{ noticed: number }> {
  const now = clock.now();
  const dayAgo = new Date(now.getTime() - DAY);
  const fiveDaysAgo = new Date(now.getTime() - 5 * DAY);
  const candidates = await systemTx(db, (tx) =>
    tx
      .select({ referral: referrals, policy: networks.policy })
      .from(referrals)
      .innerJoin(networks, eq(networks.id, referrals.networkId))
      .where(
        and(
          inArray(referrals.state, ['sent', 'assigned']),
          unnoticed,
          or(
            and(eq(referrals.state, 'sent'), isNull(referrals.acknowledgedAt), lte(referrals.sentAt, dayAgo)),
            lte(referrals.lastActivityAt, fiveDaysAgo),
          ),
        ),
      )
      .orderBy(asc(referrals.lastActivityAt)),
  );
  let noticed = 0;
  for (const { referral, policy } of candidates) {
    const holidays = holidaysOf(policy);
    if (!isStale(referral, now, holidays)) continue;
    if (await noticeOne(db, referral.id, now, holidays)) noticed++;
  }
  return { noticed };
}

/** Hourly, and once when the queue starts. */
export function registerStaleReferralJob(queue: JobQueue, deps: { db: Db; clock: Clock; mail?: MailDelivery }) {
  queue.recurring(STALE_REFERRAL_JOB, '0 * * * *', async () => {
    if ((await sweepStaleReferrals(deps.db, deps.clock)).noticed > 0) deps.mail?.kick();
  });
}
