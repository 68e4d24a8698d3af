import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { ManualClock } from '../../platform/clock/clock.js';
import { buildTestApp } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { type Directory, directoryClient, makeDirectory, qs, termId } from '../../test/directory-fixture.js';
import { makeOrganization, makeProgram, makeUser } from '../../test/factories.js';
import { programs } from '../organizations/organizations.table.js';

type Client = Awaited<ReturnType<typeof directoryClient>>;
interface Entry {
  id: string;
  name: string;
  organization: { id: string; name: string };
  services: { id: string; code: string; name: string }[];
  matchedByTelemedicine: boolean;
  [k: string]: unknown;
}

describe(`directory search on ${testDriver} (MT-9, MT-15 agencies report)`, () => {
  let app: App;
  let database: Database;
  let d: Directory;
  let other: Directory;
  let user: Client;
  const clock = new ManualClock();

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp({ clock });
    d = await makeDirectory(database.db);
    other = await makeDirectory(database.db);
    user = await directoryClient(app, d.provider.email);
  });
  afterAll(() => app.close());

  const search = async (client: Client, filters: Record<string, string | number | undefined>) => {
    const res = await client.get(`/api/directory/programs?${qs(filters)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: Entry[]; nextCursor: string | null };
  };
  const names = async (filters: Record<string, string | number | undefined>, client = user) =>
    (await search(client, filters)).items.map((e) => e.name);

  it('MT-9: every program of every organization of the network, open before closed, then by name', async () => {
    expect(await names({})).toEqual([
      'Emergency Pantry',
      'Family Housing Help',
      'Housing Navigation',
      'Rural Tele-Psychiatry',
      'Telehealth Counseling',
      'Community Meals',
    ]);
  });

  it('MT-15: filter by region alone', async () => {
    expect(await names({ region: 'South' })).toEqual(['Family Housing Help', 'Telehealth Counseling']);
    expect(await names({ region: 'Nowhere' })).toEqual([]);
  });

  it('MT-9: filter by county alone; telemedicine programs match the counties they accept, and say so', async () => {
    const { items } = await search(user, { county: 'Lewis and Clark' });
    expect(items.map((e) => [e.name, e.matchedByTelemedicine])).toEqual([
      ['Emergency Pantry', false],
      ['Family Housing Help', false],
      ['Rural Tele-Psychiatry', true], // accepts Lewis and Clark by telemedicine
      ['Telehealth Counseling', true], // telemedicine with no county list: every county
    ]);
    // Jefferson is served in person by Community Meals and by telemedicine by Telehealth only.
    expect(await names({ county: 'Jefferson' })).toEqual(['Telehealth Counseling', 'Community Meals']);
  });

  it('MT-9: filter by service alone, by code or id; a top-level term matches every program offering a term under it', async () => {
    expect(await names({ service: 'food.food-pantry' })).toEqual(['Emergency Pantry']);
    expect(await names({ service: termId('food.meals') })).toEqual(['Community Meals']);
    expect(await names({ service: 'food' })).toEqual(['Emergency Pantry', 'Community Meals']);
    expect(await names({ service: termId('housing') })).toEqual(['Family Housing Help', 'Housing Navigation']);
    const { items } = await search(user, { service: 'food.food-pantry' });
    expect(items[0]!.services).toEqual([
      { id: termId('food.food-pantry'), code: 'food.food-pantry', name: 'Food Pantry' },
    ]);
  });

  it('MT-9: filter by insurance alone; a program that needs none (sliding scale) matches every insurance', async () => {
    expect(await names({ insurance: 'medicaid' })).toEqual([
      'Emergency Pantry', // none_required
      'Family Housing Help',
      'Telehealth Counseling',
      'Community Meals',
    ]);
    expect(await names({ insurance: 'medicare' })).toEqual(['Emergency Pantry', 'Rural Tele-Psychiatry']);
    expect(await names({ insurance: 'none_required' })).toEqual(['Emergency Pantry']);
  });

  it('MT-9: filter by organization or program name alone, typo-tolerant', async () => {
    // "fod bank" finds Helena Food Bank's programs (by the organization's name); equal scores: open first.
    expect(await names({ q: 'fod bank' })).toEqual(['Emergency Pantry', 'Community Meals']);
    expect(await names({ q: 'housng' })).toContain('Housing Navigation');
    // A looser match ("Tele-Psychiatry") may follow, but the closest name comes first.
    expect((await names({ q: 'Telehelth' }))[0]).toBe('Telehealth Counseling');
    expect(await names({ q: 'pantry' })).toEqual(['Emergency Pantry']);
    // One letter missing from a short word still finds it.
    expect(await names({ q: 'pantr' })).toEqual(['Emergency Pantry']);
    expect(await names({ q: 'mels' })).toContain('Community Meals');
    expect(await names({ q: 'zzzz qqqq' })).toEqual([]);
  });

  it('MT-9: with a name, the closest names rank first', async () => {
    const ranked = await names({ q: 'Housing Navigation' });
    expect(ranked[0]).toBe('Housing Navigation');
    const family = await names({ q: 'Family Housing' });
    expect(family[0]).toBe('Family Housing Help');
    // Big Sky Family Services matches "Family" by its organization name, less closely.
    expect(family).toContain('Telehealth Counseling');
    expect(family.indexOf('Telehealth Counseling')).toBeGreaterThan(0);
  });

  it('MT-15: all five filters combined', async () => {
    const pantry = { region: 'West', county: 'Lewis and Clark', service: 'food', insurance: 'medicaid', q: 'fod bank' };
    expect(await names(pantry)).toEqual(['Emergency Pantry']);
    const filters = { region: 'East', county: 'Cascade', service: 'health', insurance: 'medicare', q: 'psychiatry' };
    expect(await names(filters)).toEqual(['Rural Tele-Psychiatry']);
    // Each filter matters: changing any one of them empties the result.
    for (const [k, v] of Object.entries({
      region: 'West',
      county: 'Gallatin',
      service: 'food',
      insurance: 'medicaid',
      q: 'fod bank',
    })) {
      expect(await names({ ...filters, [k]: v }), k).toEqual([]);
    }
  });

  it('MT-9: pages follow the ranking with no duplicates or gaps (keyset cursor), with and without a name', async () => {
    for (const filters of [{}, { q: 'family housing' }, { insurance: 'medicaid' }]) {
      const all = await names(filters);
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const res = await search(user, { ...filters, limit: 2, cursor });
        expect(res.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.items.map((e) => e.name));
        if (!res.nextCursor) break;
        cursor = res.nextCursor;
      }
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it('X-1: another network’s programs never appear, whatever the filters', async () => {
    const theirs = new Set(Object.values(other.programs).map((p) => p.id));
    for (const filters of [{}, { q: 'fod bank' }, { county: 'Lewis and Clark' }, { service: 'food' }]) {
      const { items } = await search(user, { ...filters, limit: 200 });
      expect(items.length).toBeGreaterThan(0);
      for (const e of items) {
        expect(theirs.has(e.id)).toBe(false);
        expect(Object.values(d.organizations).map((o) => o.id)).toContain(e.organization.id);
      }
    }
  });

  it('MT-9: each entry carries what a referrer needs', async () => {
    const { items } = await search(user, { q: 'Telehealth Counseling' });
    expect(items[0]).toMatchObject({
      id: d.programs.telehealth.id,
      name: 'Telehealth Counseling',
      organization: { id: d.organizations.family.id, name: 'Big Sky Family Services' },
      services: [{ code: 'health.mental-health-care', name: 'Mental Health Care' }],
      counties: ['Gallatin'],
      regions: ['South'],
      telemedicine: true,
      telemedicineCounties: [],
      insurance: ['medicaid', 'private'],
      languages: ['English', 'Spanish'],
      referralStatus: 'open',
      agreementValidUntil: null,
      matchedByTelemedicine: false,
    });
    expect(Object.keys(items[0]!)).toEqual(
      expect.arrayContaining(['eligibility', 'hours', 'phone', 'email', 'website', 'city']),
    );
  });

  it('MT-9: an unknown insurance code, an unknown service or too large a page is a 400 naming the field', async () => {
    const bad = async (query: string, field: string) => {
      const res = await user.get(`/api/directory/programs?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad('insurance=gold-plated', 'query.insurance');
    await bad('limit=500', 'query.limit');
    await bad('service=no-such-service', 'query.service');
    await bad('cursor=not-a-cursor', 'query.cursor');
  });

  it('MT-4: the default preset requires no agency agreement: programs without one are listed', async () => {
    expect(Object.values(d.programs).every((p) => p)).toBe(true);
    expect((await names({})).length).toBe(6);
  });

  it('MT-4: where the network requires agreements, a program is absent until its agreement is valid, and again once it lapses', async () => {
    const mt = await makeDirectory(database.db, 'mt-referral-network');
    const org = await makeOrganization(database.db, mt.network.id, 'Glacier Agency');
    const agreed = await makeProgram(database.db, org, {
      name: 'Agreed Program',
      agreementValidUntil: new Date(clock.now().getTime() + 2 * 86_400_000),
    });
    await makeProgram(database.db, org, {
      name: 'Lapsed Program',
      agreementValidUntil: new Date(clock.now().getTime() - 86_400_000),
    });
    const mtEmail = (await makeUser(database.db, [[agreed, ['mt_provider']]])).email;
    const mtUser = await directoryClient(app, mtEmail);
    expect(await names({}, mtUser)).toEqual(['Agreed Program']);

    // A gatekeeper's signature sets the validity (set directly here): the program appears.
    await database.db
      .update(programs)
      .set({ agreementValidUntil: new Date(clock.now().getTime() + 365 * 86_400_000) })
      .where(eq(programs.id, mt.programs.pantry.id));
    expect(await names({}, mtUser)).toEqual(['Agreed Program', 'Emergency Pantry']);
    expect(await names({ county: 'Lewis and Clark' }, mtUser)).toEqual(['Emergency Pantry']);

    // Three days on (the injected clock), the two-day agreement has lapsed (signed in again: sessions age too).
    clock.advance(3 * 86_400_000);
    try {
      expect(await names({}, await directoryClient(app, mtEmail))).toEqual(['Emergency Pantry']);
    } finally {
      clock.set(new Date());
    }
  });
});
