import type { Static } from 'typebox';
import type { Db, Tx } from '../../db/client.js';
import { AppError, conflict, invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import type { Actor } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock/clock.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import { type AgreementRule, directoryPolicy as policy, referralRefusalOf } from './directory.policy.js';
import * as repo from './directory.repo.js';
import { type directoryFilters, EXPORT_CAP } from './directory.schema.js';

export interface DirectoryDeps {
  db: Db;
  clock: Clock;
}

type Filters = { [K in keyof typeof directoryFilters]?: Static<(typeof directoryFilters)[K]> | undefined };
type SearchQuery = Filters & { cursor?: string | undefined; limit?: number | undefined };
type Row = Awaited<ReturnType<typeof repo.searchPrograms>>[number];
type EntryRow = Omit<Row, 'distance' | 'closed'>;

function assertSearch(actor: Actor) {
  if (!policy.search(actor)) throw new AppError('forbidden', 'Your role does not allow searching the directory.');
}

/** The moment agreements must be valid at, or null where the network requires none (MT-4). */
const agreementMoment = (rule: AgreementRule, clock: Clock) => (rule.requiresAgencyAgreement ? clock.now() : null);

/** The filters as the repository takes them: the service resolved to its terms (400 when unknown). */
async function resolveFilters(tx: Tx, networkId: string, f: Filters): Promise<repo.SearchFilter> {
  const out: repo.SearchFilter = { region: f.region, county: f.county, insurance: f.insurance, q: f.q };
  if (f.service) {
    const ids = await repo.resolveService(tx, networkId, f.service);
    if (ids.length === 0) throw invalid('query.service', 'is not a service of this directory’s taxonomy');
    out.serviceTermIds = ids;
  }
  return out;
}

/** Rows as directory entries: organization nested, service ids replaced by their terms. */
async function toEntries(tx: Tx, networkId: string, rows: EntryRow[]) {
  const ids = [...new Set(rows.flatMap((r) => r.serviceTermIds))];
  const terms = new Map((await repo.termsByIds(tx, networkId, ids)).map((t) => [t.id, t]));
  return rows.map(({ organizationId, organizationName, serviceTermIds, ...r }) => ({
    ...r,
    organization: { id: organizationId, name: organizationName },
    services: serviceTermIds.flatMap((id) => terms.get(id) ?? []),
  }));
}

/** The network's taxonomy as a two-level tree (terms deeper than two levels sit under their top term). */
export function taxonomy(db: Db, actor: Actor) {
  assertSearch(actor);
  return withTenant(db, actor, async (tx) => {
    const terms = await repo.listTerms(tx, actor.networkId);
    const byId = new Map(terms.map((t) => [t.id, t]));
    const rootOf = (t: (typeof terms)[number]) => {
      let at = t;
      for (let hops = 0; at.parentId && byId.has(at.parentId) && hops < 10; hops++) at = byId.get(at.parentId)!;
      return at;
    };
    const roots = new Map(
      terms
        .filter((t) => rootOf(t) === t)
        .map((t) => [
          t.id,
          { id: t.id, code: t.code, name: t.name, children: [] as { id: string; code: string; name: string }[] },
        ]),
    );
    for (const t of terms) {
      const root = rootOf(t);
      if (root !== t) roots.get(root.id)!.children.push({ id: t.id, code: t.code, name: t.name });
    }
    return { items: [...roots.values()] };
  });
}

/** Distinct regions and counties of the programs the directory lists, for the filter choices. */
export function facets({ db, clock }: DirectoryDeps, actor: Actor) {
  assertSearch(actor);
  return withTenant(db, actor, async (tx) =>
    repo.facets(tx, actor.networkId, agreementMoment(await repo.agreementRuleOf(tx, actor.networkId), clock)),
  );
}

/** MT-9 / MT-15: one page of the directory search over every organization of the acting network. */
export function search({ db, clock }: DirectoryDeps, actor: Actor, query: SearchQuery) {
  assertSearch(actor);
  const limit = query.limit ?? 50;
  const key = decodeCursor(query.cursor);
  return withTenant(db, actor, async (tx) => {
    const at = agreementMoment(await repo.agreementRuleOf(tx, actor.networkId), clock);
    const filter = await resolveFilters(tx, actor.networkId, query);
    const rows = await repo.searchPrograms(tx, actor.networkId, filter, at, key, limit);
    const page = toPage(rows, limit, (r) => [String(r.distance), Number(r.closed), r.name, r.id]);
    return { items: await toEntries(tx, actor.networkId, page.items), nextCursor: page.nextCursor };
  });
}

/** One program's directory entry, and whether it can receive a referral now (and why not). */
export function getEntry({ db, clock }: DirectoryDeps, actor: Actor, id: string) {
  assertSearch(actor);
  return withTenant(db, actor, async (tx) => {
    const row = await repo.findEntry(tx, actor.networkId, id);
    if (!row) throw notFound('Program');
    const refusal = referralRefusalOf(await repo.agreementRuleOf(tx, actor.networkId), row, clock.now());
    const [entry] = await toEntries(tx, actor.networkId, [row]);
    return { ...entry!, receivesReferrals: refusal === null, referralRefusal: refusal };
  });
}

/**
 * The rows of the search for an export (every page, at most EXPORT_CAP), audited with the filters.
 * The filters name programs and places, never clients.
 */
export function exportEntries({ db, clock }: DirectoryDeps, actor: Actor, query: Filters & { format: string }) {
  if (!policy.export(actor)) throw new AppError('forbidden', 'Your role does not allow exporting the directory.');
  return withTenant(db, actor, async (tx) => {
    const at = agreementMoment(await repo.agreementRuleOf(tx, actor.networkId), clock);
    const filter = await resolveFilters(tx, actor.networkId, query);
    const rows = await repo.searchPrograms(tx, actor.networkId, filter, at, null, EXPORT_CAP);
    const truncated = rows.length > EXPORT_CAP;
    const entries = await toEntries(tx, actor.networkId, rows.slice(0, EXPORT_CAP));
    const filters = Object.fromEntries(
      (['region', 'county', 'service', 'insurance', 'q'] as const).flatMap((k) => (query[k] ? [[k, query[k]]] : [])),
    );
    await recordAudit(tx, auditContextOf(actor), {
      action: 'directory.export',
      entityType: 'directory',
      details: { format: query.format, filters, rows: entries.length, truncated },
    });
    return { entries, truncated };
  });
}

/**
 * MT-4 guard for the consent and referral use cases: refuses (409) a program that cannot receive a
 * referral now — no valid agency agreement where the network requires one, or referrals closed.
 * Reads the program in the caller's transaction, so the answer holds for that transaction's writes.
 */
export async function assertProgramReceivesReferrals(
  tx: Tx,
  rule: AgreementRule,
  program: { id: string; networkId: string },
  now: Date,
): Promise<void> {
  const target = await repo.findReferralTarget(tx, program.networkId, program.id);
  if (!target) throw notFound('Program');
  const refusal = referralRefusalOf(rule, target, now);
  if (refusal) throw conflict(refusal);
}

/** The network's agreement rule, for callers of assertProgramReceivesReferrals that lack the policy. */
export const agreementRuleOf = repo.agreementRuleOf;

/** Program edits: every service must be a term the network sees (400 naming the field otherwise). */
export async function assertServiceTerms(tx: Tx, networkId: string, ids: readonly string[] | undefined) {
  if (!ids?.length) return;
  const found = new Set((await repo.termsByIds(tx, networkId, [...new Set(ids)])).map((t) => t.id));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length) {
    throw invalid('body.serviceTermIds', `${unknown.join(', ')} is not a service term of this network’s taxonomy`);
  }
}
