import { type Placeholder, sql } from 'drizzle-orm';
import {
  boolean,
  date,
  type ExtraConfigColumn,
  index,
  jsonb,
  type PgColumn,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns.js';
import { tenantColumns } from '../../platform/tenancy/tenant.columns.js';
import { clients } from '../clients/clients.table.js';
import { consents } from '../consents/consents.table.js';
import { users } from '../identity/identity.table.js';
import { intakeForms } from '../intake-forms/intake-forms.table.js';
import { networks } from '../networks/networks.table.js';
import { organizations, programs } from '../organizations/organizations.table.js';

/**
 * The order of the MT-14 lists: received by time sent, sent by time created, to the millisecond the keyset
 * cursor carries, in UTC (immutable, so indexed). The lists sort by exactly these expressions.
 */
export const listOrder = {
  received: (sentAt: ListOrderColumn, createdAt: ListOrderColumn) =>
    sql`date_trunc('milliseconds', timezone('UTC', coalesce(${sentAt}, ${createdAt})))`,
  sent: (createdAt: ListOrderColumn) => sql`date_trunc('milliseconds', timezone('UTC', ${createdAt}))`,
  /** An instant (ISO 8601) as these orders hold it, a UTC timestamp: for bounds and cursors compared to them. */
  instant: (iso: string | Placeholder) => sql`timezone('UTC', ${iso}::timestamptz)`,
};
type ListOrderColumn = PgColumn | ExtraConfigColumn;

/**
 * A closed-loop referral (MT-11..MT-16, ND-3). organization_id is the sender's; to_organization_id the
 * receiver's: row-level security lets both see it. State: draft → sent → assigned | refused → closed.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: id(),
    ...tenantColumns(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    consentId: uuid('consent_id')
      .notNull()
      .references(() => consents.id),
    fromProgramId: uuid('from_program_id')
      .notNull()
      .references(() => programs.id),
    toProgramId: uuid('to_program_id')
      .notNull()
      .references(() => programs.id),
    toOrganizationId: uuid('to_organization_id')
      .notNull()
      .references(() => organizations.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    state: text('state').notNull().default('draft'),
    /** What the client needs, in the sender's words (no medical records). */
    reason: text('reason'),
    /** The receiving program's extra intake answers (MT-11). */
    intake: jsonb('intake').$type<Record<string, unknown>>().notNull().default({}),
    /** The intake form version the draft was started with (null: the program asked for nothing more). */
    intakeFormId: uuid('intake_form_id').references(() => intakeForms.id),
    insuranceConfirmed: boolean('insurance_confirmed').notNull().default(false),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    assignedTo: uuid('assigned_to').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    /** First answer of the receiving program (assignment or refusal): MT-16 "acknowledged". */
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    refusalReason: text('refusal_reason'),
    refusalText: text('refusal_text'),
    serviceStatus: text('service_status'),
    serviceStatusAt: timestamp('service_status_at', { withTimezone: true }),
    serviceStatusBy: uuid('service_status_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Last step by anyone: MT-16 "no update for five business days" counts from here. */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    /** MT-16: when the stale referral was notified; once per quiet spell (a step after it makes a new spell). */
    staleNotifiedAt: timestamp('stale_notified_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // MT-11: one draft or active referral per client and program, even for two sends at once.
    uniqueIndex('referrals_one_open_idx')
      .on(t.clientId, t.toProgramId)
      .where(sql`state IN ('draft', 'sent', 'assigned')`),
    // MT-14 lists, newest first, keyset-paged: a page walks its program's index in order and stops. The
    // columns the filters and row-level security read ride along (and those of the order's expression: the
    // planner reads only an index holding them), so the walk reads the index only.
    index('referrals_received_idx').on(
      t.toProgramId,
      listOrder.received(t.sentAt, t.createdAt),
      t.id,
      t.state,
      t.networkId,
      t.organizationId,
      t.toOrganizationId,
      t.assignedTo,
      t.sentAt,
      t.createdAt,
      t.acknowledgedAt,
      t.serviceStatus,
      t.refusalReason,
      t.fromProgramId,
    ),
    index('referrals_sent_idx').on(
      t.fromProgramId,
      listOrder.sent(t.createdAt),
      t.id,
      t.state,
      t.networkId,
      t.organizationId,
      t.toOrganizationId,
      t.createdBy,
      t.createdAt,
    ),
    // MT-15 reports of the receiving program for a period, index only. sent_at leads after the program:
    // under row-level security the list order's expression (date_trunc, timezone: not leakproof) cannot
    // bound an index scan, so a year's report on referrals_received_idx read every year of the program.
    index('referrals_to_period_idx').on(
      t.toProgramId,
      t.sentAt,
      t.state,
      t.networkId,
      t.organizationId,
      t.toOrganizationId,
      t.fromProgramId,
      t.acknowledgedAt,
      t.serviceStatus,
      t.refusalReason,
    ),
    // MT-15 "referrals from agency": the sending program's referrals sent in a period, index only.
    index('referrals_from_period_idx').on(
      t.fromProgramId,
      t.sentAt,
      t.state,
      t.networkId,
      t.organizationId,
      t.toOrganizationId,
      t.toProgramId,
    ),
    index('referrals_assignee_idx').on(t.assignedTo, t.state),
    index('referrals_client_idx').on(t.clientId),
  ],
);

/** The timeline: every step of a referral, who took it and when (MT-12 audited steps). */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: id(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    programId: uuid('program_id').references(() => programs.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.at)],
);

/** MT-13 notes (a call log) and progress entries; a note is shared with the other program or kept internal. */
export const referralNotes = pgTable(
  'referral_notes',
  {
    id: id(),
    ...tenantColumns(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().default('note'),
    happenedOn: date('happened_on', { mode: 'string' }).notNull(),
    contactMethod: text('contact_method'),
    outcome: text('outcome'),
    text: text('text').notNull(),
    shared: boolean('shared').notNull().default(true),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('referral_notes_referral_idx').on(t.referralId, t.createdAt)],
);
