import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns.js';
import { tenantColumns } from '../../platform/tenancy/tenant.columns.js';
import { clients } from '../clients/clients.table.js';
import { users } from '../identity/identity.table.js';
import { networks } from '../networks/networks.table.js';
import { organizations, programs } from '../organizations/organizations.table.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * A release of information (MT-9, MT-10): a client's consent naming receiving programs, valid one
 * year from signature. Status: pending → (paper: awaiting_upload →) signed → revoked | expired.
 */
export const consents = pgTable(
  'consents',
  {
    id: id(),
    ...tenantColumns(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    createdByProgramId: uuid('created_by_program_id')
      .notNull()
      .references(() => programs.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    status: text('status').notNull().default('pending'),
    infoTypes: text('info_types').array().notNull().default(sql`'{}'::text[]`),
    /** Sensitive categories ticked explicitly and separately (HIV/STI, substance use, ...). */
    sensitiveTypes: text('sensitive_types').array().notNull().default(sql`'{}'::text[]`),
    authorizerKind: text('authorizer_kind').notNull(),
    authorizerName: text('authorizer_name').notNull(),
    authorizerRelationship: text('authorizer_relationship'),
    method: text('method'),
    signerName: text('signer_name'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revokeReason: text('revoke_reason'),
    expiryNoticeAt: timestamp('expiry_notice_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('consents_client_idx').on(t.clientId, t.createdAt),
    index('consents_expiry_idx').on(t.status, t.expiresAt),
  ],
);

/** The programs a consent names; all of them see each other on it (MT-9). */
export const consentPrograms = pgTable(
  'consent_programs',
  {
    consentId: uuid('consent_id')
      .notNull()
      .references(() => consents.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
  },
  (t) => [
    primaryKey({ columns: [t.consentId, t.programId] }),
    index('consent_programs_program_idx').on(t.programId),
    index('consent_programs_org_idx').on(t.organizationId),
  ],
);

/** MT-10 text-message signature: the client replies YES, gets a 6-digit code valid 12 hours. */
export const consentSmsChallenges = pgTable('consent_sms_challenges', {
  consentId: uuid('consent_id')
    .primaryKey()
    .references(() => consents.id, { onDelete: 'cascade' }),
  ...tenantColumns(),
  phone: text('phone').notNull(),
  /** awaiting_reply → code_sent → verified | locked */
  state: text('state').notNull().default('awaiting_reply'),
  codeHash: text('code_hash'),
  codeExpiresAt: timestamp('code_expires_at', { withTimezone: true }),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  codesSent: integer('codes_sent').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** MT-10 upload: the scanned signed form, a PDF checked by content, kept with its SHA-256. */
export const consentDocuments = pgTable('consent_documents', {
  consentId: uuid('consent_id')
    .primaryKey()
    .references(() => consents.id, { onDelete: 'cascade' }),
  ...tenantColumns(),
  fileName: text('file_name').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by')
    .notNull()
    .references(() => users.id),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every text message in and out, whichever gateway carried it (the simulator's phone reads these). */
export const smsMessages = pgTable(
  'sms_messages',
  {
    id: id(),
    networkId: uuid('network_id').references(() => networks.id),
    direction: text('direction').notNull(),
    toNumber: text('to_number').notNull(),
    fromNumber: text('from_number').notNull(),
    body: text('body').notNull(),
    providerId: text('provider_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('sms_messages_to_idx').on(t.toNumber, t.createdAt),
    uniqueIndex('sms_messages_provider_idx').on(t.providerId),
  ],
);
