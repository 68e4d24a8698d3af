import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns.js';
import { networks } from '../networks/networks.table.js';
import { programs } from '../organizations/organizations.table.js';

export type SessionStage = 'password_change' | 'second_factor' | 'second_factor_enrolment';

export const users = pgTable(
  'users',
  {
    id: id(),
    /** The sign-in name; stored as typed, unique case-insensitively. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash'),
    status: text('status').$type<'active' | 'disabled'>().notNull().default('active'),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    /** MT-1/NCC-1: a temporary password must be changed before anything else. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    /** NCC-1: locked after too many failures; cleared by an administrator or the lockout window. */
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    /** NCC-1: suspended after the inactivity limit; cleared by an administrator. */
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    /** Last sign-in or reactivation: inactivity (NCC-1) counts from here. */
    lastActiveAt: timestamp('last_active_at', { withTimezone: true }).notNull().defaultNow(),
    /** NCC-1: 6-digit passcode, argon2id-hashed. */
    passcodeHash: text('passcode_hash'),
    /** Authenticator app secret (base32) and when enrolment was confirmed. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The 30-second step of the last code accepted: a code is good once (RFC 6238 §5.2). */
    totpLastStep: integer('totp_last_step'),
    /** Hashes of the unused single-use recovery codes. */
    recoveryCodeHashes: text('recovery_code_hashes').array().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a stolen database copy holds no usable session. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    programId: uuid('program_id').references(() => programs.id),
    /** A step still owed before the session grants anything: password_change, second_factor, … */
    stage: text('stage').$type<SessionStage>(),
    /** The network policy's idle timeout when the session began (automatic logoff). */
    idleMinutes: integer('idle_minutes').notNull().default(15),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Single-use links sent by email: invitations (72 h) and password resets (30 min). Only hashes are kept. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').$type<'invite' | 'reset'>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('auth_tokens_user_idx').on(t.userId)],
);

/** MT-3: who signed which version of their network's user agreement, and when. */
export const agreementSignatures = pgTable(
  'agreement_signatures',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    version: text('version').notNull(),
    typedName: text('typed_name').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('agreement_signatures_user_idx').on(t.userId, t.networkId, t.signedAt)],
);
