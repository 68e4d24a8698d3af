import { sql } from 'drizzle-orm';
import { boolean, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns.js';
import { tenantColumns } from '../../platform/tenancy/tenant.columns.js';
import { users } from '../identity/identity.table.js';
import { networks } from '../networks/networks.table.js';
import { programs } from '../organizations/organizations.table.js';

/**
 * Clients (tenant table, MT-8, CI-1). A program sees a client it created, or one whose valid consent
 * names it; the row-level policy applies the same rule per organization (migration 0011).
 */
export const clients = pgTable(
  'clients',
  {
    id: id(),
    ...tenantColumns(),
    createdByProgramId: uuid('created_by_program_id')
      .notNull()
      .references(() => programs.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    birthDate: date('birth_date').notNull(),
    genderIdentity: text('gender_identity'),
    race: text('race').array().notNull().default(sql`'{}'::text[]`),
    militaryService: text('military_service'),
    /** E.164 (+14065550123); null with noPhone when the client has none. */
    phone: text('phone'),
    noPhone: boolean('no_phone').notNull().default(false),
    addressLine: text('address_line'),
    city: text('city'),
    state: text('state'),
    county: text('county'),
    postalCode: text('postal_code'),
    /** MT-8's homeless placeholder, stored as a fact rather than a fake street. */
    noFixedAddress: boolean('no_fixed_address').notNull().default(false),
    /** CI-1: health-plan coverage. */
    memberId: text('member_id'),
    coverageStart: date('coverage_start'),
    coverageEnd: date('coverage_end'),
    coverageType: text('coverage_type'),
    coverageStatus: text('coverage_status'),
    product: text('product'),
    /** Phonetic keys of the names (nicknames folded), for the duplicate check's blocking. */
    nameKeys: text('name_keys').array().notNull().default(sql`'{}'::text[]`),
    mergedIntoId: uuid('merged_into_id'),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('clients_org_idx').on(t.organizationId, t.lastName),
    index('clients_birth_idx').on(t.networkId, t.birthDate),
    index('clients_phone_idx').on(t.networkId, t.phone),
    index('clients_member_idx').on(t.networkId, t.memberId),
    index('clients_program_idx').on(t.createdByProgramId),
    index('clients_name_keys_idx').using('gin', t.nameKeys),
    index('clients_merged_idx').on(t.mergedIntoId),
  ],
);

/** A network administrator's merge: what moved to the survivor, so it can be undone within 30 days. */
export const clientMerges = pgTable(
  'client_merges',
  {
    id: id(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    survivorId: uuid('survivor_id')
      .notNull()
      .references(() => clients.id),
    mergedId: uuid('merged_id')
      .notNull()
      .references(() => clients.id),
    /** Ids of the rows moved, per table: { consents: [...] }. */
    moved: jsonb('moved').$type<Record<string, string[]>>().notNull(),
    mergedBy: uuid('merged_by')
      .notNull()
      .references(() => users.id),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull().defaultNow(),
    undoneBy: uuid('undone_by').references(() => users.id),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [index('client_merges_network_idx').on(t.networkId, t.mergedAt)],
);

/**
 * MT-7: a program asked about a person it may not see ("known to another program") and the client's
 * own phone or address matched, or did not. Rows rate-limit the asking; a match lets that program
 * start a consent for the existing record.
 */
export const clientConfirmations = pgTable(
  'client_confirmations',
  {
    id: id(),
    ...tenantColumns(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** What was compared: phone or address. */
    field: text('field').notNull(),
    matched: boolean('matched').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('client_confirmations_user_idx').on(t.userId, t.createdAt),
    index('client_confirmations_client_idx').on(t.clientId, t.programId, t.createdAt),
  ],
);
