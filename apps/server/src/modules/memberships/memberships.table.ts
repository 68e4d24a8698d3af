import type { ContactDetails, RoleCode } from '@portico/shared';
import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns.js';
import { tenantColumns } from '../../platform/tenancy/tenant.columns.js';
import { users } from '../identity/identity.table.js';
import { programs } from '../organizations/organizations.table.js';

/** A user's roles in one program between two dates (tenant table: row-level security by organization). */
export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    ...tenantColumns(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    roles: text('roles').array().$type<RoleCode[]>().notNull(),
    regions: text('regions').array().notNull().default([]),
    title: text('title'),
    /** NCC-5 contact form: title, forename, surname, address, phones, emails (the Norfolk fields). */
    contact: jsonb('contact').$type<ContactDetails>(),
    beginsOn: date('begins_on').notNull().defaultNow(),
    /** From this moment the membership grants nothing (ND-2). */
    endsAt: timestamp('ends_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('memberships_user_idx').on(t.userId),
    index('memberships_program_idx').on(t.programId),
    index('memberships_org_idx').on(t.organizationId),
  ],
);
