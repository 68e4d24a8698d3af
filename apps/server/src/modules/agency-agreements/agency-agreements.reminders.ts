import { AGREEMENT_REMINDER_DAYS } from '@portico/shared';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { systemTx } from '../../db/tx.js';
import type { Clock } from '../../platform/clock/clock.js';
import { DAY } from '../../platform/clock/clock.js';
import type { JobQueue } from '../../platform/jobs/queue.js';
import type { MailDelivery } from '../../platform/notify/mail.js';
import { queueMail } from '../../platform/notify/mail.js';
import { membersWithOrAdmins } from '../memberships/memberships.people.js';
import { notify } from '../notifications/notifications.service.js';
import { daysLeft, dueReminder, reminderDueOn } from './agency-agreements.rules.js';
import { agencyAgreementReminders as reminders } from './agency-agreements.table.js';

export const REMINDER_JOB = 'agency-agreement-reminders';

interface Candidate {
  signatureId: string;
  networkId: string;
  programId: string;
  programName: string;
  validUntil: Date;
  /** The network requires the agreement (MT-4 policy): lapsing takes the program out of the directory. */
  required: boolean;
}

/** Each program's LATEST signature that lapses within the first reminder window (a re-signed program's old one is never reminded). */
async function candidates(db: Db, now: Date): Promise<Candidate[]> {
  const windowEnd = new Date(now.getTime() + Math.max(...AGREEMENT_REMINDER_DAYS) * DAY);
  const rows = await queryRows<Candidate & { validUntil: Date | string }>(
    db,
    sql`SELECT latest.id AS "signatureId", latest.network_id AS "networkId", latest.program_id AS "programId",
          p.name AS "programName", latest.valid_until AS "validUntil",
          coalesce((n.policy->>'requiresAgencyAgreement')::boolean, false) AS "required"
        FROM (SELECT DISTINCT ON (program_id) id, network_id, program_id, valid_until
              FROM agency_agreement_signatures ORDER BY program_id, signed_at DESC, id DESC) latest
        JOIN programs p ON p.id = latest.program_id
        JOIN networks n ON n.id = latest.network_id
        WHERE latest.valid_until > ${now.toISOString()}::timestamptz
          AND latest.valid_until <= ${windowEnd.toISOString()}::timestamptz`,
  );
  return rows.map((r) => ({ ...r, validUntil: new Date(r.validUntil) }));
}

/** The program's gatekeepers (active members whose roles sign); if it has none, the network's administrators. */
/** The program's members who may sign it (MT-4), else the network's administrators. */
const recipientsOf = (tx: Tx, c: Candidate) => membersWithOrAdmins(tx, c.networkId, c.programId, 'agreements:sign');

/**
 * Sends one due reminder, exactly once: the INSERT of its row (unique per signature and threshold)
 * is the claim. A second worker's INSERT waits on the first's transaction and then gets no row, so
 * it sends nothing; the mails and notifications are written in the claiming transaction, so they
 * exist if and only if the reminder row does.
 */
async function remind(db: Db, c: Candidate, daysBefore: number, now: Date): Promise<boolean> {
  return systemTx(db, async (tx) => {
    const [claimed] = await tx
      .insert(reminders)
      .values({
        networkId: c.networkId,
        signatureId: c.signatureId,
        daysBefore,
        dueOn: reminderDueOn(c.validUntil, daysBefore),
      })
      .onConflictDoNothing({ target: [reminders.signatureId, reminders.daysBefore] })
      .returning({ id: reminders.id });
    if (!claimed) return false;
    const people = await recipientsOf(tx, c);
    const left = daysLeft(c.validUntil, now);
    const until = c.validUntil.toISOString().slice(0, 10);
    const title = `Agency agreement for ${c.programName} lapses in ${left} day${left === 1 ? '' : 's'}`;
    const body = `The agency agreement of ${c.programName} is valid until ${until}. ${
      c.required
        ? 'Sign it again before then, or the program leaves the directory and cannot receive referrals.'
        : 'Your network does not require it, but you may sign it again to keep it current.'
    }`;
    for (const person of people) {
      await queueMail(tx, {
        networkId: c.networkId,
        to: person.email,
        subject: title,
        text: `Hello ${person.name},\n\n${body}\n\nSign it on the Agency agreement page of the portal.\n`,
      });
      await notify(tx, {
        networkId: c.networkId,
        userId: person.id,
        kind: 'agency_agreement.reminder',
        title,
        body,
        link: '/agency-agreement',
      });
    }
    await tx.update(reminders).set({ recipients: people.length }).where(eq(reminders.id, claimed.id));
    return true;
  });
}

/** MT-4: one sweep over every network; safe to run any number of times, from any number of processes. */
export async function sweepReminders(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  let sent = 0;
  for (const c of await candidates(db, now)) {
    const daysBefore = dueReminder(c.validUntil, now);
    if (daysBefore !== null && (await remind(db, c, daysBefore, now))) sent++;
  }
  return sent;
}

/** Registers the reminder sweep with the job queue: hourly, and once at start. */
export function registerReminderJob(queue: JobQueue, deps: { db: Db; clock: Clock; mail?: MailDelivery }) {
  queue.recurring(REMINDER_JOB, '5 * * * *', async () => {
    if ((await sweepReminders(deps.db, deps.clock)) > 0) deps.mail?.kick();
  });
}
