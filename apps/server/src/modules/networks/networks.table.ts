import type { NetworkPolicy, PresetCode } from '@portico/shared';
import { boolean, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns.js';

export const networks = pgTable('networks', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  preset: text('preset').$type<PresetCode>().notNull(),
  policy: jsonb('policy').$type<NetworkPolicy>().notNull(),
  directoryPublic: boolean('directory_public').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
