import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    description: text('description'),
    /** NCC-5 organisation details (Norfolk form): three address lines, town, county, postcode, country. */
    addressLine1: text('address_line1'),
    addressLine2: text('address_line2'),
    addressLine3: text('address_line3'),
    town: text('town'),
    county: text('county'),
    postcode: text('postcode'),
    country: text('country'),
    mobile: text('mobile'),
    fax: text('fax'),
    /** CS-1 provider ID given at self-registration. */
    providerId: text('provider_id'),
    /** Open Referral HSDS id: re-import updates in place by it. */
    hsdsId: text('hsds_id'),
    /** HSDS fields Portico does not model, kept so an export gives back what was imported. */
    hsdsExtra: jsonb('hsds_extra').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('organizations_network_idx').on(t.networkId, t.name),
    uniqueIndex('organizations_hsds_idx').on(t.networkId, t.hsdsId).where(sql`hsds_id IS NOT NULL`),
    /** CS-1: one organization per tax ID in a network. */
    uniqueIndex('organizations_tax_id_idx').on(t.networkId, t.taxId).where(sql`tax_id IS NOT NULL`),
  ],
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
    addressLine2: text('address_line2'),
    /** Taxonomy term ids of the services offered (directory search, HSDS service_taxonomy). */
    serviceTermIds: uuid('service_term_ids').array().notNull().default([]),
    /** Serves by telemedicine: then it also matches every county in telemedicineCounties (all, when empty). */
    telemedicine: boolean('telemedicine').notNull().default(false),
    telemedicineCounties: text('telemedicine_counties').array().notNull().default([]),
    /** Insurance codes accepted (packages/shared INSURANCE), `none_required` for free or sliding scale. */
    insurance: text('insurance').array().notNull().default([]),
    /** ISO 639 language codes or names as published. */
    languages: text('languages').array().notNull().default([]),
    eligibility: text('eligibility'),
    hours: text('hours'),
    /** MT-4: until when the program's agency agreement is valid; kept here so search needs no join. */
    agreementValidUntil: timestamp('agreement_valid_until', { withTimezone: true }),
    hsdsId: text('hsds_id'),
    hsdsExtra: jsonb('hsds_extra').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('programs_organization_idx').on(t.organizationId, t.name),
    index('programs_network_idx').on(t.networkId, t.name),
    uniqueIndex('programs_hsds_idx').on(t.networkId, t.hsdsId).where(sql`hsds_id IS NOT NULL`),
    index('programs_counties_idx').using('gin', t.counties),
    index('programs_regions_idx').using('gin', t.regions),
    index('programs_services_idx').using('gin', t.serviceTermIds),
    index('programs_insurance_idx').using('gin', t.insurance),
  ],
);
