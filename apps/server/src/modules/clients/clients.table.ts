import { date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns.js';
import { tenantColumns } from '../../platform/tenancy/tenant.columns.js';
import { programs } from '../organizations/organizations.table.js';

/**
 * Clients (tenant table). The foundation holds the owning organization and the identifying fields;
 * the clients-and-consent issue adds search, duplicates and visibility through consent.
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
    phone: text('phone'),
    county: text('county'),
    postalCode: text('postal_code'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('clients_org_idx').on(t.organizationId, t.lastName)],
);
