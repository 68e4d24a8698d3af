import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { actAs, buildTestApp } from '../../test/app.js';
import { testDatabase } from '../../test/db.js';
import { makeOrganization, makeProgram, makeTenantPair } from '../../test/factories.js';
import { networks } from '../networks/networks.table.js';
import { uuidFrom } from './hsds.map.js';
import { expectValid, fixture, importAndWait } from './hsds.testkit.js';

let database: Database;
let app: App;
let slug: string;
let bornId: string;
let closedId: string;
let otherNetwork: Awaited<ReturnType<typeof makeTenantPair>>;
const FOOD_PANTRY = uuidFrom('open-eligibility:food.food-pantry');
const SERVICE = 'ac148810-d857-441c-9679-408f346de14b';
const ORGANIZATION = 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610';

/** The Page component of the HSDS OpenAPI document, with contents. */
const openapi = JSON.parse(readFileSync(new URL('./fixtures/schema/openapi.json', import.meta.url), 'utf8'));
const PAGE_FIELDS = Object.keys(openapi.components.schemas.Page.properties);

beforeAll(async () => {
  database = await testDatabase();
  app = await buildTestApp({ database });
  const t = await makeTenantPair(database.db);
  await database.db.update(networks).set({ directoryPublic: true }).where(eq(networks.id, t.network.id));
  slug = t.network.slug;
  const cookie = await actAs(app, t.networkAdmin.email, t.office.id);
  const run = await importAndWait(app, cookie, [
    fixture('examples/service_full.json'),
    fixture('examples/organization_full.json'),
    fixture('examples/taxonomy_term_list.json'),
  ]);
  expect(run.status).toBe('succeeded');
  // Portico-born programs: one with every directory field, one closed to referrals.
  const org = await makeOrganization(database.db, t.network.id, 'Cass County Food Bank');
  bornId = (
    await makeProgram(database.db, org, {
      name: 'Food pantry',
      description: 'Groceries every week',
      addressLine1: '1 Main St',
      city: 'Fargo',
      state: 'ND',
      postalCode: '58102',
      phone: '701-555-0100',
      email: 'pantry@example.org',
      website: 'https://pantry.example.org',
      hours: 'Mon–Fri 9:00–17:00',
      languages: ['en', 'es'],
      counties: ['Cass', 'Clay'],
      serviceTermIds: [FOOD_PANTRY],
      eligibility: 'Residents of Cass County',
    })
  ).id;
  closedId = (await makeProgram(database.db, org, { name: 'Closed intake', referralStatus: 'closed' })).id;
  otherNetwork = await makeTenantPair(database.db);
});
afterAll(() => app.close());

