import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns.js';
import { users } from '../identity/identity.table.js';
import { networks } from '../networks/networks.table.js';

/**
 * Service taxonomies. Portico ships Open Eligibility (two levels, network_id NULL, for every network);
 * an HSDS import may bring a network's own taxonomy.
 */
export const taxonomies = pgTable('taxonomies', {
  id: id(),
  /** NULL: shipped with Portico and shared by every network. */
  networkId: uuid('network_id').references(() => networks.id),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  uri: text('uri'),
  version: text('version'),
  createdAt: createdAt(),
});

export const taxonomyTerms = pgTable(
  'taxonomy_terms',
  {
    id: id(),
    taxonomyId: uuid('taxonomy_id')
      .notNull()
      .references(() => taxonomies.id),
    networkId: uuid('network_id').references(() => networks.id),
    /** Stable code within the taxonomy, e.g. `food` or `food.food-pantry`. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    parentId: uuid('parent_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('taxonomy_terms_code_idx').on(t.taxonomyId, t.code),
    index('taxonomy_terms_parent_idx').on(t.parentId),
  ],
);

export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** One HSDS import run: progress for the page, and the report of bad records by record and field. */
export const directoryImports = pgTable(
  'directory_imports',
  {
    id: id(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    createdBy: uuid('created_by').references(() => users.id),
    fileName: text('file_name').notNull(),
    status: text('status').$type<ImportStatus>().notNull().default('queued'),
    total: integer('total').notNull().default(0),
    done: integer('done').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    errors: jsonb('errors').$type<{ record: string; field: string; message: string }[]>().notNull().default([]),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('directory_imports_network_idx').on(t.networkId, t.createdAt)],
);
