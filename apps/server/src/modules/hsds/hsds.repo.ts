import { and, asc, count, desc, eq, gte, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { contains } from '../../db/keyset.js';
import { visibleToNetwork } from '../directory/directory.repo.js';
import { directoryImports, taxonomies, taxonomyTerms } from '../directory/directory.table.js';
import { networks } from '../networks/networks.table.js';
import { organizations, programs } from '../organizations/organizations.table.js';

/**
 * Every query names the network: imports, exports and the public feed run as the table owner
 * (there is no actor, or the actor is the network's administrator), so this filter is the tenant line.
 */
type Q = Db | Tx;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

/** A network by slug (preset code for the demo networks) or id. */
export function findNetwork(db: Q, slugOrId: string) {
  return db
    .select()
    .from(networks)
    .where(isUuid(slugOrId) ? or(eq(networks.slug, slugOrId), eq(networks.id, slugOrId)) : eq(networks.slug, slugOrId))
    .then((r) => r[0]);
}

export type OrganizationRow = typeof organizations.$inferSelect;
export type ProgramRow = typeof programs.$inferSelect;

export function organizationsByHsdsId(tx: Q, networkId: string, hsdsIds: string[]) {
  if (!hsdsIds.length) return Promise.resolve([] as OrganizationRow[]);
  return tx
    .select()
    .from(organizations)
    .where(and(eq(organizations.networkId, networkId), inArray(organizations.hsdsId, hsdsIds)));
}

export function programsByHsdsId(tx: Q, networkId: string, hsdsIds: string[]) {
  if (!hsdsIds.length) return Promise.resolve([] as ProgramRow[]);
  return tx
    .select()
    .from(programs)
    .where(and(eq(programs.networkId, networkId), inArray(programs.hsdsId, hsdsIds)));
}

export const insertOrganization = (tx: Tx, row: typeof organizations.$inferInsert) =>
  tx
    .insert(organizations)
    .values(row)
    .returning()
    .then((r) => r[0]!);
export const updateOrganization = (tx: Tx, networkId: string, id: string, set: Partial<OrganizationRow>) =>
  tx
    .update(organizations)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(organizations.networkId, networkId), eq(organizations.id, id)));
export const insertProgram = (tx: Tx, row: typeof programs.$inferInsert) => tx.insert(programs).values(row);
export const updateProgram = (tx: Tx, networkId: string, id: string, set: Partial<ProgramRow>) =>
  tx
    .update(programs)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(programs.networkId, networkId), eq(programs.id, id)));

export const visibleTaxonomies = (db: Q, networkId: string) =>
  db
    .select()
    .from(taxonomies)
    .where(visibleToNetwork(networkId, taxonomies.networkId))
    .orderBy(asc(taxonomies.name), asc(taxonomies.id));
export const visibleTerms = (db: Q, networkId: string) =>
  db
    .select({
      id: taxonomyTerms.id,
      taxonomyId: taxonomyTerms.taxonomyId,
      networkId: taxonomyTerms.networkId,
      code: taxonomyTerms.code,
      name: taxonomyTerms.name,
      description: taxonomyTerms.description,
      parentId: taxonomyTerms.parentId,
      taxonomyName: taxonomies.name,
    })
    .from(taxonomyTerms)
    .innerJoin(taxonomies, eq(taxonomies.id, taxonomyTerms.taxonomyId))
    .where(visibleToNetwork(networkId, taxonomyTerms.networkId))
    .orderBy(asc(taxonomyTerms.code), asc(taxonomyTerms.id));
export type TermRow = Awaited<ReturnType<typeof visibleTerms>>[number];

export const insertTaxonomy = (tx: Tx, row: typeof taxonomies.$inferInsert) => tx.insert(taxonomies).values(row);
export const updateTaxonomy = (tx: Tx, networkId: string, id: string, set: Partial<typeof taxonomies.$inferInsert>) =>
  tx
    .update(taxonomies)
    .set(set)
    .where(and(eq(taxonomies.networkId, networkId), eq(taxonomies.id, id)));
export const insertTerm = (tx: Tx, row: typeof taxonomyTerms.$inferInsert) => tx.insert(taxonomyTerms).values(row);
export const updateTerm = (tx: Tx, networkId: string, id: string, set: Partial<typeof taxonomyTerms.$inferInsert>) =>
  tx
    .update(taxonomyTerms)
    .set(set)
    .where(and(eq(taxonomyTerms.networkId, networkId), eq(taxonomyTerms.id, id)));

// ---- import runs ----
export type ImportRow = typeof directoryImports.$inferSelect;
export const insertImport = (db: Q, row: typeof directoryImports.$inferInsert) =>
  db
    .insert(directoryImports)
    .values(row)
    .returning()
    .then((r) => r[0]!);
export const updateImport = (db: Q, id: string, set: Partial<ImportRow>) =>
  db.update(directoryImports).set(set).where(eq(directoryImports.id, id));
