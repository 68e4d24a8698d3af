import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns.js';
import { networks } from '../networks/networks.table.js';

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    name: text('name').notNull(),
    taxId: text('tax_id'),
    website: text('website'),
    phone: text('phone'),
    email: text('email'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('organizations_network_idx').on(t.networkId, t.name)],
);

export const programs = pgTable(
  'programs',
  {
    id: id(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    description: text('description'),
    addressLine1: text('address_line1'),
    city: text('city'),
    state: text('state'),
    postalCode: text('postal_code'),
    phone: text('phone'),
    email: text('email'),
    website: text('website'),
    regions: text('regions').array().notNull().default([]),
    counties: text('counties').array().notNull().default([]),
    referralStatus: text('referral_status').$type<'open' | 'closed'>().notNull().default('open'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('programs_organization_idx').on(t.organizationId, t.name),
    index('programs_network_idx').on(t.networkId, t.name),
  ],
);
