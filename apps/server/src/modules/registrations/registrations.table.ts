import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns.js';
import { users } from '../identity/identity.table.js';
import { networks } from '../networks/networks.table.js';
import { organizations } from '../organizations/organizations.table.js';

export type RegistrationStatus = 'pending' | 'approved' | 'declined';

/** CS-1: a provider organization's application to join a network, verified by a network administrator. */
export const registrations = pgTable(
  'registrations',
  {
    id: id(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    legalName: text('legal_name').notNull(),
    /** Nine digits, stored without the hyphen. */
    taxId: text('tax_id').notNull(),
    providerId: text('provider_id').notNull(),
    /** ZIP+4 as 12345-6789. */
    zip: text('zip').notNull(),
    programName: text('program_name').notNull(),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    status: text('status').$type<RegistrationStatus>().notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
    organizationId: uuid('organization_id').references(() => organizations.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('registrations_network_idx').on(t.networkId, t.status, t.createdAt),
    /** A tax ID has at most one open application per network. */
    uniqueIndex('registrations_pending_tax_id_idx').on(t.networkId, t.taxId).where(sql`status = 'pending'`),
  ],
);
