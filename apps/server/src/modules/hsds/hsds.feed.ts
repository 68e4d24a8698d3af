import type { Db } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { oneToOne, termIndex, toHsdsOrganization, toHsdsService } from './hsds.export.js';
import * as repo from './hsds.repo.js';
import type { HsdsObject } from './hsds.tabular.js';

/**
 * The read-only HSDS 3.0 API of one network (paths, parameters and pages of the HSDS OpenAPI
 * document). It lists EVERY program of the network with its referral status: the agency-agreement
 * rule decides who can be found for referrals, not what the directory publishes.
 */

export interface Paging {
  page?: number | undefined;
  per_page?: number | undefined;
}
export const MAX_PER_PAGE = 200;

/** The HSDS page: total_items, total_pages, page_number, size, first_page, last_page, empty, contents. */
function hsdsPage<T>(contents: T[], total: number, page: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
const pageOf = (p: Paging) => {
  const page = Math.max(1, p.page ?? 1);
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, p.per_page ?? 50));
  return { page, perPage, offset: (page - 1) * perPage };
};

/**
 * The network whose feed is asked for, if the caller may read it: anyone for a public directory;
 * for a private one only its signed-in members (asked lazily, so public reads never touch a session).
 */
export async function feedNetwork(db: Db, slug: string, memberOf: () => Promise<string | null>) {
  const network = await repo.findNetwork(db, slug);
  if (!network || (!network.directoryPublic && network.id !== (await memberOf()))) throw notFound('Directory');
  return network;
}

export interface ServiceQuery extends Paging {
  search?: string | undefined;
  taxonomy_term_id?: string | undefined;
  taxonomy_id?: string | undefined;
  organization_id?: string | undefined;
  modified_after?: string | undefined;
  full?: boolean | undefined;
}

async function programFilter(db: Db, networkId: string, q: ServiceQuery): Promise<repo.ProgramFilter> {
  const filter: repo.ProgramFilter = { search: q.search?.trim() || undefined };
  if (q.taxonomy_term_id) filter.termIds = [q.taxonomy_term_id];
  if (q.taxonomy_id) {
    const ids = (await repo.visibleTerms(db, networkId)).filter((t) => t.taxonomyId === q.taxonomy_id).map((t) => t.id);
    filter.termIds = filter.termIds ? filter.termIds.filter((id) => ids.includes(id)) : ids;
  }
  if (q.organization_id)
    filter.organizationIds = (await repo.findOrganizationsByFeedId(db, networkId, [q.organization_id])).map(
      (o) => o.id,
    );
  if (q.modified_after) {
    const d = new Date(q.modified_after);
    if (!Number.isNaN(d.getTime())) filter.modifiedAfter = d;
  }
  return filter;
}

export async function listServices(db: Db, networkId: string, q: ServiceQuery) {
  const { page, perPage, offset } = pageOf(q);
  const filter = await programFilter(db, networkId, q);
  const [rows, total, terms] = await Promise.all([
    repo.pagePrograms(db, networkId, filter, offset, perPage),
    repo.countPrograms(db, networkId, filter),
    termIndex(db, networkId),
  ]);
  const contents = rows.map((r) => {
    const s = toHsdsService(r.program, r.organization, terms, q.full === true);
    return q.full ? s : oneToOne(s);
  });
  return hsdsPage(contents, total, page, perPage);
}

export async function getService(db: Db, networkId: string, id: string) {
  const row = await repo.findProgramByFeedId(db, networkId, id);
  if (!row) throw notFound('Service');
  return toHsdsService(row.program, row.organization, await termIndex(db, networkId));
}

export async function listOrganizations(
  db: Db,
  networkId: string,
  q: Paging & { search?: string | undefined; full?: boolean | undefined; full_service?: boolean | undefined },
) {
  const { page, perPage, offset } = pageOf(q);
  const search = q.search?.trim() || undefined;
  const [rows, total] = await Promise.all([
    repo.pageOrganizations(db, networkId, search, offset, perPage),
    repo.countOrganizations(db, networkId, search),
  ]);
  const contents: HsdsObject[] = [];
  for (const o of rows)
    contents.push(
      q.full || q.full_service
        ? await nestedOrganization(db, networkId, o, q.full_service === true)
        : oneToOne(toHsdsOrganization(o)),
    );
  return hsdsPage(contents, total, page, perPage);
}

/** An organization with its services: their one-to-one fields, or fully nested with full_service. */
async function nestedOrganization(db: Db, networkId: string, o: repo.OrganizationRow, fullService: boolean) {
  const terms = await termIndex(db, networkId);
  const services = (await repo.programsOfOrganization(db, networkId, o.id)).map((p) => {
    const s = toHsdsService(p, o, terms, false);
    return fullService ? s : oneToOne(s);
  });
  return { ...toHsdsOrganization(o), services };
}

