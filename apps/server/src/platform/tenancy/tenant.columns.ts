import { uuid } from 'drizzle-orm/pg-core';
import { networks } from '../../modules/networks/networks.table.js';
import { organizations } from '../../modules/organizations/organizations.table.js';

/** The two columns every tenant table carries; row-level security policies key on them. */
export const tenantColumns = () => ({
  networkId: uuid('network_id')
    .notNull()
    .references(() => networks.id),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id),
});
