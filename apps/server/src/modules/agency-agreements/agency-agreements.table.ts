import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns.js';
import { tenantColumns } from '../../platform/tenancy/tenant.columns.js';
import { users } from '../identity/identity.table.js';
import { networks } from '../networks/networks.table.js';
import { programs } from '../organizations/organizations.table.js';

/** MT-4: the network's agency agreement text, one row per published version. */
export const agencyAgreementVersions = pgTable(
  'agency_agreement_versions',
  {
    id: id(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    version: text('version').notNull(),
    text: text('text').notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agency_agreement_versions_idx').on(t.networkId, t.version)],
);

/** A gatekeeper's signature for one program (tenant table); valid 12 months from signing. */
export const agencyAgreementSignatures = pgTable(
  'agency_agreement_signatures',
  {
    id: id(),
    ...tenantColumns(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => agencyAgreementVersions.id),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
    /** The name the gatekeeper typed. */
    signerName: text('signer_name').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
  },
  (t) => [index('agency_agreement_signatures_program_idx').on(t.programId, t.signedAt)],
);

/**
 * One row per reminder sent (30, 7 and 1 days before a signature lapses). The unique key makes
 * sending exactly-once: whichever worker inserts the row sends, in the same transaction.
 */
export const agencyAgreementReminders = pgTable(
  'agency_agreement_reminders',
  {
    id: id(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    signatureId: uuid('signature_id')
      .notNull()
      .references(() => agencyAgreementSignatures.id),
    daysBefore: integer('days_before').notNull(),
    dueOn: date('due_on').notNull(),
    recipients: integer('recipients').notNull().default(0),
    sentAt: createdAt(),
  },
  (t) => [uniqueIndex('agency_agreement_reminders_once_idx').on(t.signatureId, t.daysBefore)],
);