export async function getOrganization(db: Db, networkId: string, id: string, fullService: boolean) {
  const [o] = await repo.findOrganizationsByFeedId(db, networkId, [id]);
  if (!o) throw notFound('Organization');
  return nestedOrganization(db, networkId, o, fullService);
}

const taxonomyOut = (t: {
  id: string;
  name: string;
  description: string;
  uri: string | null;
  version: string | null;
}) => {
  const out: HsdsObject = { id: t.id, name: t.name, description: t.description };
  if (t.uri) out.uri = t.uri;
  if (t.version) out.version = t.version;
  return out;
};

export async function listTaxonomies(db: Db, networkId: string, q: Paging & { search?: string | undefined }) {
  const { page, perPage, offset } = pageOf(q);
  const s = q.search?.trim().toLowerCase();
  const all = (await repo.visibleTaxonomies(db, networkId)).filter((t) => !s || t.name.toLowerCase().includes(s));
  return hsdsPage(all.slice(offset, offset + perPage).map(taxonomyOut), all.length, page, perPage);
}

export async function getTaxonomy(db: Db, networkId: string, id: string) {
  const t = (await repo.visibleTaxonomies(db, networkId)).find((x) => x.id === id);
  if (!t) throw notFound('Taxonomy');
  return taxonomyOut(t);
}

export interface TermQuery extends Paging {
  search?: string | undefined;
  taxonomy_id?: string | undefined;
  parent_id?: string | undefined;
  top_only?: boolean | undefined;
}

const termOut = (t: repo.TermRow): HsdsObject => {
  const out: HsdsObject = {
    id: t.id,
    code: t.code,
    name: t.name,
    description: t.description,
    taxonomy: t.taxonomyName,
    taxonomy_id: t.taxonomyId,
  };
  if (t.parentId) out.parent_id = t.parentId;
  return out;
};

/** Taxonomy terms (a few hundred at most: the shipped taxonomy and the network's), filtered and paged here. */
export async function listTerms(db: Db, networkId: string, q: TermQuery) {
  const { page, perPage, offset } = pageOf(q);
  const s = q.search?.trim().toLowerCase();
  const all = (await repo.visibleTerms(db, networkId)).filter(
    (t) =>
      (!s || t.name.toLowerCase().includes(s) || t.code.toLowerCase().includes(s)) &&
      (!q.taxonomy_id || t.taxonomyId === q.taxonomy_id) &&
      (!q.parent_id || t.parentId === q.parent_id) &&
      (!q.top_only || !t.parentId),
  );
  return hsdsPage(all.slice(offset, offset + perPage).map(termOut), all.length, page, perPage);
}

export async function getTerm(db: Db, networkId: string, id: string) {
  const t = (await repo.visibleTerms(db, networkId)).find((x) => x.id === id);
  if (!t) throw notFound('Taxonomy term');
  return termOut(t);
}

/** The service_at_locations of a service, each naming its service. */
function salsOf(service: HsdsObject): HsdsObject[] {
  const sals = Array.isArray(service.service_at_locations) ? (service.service_at_locations as HsdsObject[]) : [];
  return sals.map((sal) => ({ ...sal, service_id: service.id }));
}

export async function listServiceAtLocations(db: Db, networkId: string, q: ServiceQuery) {
  const { page, perPage, offset } = pageOf(q);
  const filter = { ...(await programFilter(db, networkId, q)), withAddress: true };
  const terms = await termIndex(db, networkId);
  // A program has one location in Portico (more only when imported), so programs are paged and flattened.
  const all: HsdsObject[] = [];
  for (let at = 0; ; at += 500) {
    const rows = await repo.pagePrograms(db, networkId, filter, at, 500);
    for (const r of rows) all.push(...salsOf(toHsdsService(r.program, r.organization, terms, false)));
    if (rows.length < 500) break;
  }
  const slice = all.slice(offset, offset + perPage).map((s) => (q.full ? s : oneToOne(s)));
  return hsdsPage(slice, all.length, page, perPage);
}

export async function getServiceAtLocation(db: Db, networkId: string, id: string) {
  const terms = await termIndex(db, networkId);
  for (let at = 0; ; at += 500) {
    const rows = await repo.pagePrograms(db, networkId, { withAddress: true }, at, 500);
    for (const r of rows) {
      const service = toHsdsService(r.program, r.organization, terms, true);
      const sal = salsOf(service).find((s) => String(s.id) === id);
      if (sal) return { ...sal, service };
    }
    if (rows.length < 500) break;
  }
  throw notFound('Service at location');
}
