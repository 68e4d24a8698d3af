import { PRESET_POLICIES } from '@portico/shared';
import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { networks } from '../networks/networks.table.js';
import { organizations, programs } from '../organizations/organizations.table.js';
import type { AgreementRule } from './directory.policy.js';
import { type taxonomies, taxonomyTerms } from './directory.table.js';

/**
 * strict_word_similarity at or above this counts as a name match ("fod bank" ≈ "Food Bank" at 0.73;
 * one letter missing from a short word, "legl" ≈ "Legal", is 0.375). Ranking puts the closest first.
 */
export const NAME_MATCH_THRESHOLD = 0.35;

export interface SearchFilter {
  region?: string | undefined;
  county?: string | undefined;
  /** Resolved service: the term and every term under it. */
  serviceTermIds?: string[] | undefined;
  insurance?: string | undefined;
  q?: string | undefined;
}

/** The ranking key of a row: name distance (0 without q), closed after open, name, id. */
export type RankKey = [string, number, string, string];

/** The network's agreement rule (MT-4), read from its policy, the preset's when the policy predates it. */
export async function agreementRuleOf(tx: Tx, networkId: string): Promise<AgreementRule> {
  const [n] = await tx
    .select({ preset: networks.preset, policy: networks.policy })
    .from(networks)
    .where(eq(networks.id, networkId));
  if (!n) throw new Error(`network ${networkId} not visible`);
  return {
    requiresAgencyAgreement: n.policy.requiresAgencyAgreement ?? PRESET_POLICIES[n.preset].requiresAgencyAgreement,
  };
}

/** Taxonomy rows a network sees: the shipped taxonomy (network_id NULL) and its own. */
export const visibleToNetwork = (
  networkId: string,
  col: typeof taxonomies.networkId | typeof taxonomyTerms.networkId,
) => or(isNull(col), eq(col, networkId));
const visibleTerm = (networkId: string) => visibleToNetwork(networkId, taxonomyTerms.networkId);

export function listTerms(tx: Tx, networkId: string) {
  return tx
    .select({
      id: taxonomyTerms.id,
      code: taxonomyTerms.code,
      name: taxonomyTerms.name,
      parentId: taxonomyTerms.parentId,
    })
    .from(taxonomyTerms)
    .where(visibleTerm(networkId))
    .orderBy(asc(taxonomyTerms.name), asc(taxonomyTerms.code));
}

export function termsByIds(tx: Tx, networkId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .select({ id: taxonomyTerms.id, code: taxonomyTerms.code, name: taxonomyTerms.name })
    .from(taxonomyTerms)
    .where(and(visibleTerm(networkId), inArray(taxonomyTerms.id, ids)));
}

/** A term given by code or id, with every term under it; empty when the network sees no such term. */
export async function resolveService(tx: Tx, networkId: string, codeOrId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`WITH RECURSIVE chosen AS (
          SELECT id FROM taxonomy_terms
           WHERE (network_id IS NULL OR network_id = ${networkId}) AND (code = ${codeOrId} OR id::text = ${codeOrId})
          UNION
          SELECT t.id FROM taxonomy_terms t JOIN chosen ON t.parent_id = chosen.id
           WHERE t.network_id IS NULL OR t.network_id = ${networkId})
        SELECT id FROM chosen`,
  );
  return rows.map((r) => r.id);
}

