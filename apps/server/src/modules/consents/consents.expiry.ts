import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { systemTx } from '../../db/tx.js';
import { recordAudit, systemAuditContext } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock/clock.js';
import { DAY } from '../../platform/clock/clock.js';
import type { JobQueue } from '../../platform/jobs/queue.js';
import type { MailDelivery } from '../../platform/notify/mail.js';
import { queueMail } from '../../platform/notify/mail.js';
import { membersWithOrAdmins } from '../memberships/memberships.people.js';
import { notify } from '../notifications/notifications.service.js';
import { programs } from '../organizations/organizations.table.js';
import { EXPIRY_NOTICE_DAYS } from './consents.rules.js';
import { consents } from './consents.table.js';

export const CONSENT_EXPIRY_JOB = 'consent-expiry';

/** Marks every signed consent past its year as expired (visibility and referrals already stopped at that moment). */
async function expire(db: Db, now: Date): Promise<number> {
  return systemTx(db, async (tx) => {
    const rows = await tx
      .update(consents)
      .set({ status: 'expired', updatedAt: now })
      .where(and(eq(consents.status, 'signed'), lte(consents.expiresAt, now)))
      .returning({ id: consents.id, networkId: consents.networkId });
    for (const r of rows) {
      await recordAudit(tx, systemAuditContext(r.networkId), {
        action: 'consent.expire',
        entityType: 'consent',
        entityId: r.id,
      });
    }
    return rows.length;
  });
}

/**
 * MT-10: the creating program hears once, 30 days before, that a consent runs out. Setting
 * expiry_notice_at only where it is still NULL is the claim: a second worker claims nothing and sends nothing.
 */
async function noticeOne(db: Db, consentId: string, now: Date): Promise<boolean> {
  return systemTx(db, async (tx) => {
    const [claimed] = await tx
      .update(consents)
      .set({ expiryNoticeAt: now })
      .where(and(eq(consents.id, consentId), isNull(consents.expiryNoticeAt), eq(consents.status, 'signed')))
      .returning();
    if (!claimed?.expiresAt) return false;
    const [program] = await tx
      .select({ name: programs.name })
      .from(programs)
      .where(eq(programs.id, claimed.createdByProgramId));
    // The roles that may collect a new consent; a program with none left: its network's administrators.
    const people = await membersWithOrAdmins(tx, claimed.networkId, claimed.createdByProgramId, 'consents:write');
    const until = claimed.expiresAt.toISOString().slice(0, 10);
    const title = `A client's consent expires on ${until}`;
    const body = `A release of information started by ${program?.name ?? 'your program'} is valid until ${until}. Ask the client to sign a new one before then to keep referrals going.`;
    for (const person of people) {
      await queueMail(tx, {
        networkId: claimed.networkId,
        to: person.email,
        subject: title,
        text: `Hello ${person.name},\n\n${body}\n\nOpen it in the portal: /consents/${claimed.id}\n`,
      });
      await notify(tx, {
        networkId: claimed.networkId,
        userId: person.id,
        kind: 'consent.expiring',
        title,
        body,
        link: `/consents/${claimed.id}`,
      });
    }
    await recordAudit(tx, systemAuditContext(claimed.networkId), {
      action: 'consent.expiry_notice',
      entityType: 'consent',
      entityId: claimed.id,
      details: { recipients: people.length },
    });
    return true;
  });
}

/** The nightly sweep: expire, then notify; safe to run any number of times from any number of processes. */
export async function sweepConsents(db: Db, clock: Clock): Promise<{ expired: number; noticed: number }> {
  const now = clock.now();
  const expired = await expire(db, now);
  const due = await systemTx(db, (tx) =>
    tx
      .select({ id: consents.id })
      .from(consents)
      .where(
        and(
          eq(consents.status, 'signed'),
          isNull(consents.expiryNoticeAt),
          gt(consents.expiresAt, now),
          lte(consents.expiresAt, new Date(now.getTime() + EXPIRY_NOTICE_DAYS * DAY)),
        ),
      ),
  );
  let noticed = 0;
  for (const c of due) if (await noticeOne(db, c.id, now)) noticed++;
  return { expired, noticed };
}

/** Nightly at 02:15, and once when the queue starts. */
export function registerConsentExpiryJob(queue: JobQueue, deps: { db: Db; clock: Clock; mail?: MailDelivery }) {
  queue.recurring(CONSENT_EXPIRY_JOB, '15 2 * * *', async () => {
    if ((await sweepConsents(deps.db, deps.clock)).noticed > 0) deps.mail?.kick();
  });
}
