import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { systemTx } from '../../db/tx.js';
import { AppError } from '../../http/errors.js';
import type { App } from '../../http/types.js';
import { buildTestApp, signIn } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { type Directory, directoryClient, makeDirectory, termId } from '../../test/directory-fixture.js';
import { makeUser } from '../../test/factories.js';
import { programs } from '../organizations/organizations.table.js';
import { assertProgramReceivesReferrals } from './directory.service.js';
import { taxonomies, taxonomyTerms } from './directory.table.js';

type Client = Awaited<ReturnType<typeof directoryClient>>;
const DAY = 86_400_000;

describe(`directory entries, taxonomy and program directory fields on ${testDriver} (MT-9, MT-4)`, () => {
  let app: App;
  let database: Database;
  let d: Directory;
  let mt: Directory;
  let user: Client;
  let mtUser: Client;
  let ownTermId: string;
  let foreignTermId: string;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    d = await makeDirectory(database.db);
    mt = await makeDirectory(database.db, 'mt-referral-network');
    user = await directoryClient(app, d.provider.email);
    mtUser = await directoryClient(app, mt.provider.email);
    // Each network may bring its own taxonomy (an HSDS import does): visible to it alone.
    const own = async (networkId: string, code: string) => {
      const [tax] = await database.db
        .insert(taxonomies)
        .values({ networkId, name: `Local ${code}` })
        .returning();
      const [top] = await database.db
        .insert(taxonomyTerms)
        .values({ taxonomyId: tax!.id, networkId, code, name: `Local ${code}` })
        .returning();
      const [child] = await database.db
        .insert(taxonomyTerms)
        .values({
          taxonomyId: tax!.id,
          networkId,
          code: `${code}.child`,
          name: `Local ${code} child`,
          parentId: top!.id,
        })
        .returning();
      return child!.id;
    };
    ownTermId = await own(d.network.id, 'peer-support');
    foreignTermId = await own(mt.network.id, 'mt-only');
  });
  afterAll(() => app.close());

  it('MT-9: the taxonomy is Open Eligibility plus the network’s own terms, as a two-level tree', async () => {
    const res = await user.get('/api/directory/taxonomy');
    expect(res.status).toBe(200);
    const items = res.body.items as { code: string; children: { id: string; code: string; name: string }[] }[];
    const food = items.find((t) => t.code === 'food')!;
    expect(food).toMatchObject({ id: termId('food'), name: 'Food' });
    expect(food.children).toContainEqual({
      id: termId('food.food-pantry'),
      code: 'food.food-pantry',
      name: 'Food Pantry',
    });
    expect(items.find((t) => t.code === 'peer-support')!.children.map((c) => c.id)).toEqual([ownTermId]);
    expect(items.some((t) => t.code === 'mt-only')).toBe(false);
    expect(items.filter((t) => t.code.includes('.'))).toEqual([]);
  });

  it('MT-9: facets list the regions and counties (in person and telemedicine) of the listed programs', async () => {
    const res = await user.get('/api/directory/facets');
    expect(res.body).toEqual({
      regions: ['East', 'South', 'West'],
      counties: ['Cascade', 'Gallatin', 'Jefferson', 'Lewis and Clark', 'Missoula', 'Yellowstone'],
    });
    // MT-4: in the MT network no program has an agreement yet, so there is nothing to filter.
    expect((await mtUser.get('/api/directory/facets')).body).toEqual({ regions: [], counties: [] });
  });

  it('MT-9: one entry of another organization of the network is readable, with whether it receives referrals', async () => {
    const res = await user.get(`/api/directory/programs/${d.programs.navigation.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: d.programs.navigation.id,
      organization: { id: d.organizations.housing.id, name: 'Missoula Housing Partners' },
      services: [{ code: 'housing.help-pay-for-housing' }],
      receivesReferrals: true,
      referralRefusal: null,
    });
    const closed = await user.get(`/api/directory/programs/${d.programs.meals.id}`);
    expect(closed.body).toMatchObject({
      receivesReferrals: false,
      referralRefusal: 'This program is not accepting referrals.',
    });
  });

  it('X-1: a program of another network is not found', async () => {
    const res = await user.get(`/api/directory/programs/${mt.programs.pantry.id}`);
    expect(res.status).toBe(404);
    expect(res.res.body).not.toContain('Emergency Pantry');
  });

  it('MT-4: without a valid agency agreement a program cannot receive referrals, and the entry says why', async () => {
    const none = await mtUser.get(`/api/directory/programs/${mt.programs.meals.id}`);
    expect(none.body).toMatchObject({
      receivesReferrals: false,
      referralRefusal:
        'This program has no signed agency agreement; it cannot receive referrals until a gatekeeper signs it.',
    });
    await database.db
      .update(programs)
      .set({ agreementValidUntil: new Date('2026-10-01T00:00:00Z') })
      .where(eq(programs.id, mt.programs.navigation.id));
    const lapsed = await mtUser.get(`/api/directory/programs/${mt.programs.navigation.id}`);
    expect(lapsed.body.referralRefusal).toBe(
      "This program's agency agreement lapsed on 2026-10-01; it cannot receive referrals until a gatekeeper signs it.",
    );
    await database.db
      .update(programs)
      .set({ agreementValidUntil: new Date(Date.now() + 300 * DAY) })
      .where(eq(programs.id, mt.programs.navigation.id));
    const valid = await mtUser.get(`/api/directory/programs/${mt.programs.navigation.id}`);
    expect(valid.body).toMatchObject({ receivesReferrals: true, referralRefusal: null });
  });

  it('MT-4: assertProgramReceivesReferrals refuses with a 409 and the same message, and lets a valid program through', async () => {
    const rule = { requiresAgencyAgreement: true };
    const refusal = await systemTx(database.db, (tx) =>
      assertProgramReceivesReferrals(tx, rule, mt.programs.telehealth, new Date()),
    ).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).status).toBe(409);
    expect((refusal as AppError).message).toMatch(/no signed agency agreement/);
    await expect(
      systemTx(database.db, (tx) =>
        assertProgramReceivesReferrals(tx, { requiresAgencyAgreement: false }, mt.programs.telehealth, new Date()),
      ),
    ).resolves.toBeUndefined();
    // The closed program is refused even where agreements are not required.
    const closed = await systemTx(database.db, (tx) =>
      assertProgramReceivesReferrals(tx, { requiresAgencyAgreement: false }, d.programs.meals, new Date()),
    ).catch((e: unknown) => e);
    expect((closed as AppError).message).toBe('This program is not accepting referrals.');
    // A program of another network is not found through the first network's id pair.
    const elsewhere = await systemTx(database.db, (tx) =>
      assertProgramReceivesReferrals(tx, rule, { id: mt.programs.pantry.id, networkId: d.network.id }, new Date()),
    ).catch((e: unknown) => e);
    expect((elsewhere as AppError).status).toBe(404);
  });

  describe('program directory fields (Agency page editing)', () => {
    let admin: string;
    const patch = (payload: object, id = d.programs.pantry.id) =>
      app.inject({ method: 'PATCH', url: `/api/programs/${id}`, headers: { cookie: admin }, payload });

    beforeAll(async () => {
      const gatekeeper = await makeUser(database.db, [[d.programs.pantry, ['mt_gatekeeper']]]);
      admin = await signIn(app, gatekeeper.email);
    });

    it('MT-9: a program’s services, telemedicine, insurance, languages, eligibility and hours are edited and searchable', async () => {
      const res = await patch({
        serviceTermIds: [termId('food.food-pantry'), termId('food.meals'), ownTermId],
        telemedicine: true,
        telemedicineCounties: ['Broadwater'],
        insurance: ['medicaid', 'none_required'],
        languages: ['English', 'Spanish'],
        eligibility: 'Residents of Lewis and Clark County',
        hours: 'Mon–Sat 8:00–18:00',
        addressLine2: 'Suite 4',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        serviceTermIds: [termId('food.food-pantry'), termId('food.meals'), ownTermId],
        telemedicine: true,
        telemedicineCounties: ['Broadwater'],
        insurance: ['medicaid', 'none_required'],
        languages: ['English', 'Spanish'],
        eligibility: 'Residents of Lewis and Clark County',
        hours: 'Mon–Sat 8:00–18:00',
        addressLine2: 'Suite 4',
        agreementValidUntil: null,
      });
      const found = await user.get('/api/directory/programs?county=Broadwater&service=peer-support');
      expect(found.body.items.map((e: { name: string }) => e.name)).toEqual(['Emergency Pantry']);
      expect(found.body.items[0].matchedByTelemedicine).toBe(true);
    });

    it('MT-9: a service term the network does not see is a 400 naming body.serviceTermIds', async () => {
      for (const id of [foreignTermId, '00000000-0000-4000-8000-000000000000']) {
        const res = await patch({ serviceTermIds: [termId('food'), id] });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors).toEqual([{ field: 'body.serviceTermIds', message: expect.stringContaining(id) }]);
      }
    });

    it('MT-9: an unknown insurance code is refused, and the agreement validity cannot be edited', async () => {
      const insurance = await patch({ insurance: ['gold'] });
      expect(insurance.statusCode).toBe(400);
      expect(insurance.json().errors.map((e: { field: string }) => e.field)).toContain('body.insurance.0');
      const agreement = await patch({ agreementValidUntil: '2030-01-01T00:00:00Z' });
      expect(agreement.statusCode).toBe(400);
      expect(agreement.json().errors.map((e: { field: string }) => e.field)).toContain('body.agreementValidUntil');
    });
  });
});
