import { AGREEMENT_DUE_SOON_DAYS, type AgencyAgreementStatus, type RoleCode } from '@portico/shared';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { after } from '../../db/keyset.js';
import { DAY } from '../../platform/clock/clock.js';
import type { Scope } from '../../platform/tenancy/tenancy.js';
import { membershipIsActive } from '../identity/identity.repo.js';
import { users } from '../identity/identity.table.js';
import { memberships } from '../memberships/memberships.table.js';
import { programScope } from '../organizations/organizations.repo.js';
import { organizations, programs } from '../organizations/organizations.table.js';
import {
  agencyAgreementSignatures as signatures,
  agencyAgreementVersions as versions,
} from './agency-agreements.table.js';

const versionColumns = {
  id: versions.id,
  version: versions.version,
  text: versions.text,
  publishedAt: versions.publishedAt,
  publishedBy: users.name,
};

/** The network's versions, newest first; the first is the current one. */
export function listVersions(tx: Tx, networkId: string, limit = 100) {
  return tx
    .select(versionColumns)
    .from(versions)
    .leftJoin(users, eq(users.id, versions.publishedBy))
    .where(eq(versions.networkId, networkId))
    .orderBy(desc(versions.publishedAt), desc(versions.id))
    .limit(limit);
}

export const currentVersion = (tx: Tx, networkId: string) => listVersions(tx, networkId, 1).then((r) => r[0]);

export function versionByLabel(tx: Tx, networkId: string, version: string) {
  return tx
    .select({ id: versions.id })
    .from(versions)
    .where(and(eq(versions.networkId, networkId), eq(versions.version, version)))
    .then((r) => r[0]);
}

export function insertVersion(tx: Tx, row: typeof versions.$inferInsert) {
  return tx
    .insert(versions)
    .values(row)
    .returning({ id: versions.id })
    .then((r) => r[0]!);
}

/** A program of the scope (any of the network's for an administrator, the acting organization's otherwise). */
export function findProgram(tx: Tx, s: Scope, programId: string) {
  return tx
    .select({ id: programs.id, name: programs.name, organizationId: programs.organizationId })
    .from(programs)
    .where(and(eq(programs.id, programId), programScope(s)))
    .then((r) => r[0]);
}

/** The roles a user's active memberships give in one program. */
export async function activeRolesIn(tx: Tx, programId: string, userId: string): Promise<RoleCode[]> {
  const rows = await tx
    .select({ roles: memberships.roles })
    .from(memberships)
    .where(and(eq(memberships.programId, programId), eq(memberships.userId, userId), membershipIsActive));
  return rows.flatMap((r) => r.roles);
}

export function insertSignature(tx: Tx, row: typeof signatures.$inferInsert) {
  return tx
    .insert(signatures)
    .values(row)
    .returning({ id: signatures.id })
    .then((r) => r[0]!);
}

/** The directory's denormalized validity, moved in the signing transaction. */
export function setProgramValidity(tx: Tx, s: Scope, programId: string, validUntil: Date) {
  return tx
    .update(programs)
    .set({ agreementValidUntil: validUntil })
    .where(and(eq(programs.id, programId), eq(programs.networkId, s.networkId)));
}

export const rolesArray = (roles: readonly string[]) =>
  sql`ARRAY[${sql.join(
    roles.map((r) => sql`${r}`),
    sql`, `,
  )}]::text[]`;

export interface ProgramListFilter {
  /** Only programs where this user signs (gatekeeper); null for a network administrator's whole list. */
  signerUserId: string | null;
  signingRoles: readonly RoleCode[];
  status?: AgencyAgreementStatus | undefined;
  programId?: string | undefined;
}

/** Programs with their latest signature and status at `now`, by name; tenant scope inside the query. */
export function listProgramAgreements(
  tx: Tx,
  s: Scope,
  now: Date,
  f: ProgramListFilter,
  key: (string | number)[] | null,
  limit: number,
) {
  // The latest signature per program: an older one never decides the status (nor gets reminders).
  const latest = tx
    .selectDistinctOn([signatures.programId], {
      programId: signatures.programId,
      signedAt: signatures.signedAt,
      validUntil: signatures.validUntil,
      signerName: signatures.signerName,
      versionId: signatures.versionId,
    })
    .from(signatures)
    .where(eq(signatures.networkId, s.networkId))
    .orderBy(signatures.programId, desc(signatures.signedAt), desc(signatures.id))
    .as('latest');
  const at = sql`${now.toISOString()}::timestamptz`;
  const soon = sql`${new Date(now.getTime() + AGREEMENT_DUE_SOON_DAYS * DAY).toISOString()}::timestamptz`;
  const status: SQL<AgencyAgreementStatus> = sql`CASE
    WHEN ${latest.validUntil} IS NULL THEN 'unsigned'
    WHEN ${latest.validUntil} <= ${at} THEN 'lapsed'
    WHEN ${latest.validUntil} <= ${soon} THEN 'due_soon'
    ELSE 'valid' END`;
  const signs = f.signerUserId
    ? sql`EXISTS (SELECT 1 FROM ${memberships} WHERE ${memberships.programId} = ${programs.id}
        AND ${memberships.userId} = ${f.signerUserId} AND ${membershipIsActive}
        AND ${memberships.roles} && ${rolesArray(f.signingRoles)})`
    : undefined;
  return tx
    .select({
      programId: programs.id,
      programName: programs.name,
      organizationId: programs.organizationId,
      organizationName: organizations.name,
      status,
      validUntil: latest.validUntil,
      signedAt: latest.signedAt,
      signerName: latest.signerName,
      version: versions.version,
    })
    .from(programs)
    .innerJoin(organizations, eq(organizations.id, programs.organizationId))
    .leftJoin(latest, eq(latest.programId, programs.id))
    .leftJoin(versions, eq(versions.id, latest.versionId))
    .where(
      and(
        programScope(s),
        f.programId ? eq(programs.id, f.programId) : undefined,
        signs,
        f.status ? sql`(${status}) = ${f.status}` : undefined,
        after(key, programs.name, programs.id),
      ),
    )
    .orderBy(programs.name, programs.id)
    .limit(limit + 1);
}

/** Every signature of one program, newest first (the program's agreement history). */
export function listSignatures(tx: Tx, s: Scope, programId: string) {
  return tx
    .select({
      id: signatures.id,
      version: versions.version,
      signerName: signatures.signerName,
      signedAt: signatures.signedAt,
      validUntil: signatures.validUntil,
    })
    .from(signatures)
    .innerJoin(versions, eq(versions.id, signatures.versionId))
    .where(
      and(
        eq(signatures.programId, programId),
        eq(signatures.networkId, s.networkId),
        s.organizationId ? eq(signatures.organizationId, s.organizationId) : undefined,
      ),
    )
    .orderBy(desc(signatures.signedAt), desc(signatures.id));
}