const get = async (path: string, cookie?: string) => {
  const res = await app.inject({ method: 'GET', url: `/api/hsds/${slug}${path}`, headers: cookie ? { cookie } : {} });
  expect(res.statusCode, `${path}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json();
};
const expectPage = (page: Record<string, unknown>, item: string) => {
  for (const f of [...PAGE_FIELDS, 'contents']) expect(page, f).toHaveProperty(f);
  for (const c of page.contents as unknown[]) expectValid(item, c);
  return page.contents as Record<string, unknown>[];
};

describe('the read-only HSDS 3.0 API (issue 4, MT-9 directory)', () => {
  it('MT-9: every endpoint answers without a session, and every answer validates against the HSDS schemas', async () => {
    expect(await get('/')).toMatchObject({ version: '3.0' });
    const services = expectPage(await get('/services'), 'service.json');
    expect(services.map((s) => s.id)).toEqual(expect.arrayContaining([SERVICE, bornId, closedId]));
    const full = expectPage(await get('/services?full=true'), 'service.json');
    for (const s of full) expectValid('service.json', await get(`/services/${s.id}`));
    const orgs = expectPage(await get('/organizations'), 'organization.json');
    expectPage(await get('/organizations?full=true'), 'organization.json');
    for (const o of orgs) expectValid('organization.json', await get(`/organizations/${o.id}?full_service=true`));
    const org = await get(`/organizations/${ORGANIZATION}`);
    expect(org.services.map((s: { id: string }) => s.id)).toContain(SERVICE);
    const taxonomies = expectPage(await get('/taxonomies'), 'taxonomy.json');
    for (const t of taxonomies) expectValid('taxonomy.json', await get(`/taxonomies/${t.id}`));
    const terms = expectPage(await get('/taxonomy_terms?per_page=200'), 'taxonomy_term.json');
    expect(terms.some((t) => t.code === 'food.food-pantry')).toBe(true);
    expectValid('taxonomy_term.json', await get(`/taxonomy_terms/${FOOD_PANTRY}`));
    const sals = expectPage(await get('/service_at_locations?full=true'), 'service_at_location.json');
    expect(sals.length).toBeGreaterThanOrEqual(2);
    for (const sal of sals) expectValid('service_at_location.json', await get(`/service_at_locations/${sal.id}`));
  });

  it('MT-9: the feed shows a Portico program with its directory fields, and lists closed programs too', async () => {
    const s = await get(`/services/${bornId}`);
    expect(s).toMatchObject({
      id: bornId,
      name: 'Food pantry',
      status: 'active',
      email: 'pantry@example.org',
      url: 'https://pantry.example.org',
      eligibility_description: 'Residents of Cass County',
      phones: [{ number: '701-555-0100' }],
      languages: [{ code: 'en' }, { code: 'es' }],
      service_areas: [{ name: 'Cass' }, { name: 'Clay' }],
      schedules: [{ description: 'Mon–Fri 9:00–17:00' }],
      attributes: [{ taxonomy_term: { id: FOOD_PANTRY, code: 'food.food-pantry' } }],
      organization: { name: 'Cass County Food Bank' },
    });
    expect(s.service_at_locations[0].location.addresses[0]).toMatchObject({
      address_1: '1 Main St',
      city: 'Fargo',
      postal_code: '58102',
    });
    expect(await get(`/services/${closedId}`)).toMatchObject({ status: 'inactive' });
  });

  it('MT-9: pages follow the HSDS document (page, per_page, total_items, total_pages, first/last, empty)', async () => {
    const all = await get('/services');
    const n = all.total_items as number;
    expect(n).toBeGreaterThanOrEqual(6);
    const second = await get('/services?per_page=2&page=2');
    expect(second).toMatchObject({
      total_items: n,
      total_pages: Math.ceil(n / 2),
      page_number: 2,
      size: 2,
      first_page: false,
      empty: false,
    });
    expect(second.contents.map((c: { id: string }) => c.id)).toEqual(
      all.contents.slice(2, 4).map((c: { id: string }) => c.id),
    );
    const last = await get(`/services?per_page=2&page=${Math.ceil(n / 2)}`);
    expect(last.last_page).toBe(true);
    expect(await get('/services?page=99')).toMatchObject({ empty: true, size: 0, contents: [], page_number: 99 });
    // Filters of the document: taxonomy term, organization, search.
    expect((await get(`/services?taxonomy_term_id=${FOOD_PANTRY}`)).contents.map((c: { id: string }) => c.id)).toEqual([
      bornId,
    ]);
    expect((await get(`/services?organization_id=${ORGANIZATION}`)).contents.map((c: { id: string }) => c.id)).toEqual([
      SERVICE,
    ]);
    expect((await get('/services?search=counselling')).contents.map((c: { id: string }) => c.id)).toEqual([SERVICE]);
    expect(
      (await get('/taxonomy_terms?top_only=true&per_page=200')).contents.every(
        (t: { parent_id?: string }) => !t.parent_id,
      ),
    ).toBe(true);
  });

  it('MT-9: a private directory answers 404 to anonymous callers and is read by the network’s members', async () => {
    const priv = otherNetwork;
    const anonymous = await app.inject({ method: 'GET', url: `/api/hsds/${priv.network.slug}/services` });
    expect(anonymous.statusCode).toBe(404);
    const byId = await app.inject({ method: 'GET', url: `/api/hsds/${priv.network.slug}/services/${priv.a.id}` });
    expect(byId.statusCode).toBe(404);
    const member = await actAs(app, priv.adminA.email, priv.a.id);
    const res = await app.inject({
      method: 'GET',
      url: `/api/hsds/${priv.network.slug}/services`,
      headers: { cookie: member },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().total_items).toBe(3);
    expect((await app.inject({ method: 'GET', url: '/api/hsds/no-such-network/services' })).statusCode).toBe(404);
  });

  it('X-1: another network’s ids are not found through this network’s feed (404)', async () => {
    const other = otherNetwork;
    for (const path of [
      `/services/${other.a.id}`,
      `/organizations/${other.a.organizationId}`,
      `/service_at_locations/${other.a.id}`,
    ]) {
      const res = await app.inject({ method: 'GET', url: `/api/hsds/${slug}${path}` });
      expect(res.statusCode, path).toBe(404);
    }
  });

  it('MT-9: the HSDS routes are in Portico’s OpenAPI document under the hsds tag, without a session', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      'services',
      'services/{id}',
      'organizations',
      'organizations/{id}',
      'taxonomies',
      'taxonomy_terms',
      'service_at_locations',
      'service_at_locations/{id}',
    ]) {
      const op = doc.paths[`/api/hsds/{network}/${path}`]?.get;
      expect(op, path).toBeDefined();
      expect(op.tags).toEqual(['hsds']);
      expect(op.security).toEqual([]);
    }
  });
});
