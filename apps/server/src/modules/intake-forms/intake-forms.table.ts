import type { IntakeField } from '@portico/shared';
import { integer, jsonb, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns.js';
import { tenantColumns } from '../../platform/tenancy/tenant.columns.js';
import { users } from '../identity/identity.table.js';
import { programs } from '../organizations/organizations.table.js';

/**
 * MT-11: one saved version of a program's intake sections. Versions are never changed: saving makes the
 * next one, and a referral keeps the id of the version it was started with. Everyone in the network reads
 * them (a sender fills another program's form); the program's organization writes them.
 */
export const intakeForms = pgTable(
  'intake_forms',
  {
    id: id(),
    ...tenantColumns(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    version: integer('version').notNull(),
    fields: jsonb('fields').$type<IntakeField[]>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('intake_forms_program_version_idx').on(t.programId, t.version)],
);
