import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns.js';
import { tenantColumns } from '../../platform/tenancy/tenant.columns.js';
import { users } from '../identity/identity.table.js';
import { programs } from '../organizations/organizations.table.js';

export type ChangeRequestKind =
  | 'organization_details'
  | 'service_details'
  | 'contact_create'
  | 'contact_update'
  | 'contact_removal';
export type ChangeRequestStatus = 'pending' | 'accepted' | 'rejected' | 'withdrawn';

/** NCC-5: a provider's proposed change to its organization, a service (program) or a contact (tenant table). */
export const changeRequests = pgTable(
  'change_requests',
  {
    id: id(),
    ...tenantColumns(),
    /** The program (service) concerned, for service details and contacts. */
    programId: uuid('program_id').references(() => programs.id),
    kind: text('kind').$type<ChangeRequestKind>().notNull(),
    /** The record changed: organization, program or membership id (NULL for a new contact). */
    targetId: uuid('target_id'),
    /** The proposed values, validated when requested and applied as they are when accepted. */
    proposed: jsonb('proposed').$type<Record<string, unknown>>().notNull(),
    /** The values the requester saw, so the reviewer sees what changes. */
    current: jsonb('current').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status').$type<ChangeRequestStatus>().notNull().default('pending'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: createdAt(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
  },
  (t) => [
    index('change_requests_org_idx').on(t.organizationId, t.requestedAt),
    index('change_requests_network_idx').on(t.networkId, t.status, t.requestedAt),
  ],
);