export const findImport = (db: Q, networkId: string, id: string) =>
  db
    .select()
    .from(directoryImports)
    .where(and(eq(directoryImports.networkId, networkId), eq(directoryImports.id, id)))
    .then((r) => r[0]);
export const listImports = (db: Q, networkId: string, limit: number) =>
  db
    .select()
    .from(directoryImports)
    .where(eq(directoryImports.networkId, networkId))
    .orderBy(desc(directoryImports.createdAt), desc(directoryImports.id))
    .limit(limit);

// ---- the feed and the export ----
export interface ProgramFilter {
  search?: string | undefined;
  termIds?: string[] | undefined;
  organizationIds?: string[] | undefined;
  modifiedAfter?: Date | undefined;
  withAddress?: boolean;
}
const termsOverlap = (ids: string[]) =>
  ids.length
    ? sql`${programs.serviceTermIds} && ARRAY[${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )}]::uuid[]`
    : sql`false`;
function programWhere(networkId: string, f: ProgramFilter): SQL | undefined {
  return and(
    eq(programs.networkId, networkId),
    f.search ? or(contains(programs.name, f.search), contains(programs.description, f.search)) : undefined,
    f.termIds ? termsOverlap(f.termIds.filter(isUuid)) : undefined,
    f.organizationIds
      ? f.organizationIds.length
        ? inArray(programs.organizationId, f.organizationIds)
        : sql`false`
      : undefined,
    f.modifiedAfter ? gte(programs.updatedAt, f.modifiedAfter) : undefined,
    f.withAddress
      ? sql`(${programs.addressLine1} IS NOT NULL OR jsonb_typeof(${programs.hsdsExtra}->'service_at_locations') = 'array')`
      : undefined,
  );
}

export function pagePrograms(db: Q, networkId: string, f: ProgramFilter, offset: number, limit: number) {
  return db
    .select({ program: programs, organization: organizations })
    .from(programs)
    .innerJoin(organizations, eq(organizations.id, programs.organizationId))
    .where(programWhere(networkId, f))
    .orderBy(asc(programs.name), asc(programs.id))
    .offset(offset)
    .limit(limit);
}
export const countPrograms = (db: Q, networkId: string, f: ProgramFilter) =>
  db
    .select({ n: count() })
    .from(programs)
    .where(programWhere(networkId, f))
    .then((r) => Number(r[0]?.n ?? 0));

/** A program by the id the feed shows: its HSDS id, or its Portico id for records born here. */
export function findProgramByFeedId(db: Q, networkId: string, id: string) {
  return db
    .select({ program: programs, organization: organizations })
    .from(programs)
    .innerJoin(organizations, eq(organizations.id, programs.organizationId))
    .where(
      and(
        eq(programs.networkId, networkId),
        isUuid(id)
          ? or(eq(programs.hsdsId, id), and(isNull(programs.hsdsId), eq(programs.id, id)))
          : eq(programs.hsdsId, id),
      ),
    )
    .then((r) => r[0]);
}

const orgWhere = (networkId: string, search?: string) =>
  and(
    eq(organizations.networkId, networkId),
    search ? or(contains(organizations.name, search), contains(organizations.description, search)) : undefined,
  );
export const pageOrganizations = (
  db: Q,
  networkId: string,
  search: string | undefined,
  offset: number,
  limit: number,
) =>
  db
    .select()
    .from(organizations)
    .where(orgWhere(networkId, search))
    .orderBy(asc(organizations.name), asc(organizations.id))
    .offset(offset)
    .limit(limit);
export const countOrganizations = (db: Q, networkId: string, search?: string) =>
  db
    .select({ n: count() })
    .from(organizations)
    .where(orgWhere(networkId, search))
    .then((r) => Number(r[0]?.n ?? 0));
export function findOrganizationsByFeedId(db: Q, networkId: string, ids: string[]) {
  const uuids = ids.filter(isUuid);
  return db
    .select()
    .from(organizations)
    .where(
      and(
        eq(organizations.networkId, networkId),
        or(
          inArray(organizations.hsdsId, ids.length ? ids : ['']),
          uuids.length ? and(isNull(organizations.hsdsId), inArray(organizations.id, uuids)) : undefined,
        ),
      ),
    );
}
export const programsOfOrganization = (db: Q, networkId: string, organizationId: string) =>
  db
    .select()
    .from(programs)
    .where(and(eq(programs.networkId, networkId), eq(programs.organizationId, organizationId)))
    .orderBy(asc(programs.name), asc(programs.id));
export const allOrganizations = (db: Q, networkId: string) =>
  db
    .select()
    .from(organizations)
    .where(eq(organizations.networkId, networkId))
    .orderBy(asc(organizations.name), asc(organizations.id));

export const organizationsByIds = (db: Q, networkId: string, ids: string[]) =>
  ids.length
    ? db
        .select()
        .from(organizations)
        .where(and(eq(organizations.networkId, networkId), inArray(organizations.id, ids)))
    : Promise.resolve([] as OrganizationRow[]);
