import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns.js';
import { networks } from '../../modules/networks/networks.table.js';

/**
 * Every email, written in the transaction of the command that sends it, delivered after commit.
 * Without SMTP the body stays for a network administrator's "Sent mail" page (the demo's inbox);
 * with SMTP it is cleared once delivered, so links in it do not linger.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: id(),
    networkId: uuid('network_id').references(() => networks.id),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    body: text('body'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /** The last delivery error; the mail is tried again at each delivery round, up to MAX_ATTEMPTS. */
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('mail_outbox_network_idx').on(t.networkId, t.createdAt)],
);