const textArray = (values: string[]) =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
const uuidArray = (values: string[]) =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::uuid[]`;

/** The network's programs the directory lists: every organization's, only agreed ones where MT-4 applies. */
function listed(networkId: string, agreementAt: Date | null): SQL {
  return and(
    eq(programs.networkId, networkId),
    agreementAt ? sql`${programs.agreementValidUntil} > ${agreementAt.toISOString()}::timestamptz` : undefined,
  )!;
}

function filtersOf(f: SearchFilter): (SQL | undefined)[] {
  const q = f.q?.trim();
  return [
    f.region ? sql`${programs.regions} @> ${textArray([f.region])}` : undefined,
    f.county
      ? sql`(${programs.counties} @> ${textArray([f.county])} OR (${programs.telemedicine} AND
            (${programs.telemedicineCounties} @> ${textArray([f.county])} OR cardinality(${programs.telemedicineCounties}) = 0)))`
      : undefined,
    f.serviceTermIds ? sql`${programs.serviceTermIds} && ${uuidArray(f.serviceTermIds)}` : undefined,
    // A program that needs no insurance (or slides its fee) serves a client of any insurance.
    f.insurance ? sql`${programs.insurance} && ${textArray([f.insurance, 'none_required'])}` : undefined,
    q
      ? sql`(strict_word_similarity(${q}, ${programs.name}) >= ${NAME_MATCH_THRESHOLD}
            OR strict_word_similarity(${q}, ${organizations.name}) >= ${NAME_MATCH_THRESHOLD}
            OR strpos(lower(${programs.name}), lower(${q})) > 0 OR strpos(lower(${organizations.name}), lower(${q})) > 0)`
      : undefined,
  ];
}

const entryColumns = {
  id: programs.id,
  name: programs.name,
  organizationId: programs.organizationId,
  organizationName: organizations.name,
  description: programs.description,
  serviceTermIds: programs.serviceTermIds,
  counties: programs.counties,
  regions: programs.regions,
  telemedicine: programs.telemedicine,
  telemedicineCounties: programs.telemedicineCounties,
  insurance: programs.insurance,
  languages: programs.languages,
  eligibility: programs.eligibility,
  hours: programs.hours,
  phone: programs.phone,
  email: programs.email,
  website: programs.website,
  addressLine1: programs.addressLine1,
  addressLine2: programs.addressLine2,
  city: programs.city,
  state: programs.state,
  postalCode: programs.postalCode,
  referralStatus: programs.referralStatus,
  agreementValidUntil: programs.agreementValidUntil,
};

/**
 * One page of the directory search, ranked: name similarity (with q), open before closed, name, id.
 * The keyset runs over that whole ranking, so pages neither repeat nor skip a row.
 */
export function searchPrograms(
  tx: Tx,
  networkId: string,
  f: SearchFilter,
  agreementAt: Date | null,
  key: (string | number)[] | null,
  limit: number,
) {
  const q = f.q?.trim();
  const distance = q
    ? sql<string>`round(1 - greatest(strict_word_similarity(${q}, ${programs.name}), strict_word_similarity(${q}, ${organizations.name}))::numeric, 4)`
    : sql<string>`0::numeric`;
  const closed = sql<number>`(${programs.referralStatus} <> 'open')::int`;
  const matchedByTelemedicine = f.county
    ? sql<boolean>`NOT (${programs.counties} @> ${textArray([f.county])})`
    : sql<boolean>`false`;
  const afterKey = key
    ? sql`(${distance}, ${closed}, ${programs.name}, ${programs.id}) >
          (${String(key[0])}::numeric, ${Number(key[1])}::int, ${String(key[2])}, ${String(key[3])}::uuid)`
    : undefined;
  return tx
    .select({ ...entryColumns, matchedByTelemedicine, distance, closed })
    .from(programs)
    .innerJoin(organizations, eq(organizations.id, programs.organizationId))
    .where(and(listed(networkId, agreementAt), ...filtersOf(f), afterKey))
    .orderBy(distance, closed, asc(programs.name), asc(programs.id))
    .limit(limit + 1);
}

/** One program of the network, whichever organization runs it (the directory is network-wide). */
export function findEntry(tx: Tx, networkId: string, id: string) {
  return tx
    .select({ ...entryColumns, matchedByTelemedicine: sql<boolean>`false` })
    .from(programs)
    .innerJoin(organizations, eq(organizations.id, programs.organizationId))
    .where(and(eq(programs.networkId, networkId), eq(programs.id, id)))
    .then((r) => r[0]);
}

/** The referral fields of one program of the network (for the MT-4 referral guard). */
export function findReferralTarget(tx: Tx, networkId: string, id: string) {
  return tx
    .select({
      id: programs.id,
      referralStatus: programs.referralStatus,
      agreementValidUntil: programs.agreementValidUntil,
    })
    .from(programs)
    .where(and(eq(programs.networkId, networkId), eq(programs.id, id)))
    .then((r) => r[0]);
}

/** Distinct regions and counties (in person or by telemedicine) of the listed programs, for the filters. */
export async function facets(tx: Tx, networkId: string, agreementAt: Date | null) {
  const where = listed(networkId, agreementAt);
  const [row] = await queryRows<{ regions: string[] | null; counties: string[] | null }>(
    tx,
    sql`SELECT
          ARRAY(SELECT DISTINCT r FROM ${programs}, unnest(${programs.regions}) r WHERE ${where} ORDER BY r) AS regions,
          ARRAY(SELECT DISTINCT c FROM ${programs}, unnest(${programs.counties} || ${programs.telemedicineCounties}) c
                WHERE ${where} ORDER BY c) AS counties`,
  );
  return { regions: row?.regions ?? [], counties: row?.counties ?? [] };
}
