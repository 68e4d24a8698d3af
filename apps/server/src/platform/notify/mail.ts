import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db, Tx } from '../../db/client.js';
import { systemTx } from '../../db/tx.js';
import { mailOutbox } from './mail.table.js';

export interface Mail {
  networkId: string | null;
  to: string;
  subject: string;
  text: string;
}

/** Queues an email inside the caller's transaction: it leaves only if the command commits. */
export async function queueMail(tx: Tx, mail: Mail): Promise<void> {
  await tx
    .insert(mailOutbox)
    .values({ networkId: mail.networkId, to: mail.to, subject: mail.subject, body: mail.text });
}

const BATCH = 20;
/** About 5 minutes of rounds 30 s apart; after that the error stays on the Sent mail page. */
export const MAX_ATTEMPTS = 10;

/**
 * Delivers queued mail after commit: through SMTP when `SMTP_URL` is set (the body is then cleared),
 * otherwise it is marked delivered to the outbox, where the "Sent mail" page shows it.
 * Rows are claimed with SKIP LOCKED, so two server processes never send one mail twice.
 */
export class MailDelivery {
  private transport: Transporter | undefined;
  private running: Promise<number> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: { smtpUrl: string | undefined; from: string },
    private readonly log?: FastifyBaseLogger,
  ) {
    if (options.smtpUrl) this.transport = nodemailer.createTransport(options.smtpUrl);
  }

  get usesSmtp(): boolean {
    return Boolean(this.transport);
  }

  /** Delivers what is pending now; resolves to the number of mails handled. */
  deliverPending(): Promise<number> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Starts delivery soon without waiting for it (request handlers answer first). */
  kick(): void {
    setImmediate(() => void this.deliverPending().catch((err) => this.log?.error({ err }, 'mail delivery failed')));
  }

  /** Delivers, and retries what failed to send, every `ms`. */
  start(ms = 30_000): void {
    this.timer = setInterval(() => this.kick(), ms);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.transport?.close();
  }

  private async run(): Promise<number> {
    let handled = 0;
    // Each round tries a mail at most once: what failed waits for the next round (every 30 s).
    const roundStart = new Date();
    for (;;) {
      const n = await systemTx(this.db, async (tx) => {
        const rows = await tx
          .select()
          .from(mailOutbox)
          .where(
            and(
              isNull(mailOutbox.deliveredAt),
              lt(mailOutbox.attempts, MAX_ATTEMPTS),
              or(isNull(mailOutbox.lastAttemptAt), lt(mailOutbox.lastAttemptAt, roundStart)),
            ),
          )
          .orderBy(asc(mailOutbox.createdAt))
          .limit(BATCH)
          .for('update', { skipLocked: true });
        for (const row of rows) {
          try {
            if (this.transport) {
              await this.transport.sendMail({
                from: this.options.from,
                to: row.to,
                subject: row.subject,
                text: row.body ?? '',
              });
            }
            await tx
              .update(mailOutbox)
              .set({ deliveredAt: sql`now()`, error: null, ...(this.transport ? { body: null } : {}) })
              .where(eq(mailOutbox.id, row.id));
          } catch (err) {
            this.log?.error({ err, mailId: row.id }, 'SMTP delivery failed');
            await tx
              .update(mailOutbox)
              .set({
                error: String((err as Error).message).slice(0, 500),
                attempts: row.attempts + 1,
                lastAttemptAt: new Date(),
              })
              .where(eq(mailOutbox.id, row.id));
          }
        }
        return rows.length;
      });
      handled += n;
      if (n < BATCH) return handled;
    }
  }
}
