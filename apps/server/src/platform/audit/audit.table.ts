import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id } from '../../db/columns.js';
import { networks } from '../../modules/networks/networks.table.js';

/** Append-only audit trail, one hash chain per network. UPDATE and DELETE are refused by a trigger. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actingProgramId: uuid('acting_program_id'),
    organizationId: uuid('organization_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    requestId: text('request_id'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_events_chain_key').on(t.networkId, t.seq),
    index('audit_events_entity_idx').on(t.networkId, t.entityType, t.entityId),
    index('audit_events_actor_idx').on(t.networkId, t.actorUserId),
  ],
);

/** The head of each network's chain; its row lock serializes writers of one network. */
export const auditChainHeads = pgTable('audit_chain_heads', {
  networkId: uuid('network_id')
    .primaryKey()
    .references(() => networks.id),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
