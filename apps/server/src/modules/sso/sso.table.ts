import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from '../../db/columns.js';
import { networks } from '../networks/networks.table.js';

/**
 * ND-9: a network's OpenID Connect provider. Holds the client secret, so only system
 * transactions (the table owner) touch it: tenant transactions have no grant (migration sso_rls).
 */
export const networkSso = pgTable('network_sso', {
  networkId: uuid('network_id')
    .primaryKey()
    .references(() => networks.id),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  /** Null: a public client that proves itself with PKCE only. */
  clientSecret: text('client_secret'),
  enabled: boolean('enabled').notNull().default(false),
  /** The button's words on the sign-in page, e.g. "ND Login". */
  displayName: text('display_name').notNull(),
  updatedAt: updatedAt(),
});

/**
 * A sign-in between /start and /callback: single use, 10 minutes. State and nonce are kept as
 * hashes (the browser holds them in a cookie); the PKCE verifier is useless without the code.
 */
export const ssoLogins = pgTable(
  'sso_logins',
  {
    stateHash: text('state_hash').primaryKey(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    nonceHash: text('nonce_hash').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sso_logins_expires_idx').on(t.expiresAt)],
);
