import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { App, AppDeps } from '../../http/types.js';
import { DAY, ManualClock } from '../../platform/clock/clock.js';
import { actAs, signIn, testDeps } from '../../test/app.js';
import { testDriver } from '../../test/db.js';
import { makeOrganization, makeProgram, makeTenantPair, makeUser } from '../../test/factories.js';
import { auditOf } from '../../test/helpers.js';
import { memberships } from '../memberships/memberships.table.js';
import { programs } from '../organizations/organizations.table.js';
import { validUntilOf } from './agency-agreements.rules.js';

const TEXT =
  'The agency agrees to accept referrals only with a valid client consent and to respond within one business day.';

describe(`agency agreements on ${testDriver} (MT-4)`, () => {
  let app: App;
  let deps: AppDeps;
  const clock = new ManualClock(new Date('2027-03-10T12:00:00Z'));
  const json = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    deps = await testDeps({ clock });
    app = await buildApp(deps);
    await app.ready();
  });
  afterAll(() => app.close());

  /** A network with a published version, a gatekeeper of program A and the administrator's cookie. */
  async function setup(preset: 'mt-referral-network' | 'default' = 'mt-referral-network') {
    const t = await makeTenantPair(deps.database.db, preset);
    const admin = await signIn(app, t.networkAdmin.email);
    const published = await json(admin, 'POST', '/api/agency-agreement/versions', { version: '2027-01', text: TEXT });
    expect(published.statusCode).toBe(201);
    const gatekeeper = await makeUser(deps.database.db, [[t.a, ['mt_gatekeeper']]], {
      name: `Gina Keeper ${randomUUID().slice(0, 4)}`,
    });
    return { ...t, admin, version: published.json(), gatekeeper, gk: await signIn(app, gatekeeper.email) };
  }
  const signFor = (cookie: string, programId: string, versionId: string, signerName: string, confirm = true) =>
    json(cookie, 'POST', '/api/agency-agreement/signatures', { programId, versionId, signerName, confirm });

  it('MT-4/X-2: a network administrator publishes versions; the latest is current; a duplicate label is 409; audited', async () => {
    const t = await setup();
    expect(t.version).toMatchObject({ version: '2027-01', text: TEXT, publishedBy: t.networkAdmin.name });
    expect(
      (await json(t.admin, 'POST', '/api/agency-agreement/versions', { version: '2027-01', text: `${TEXT} Again.` }))
        .statusCode,
    ).toBe(409);
    expect((await json(t.gk, 'POST', '/api/agency-agreement/versions', { version: 'x', text: TEXT })).statusCode).toBe(
      403,
    );
    clock.advance(1000);
    const second = await json(t.admin, 'POST', '/api/agency-agreement/versions', {
      version: '2027-06',
      text: `${TEXT} Revised.`,
    });
    expect(second.statusCode).toBe(201);

    const current = (await json(t.gk, 'GET', '/api/agency-agreement')).json();
    expect(current).toMatchObject({ required: true, current: { version: '2027-06', text: `${TEXT} Revised.` } });
    const history = (await json(t.gk, 'GET', '/api/agency-agreement/versions')).json();
    expect(history.items.map((v: { version: string }) => v.version)).toEqual(['2027-06', '2027-01']);
    const audit = (await auditOf(deps.database.db, t.network.id)).filter(
      (e) => e.action === 'agency_agreement.publish',
    );
    expect(audit.map((e) => e.details)).toEqual([{ version: '2027-01' }, { version: '2027-06' }]);
  });

  it('MT-4: two administrators publishing one label at once: one is published, the other gets 409', async () => {
    const t = await setup();
    const both = await Promise.all(
      [1, 2].map((n) =>
        json(t.admin, 'POST', '/api/agency-agreement/versions', { version: '2027-05', text: `${TEXT} ${n}` }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().detail).toMatch(/already published/);
  });

  it('MT-4/X-2: a gatekeeper signs with typed name + confirmation; valid 12 months; the directory validity moves; audited', async () => {
    clock.set(new Date('2027-03-10T12:00:00Z'));
    const t = await setup();
    const bad = async (body: Parameters<typeof signFor>, field: string) => {
      const res = await signFor(...body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    };
    await bad([t.gk, t.a.id, t.version.id, 'Somebody Else'], 'body.signerName');
    await bad([t.gk, t.a.id, t.version.id, t.gatekeeper.name, false], 'body.confirm');

    const signed = await signFor(t.gk, t.a.id, t.version.id, `  ${t.gatekeeper.name.toUpperCase()} `);
    expect(signed.statusCode).toBe(201);
    expect(signed.json()).toMatchObject({
      programId: t.a.id,
      status: 'valid',
      signedAt: '2027-03-10T12:00:00.000Z',
      validUntil: '2028-03-10T12:00:00.000Z',
      signerName: t.gatekeeper.name.toUpperCase(),
      version: '2027-01',
      daysLeft: 366,
    });
    const [p] = await deps.database.db.select().from(programs).where(eq(programs.id, t.a.id));
    expect(p!.agreementValidUntil?.toISOString()).toBe(signed.json().validUntil);
    const [entry] = (await auditOf(deps.database.db, t.network.id)).filter((e) => e.action === 'agency_agreement.sign');
    expect(entry).toMatchObject({ entityType: 'program', entityId: t.a.id, actorUserId: t.gatekeeper.id });
    expect(entry!.details).toMatchObject({ version: '2027-01', validUntil: signed.json().validUntil });
  });

  it('MT-4: a stale version is 409; a new version does not void existing signatures, the next signing uses the new text', async () => {
    const t = await setup();
    expect((await signFor(t.gk, t.a.id, t.version.id, t.gatekeeper.name)).statusCode).toBe(201);
    clock.advance(1000);
    const v2 = (
      await json(t.admin, 'POST', '/api/agency-agreement/versions', { version: '2027-09', text: `${TEXT} New.` })
    ).json();
    const [mine] = (await json(t.gk, 'GET', '/api/agency-agreement/programs')).json().items;
    expect(mine).toMatchObject({ programId: t.a.id, status: 'valid', version: '2027-01' });
    const stale = await signFor(t.gk, t.a.id, t.version.id, t.gatekeeper.name);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(/2027-09/);
    const again = await signFor(t.gk, t.a.id, v2.id, t.gatekeeper.name);
    expect(again.json()).toMatchObject({ status: 'valid', version: '2027-09' });
    const history = (await json(t.gk, 'GET', `/api/agency-agreement/programs/${t.a.id}/signatures`)).json();
    expect(history.items.map((s: { version: string }) => s.version)).toEqual(['2027-09', '2027-01']);
  });

  it('MT-4: only a gatekeeper with an active membership in the program signs (providers and ended memberships refused)', async () => {
    const t = await setup();
    const provider = await makeUser(deps.database.db, [[t.a, ['mt_provider']]]);
    const pc = await signIn(app, provider.email);
    expect((await signFor(pc, t.a.id, t.version.id, provider.name)).statusCode).toBe(403);
    expect((await json(pc, 'GET', '/api/agency-agreement/programs')).json().items).toEqual([]);
    // A second program of the same organization where the gatekeeper has no role.
    const other = await makeProgram(deps.database.db, { id: t.a.organizationId, networkId: t.network.id });
    expect((await signFor(t.gk, other.id, t.version.id, t.gatekeeper.name)).statusCode).toBe(403);
    const both = await makeUser(deps.database.db, [
      [t.a, ['mt_provider']],
      [other, ['mt_gatekeeper']],
    ]);
    const bc = await actAs(app, both.email, t.a.id);
    const listed = (await json(bc, 'GET', '/api/agency-agreement/programs')).json().items;
    expect(listed.map((p: { programId: string }) => p.programId)).toEqual([other.id]);
    expect((await signFor(bc, other.id, t.version.id, both.name)).statusCode).toBe(201);
    await deps.database.db
      .update(memberships)
      .set({ endsAt: new Date(Date.now() - DAY) })
      .where(and(eq(memberships.userId, both.id), eq(memberships.programId, other.id)));
    // Acting as A (still a provider there), the ended gatekeeper membership in the other program signs nothing.
    expect((await signFor(bc, other.id, t.version.id, both.name)).statusCode).toBe(403);
  });

  it('MT-4: statuses unsigned, valid, due soon and lapsed; the administrator lists all programs and filters by status', async () => {
    const t = await setup();
    const org = await makeOrganization(deps.database.db, t.network.id);
    const soon = await makeProgram(deps.database.db, org, { name: `Soon ${randomUUID().slice(0, 4)}` });
    const late = await makeProgram(deps.database.db, org, { name: `Late ${randomUUID().slice(0, 4)}` });
    const start = clock.now();
    expect((await signFor(t.admin, late.id, t.version.id, t.networkAdmin.name)).statusCode).toBe(201);
    clock.set(new Date(start.getTime() + 40 * DAY));
    let admin = await signIn(app, t.networkAdmin.email);
    expect((await signFor(admin, soon.id, t.version.id, t.networkAdmin.name)).statusCode).toBe(201);
    expect((await signFor(admin, t.a.id, t.version.id, t.networkAdmin.name)).statusCode).toBe(201);
    // 20 days before the later signatures lapse: the first one has lapsed by then.
    clock.set(new Date(validUntilOf(clock.now()).getTime() - 20 * DAY));
    admin = await signIn(app, t.networkAdmin.email);
    const all = (await json(admin, 'GET', '/api/agency-agreement/programs?limit=200')).json().items as {
      programId: string;
      status: string;
      daysLeft: number | null;
    }[];
    const by = (id: string) => all.find((p) => p.programId === id);
    expect(by(late.id)).toMatchObject({ status: 'lapsed', daysLeft: null });
    expect(by(soon.id)).toMatchObject({ status: 'due_soon', daysLeft: 20 });
    expect(by(t.b.id)).toMatchObject({ status: 'unsigned', daysLeft: null });
    expect(by(t.office.id)).toMatchObject({ status: 'unsigned' });
    const lapsed = (await json(admin, 'GET', '/api/agency-agreement/programs?status=lapsed')).json().items;
    expect(lapsed.map((p: { programId: string }) => p.programId)).toEqual([late.id]);
    const page = (await json(admin, 'GET', '/api/agency-agreement/programs?limit=2')).json();
    expect(page.items).toHaveLength(2);
    const rest = (
      await json(admin, 'GET', `/api/agency-agreement/programs?limit=200&cursor=${page.nextCursor}`)
    ).json();
    expect(page.items.length + rest.items.length).toBe(all.length);
    // The gatekeeper's own list has just their program, with the same status.
    const gk = await signIn(app, t.gatekeeper.email);
    const [mine] = (await json(gk, 'GET', '/api/agency-agreement/programs')).json().items;
    expect(mine).toMatchObject({ programId: t.a.id, status: 'due_soon' });
  });

  it('MT-4: where the network does not require the agreement, signing is optional but still possible', async () => {
    const t = await setup('default');
    expect((await json(t.gk, 'GET', '/api/agency-agreement')).json()).toMatchObject({ required: false });
    expect((await signFor(t.gk, t.a.id, t.version.id, t.gatekeeper.name)).statusCode).toBe(201);
  });

  it('X-1: a gatekeeper of organization A neither signs for nor lists organization B’s programs', async () => {
    const t = await setup();
    const forB = await signFor(t.gk, t.b.id, t.version.id, t.gatekeeper.name);
    expect(forB.statusCode).toBe(404);
    const missing = await signFor(t.gk, randomUUID(), t.version.id, t.gatekeeper.name);
    expect([forB.statusCode, forB.json().detail]).toEqual([missing.statusCode, missing.json().detail]);
    const listed = (await json(t.gk, 'GET', '/api/agency-agreement/programs?limit=200')).json().items;
    expect(listed.map((p: { programId: string }) => p.programId)).toEqual([t.a.id]);
    expect((await json(t.gk, 'GET', `/api/agency-agreement/programs/${t.b.id}/signatures`)).statusCode).toBe(404);
    // Another network's administrator sees none of this network's programs or versions.
    const other = await makeTenantPair(deps.database.db);
    const oc = await signIn(app, other.networkAdmin.email);
    expect((await signFor(oc, t.a.id, t.version.id, other.networkAdmin.name)).statusCode).toBe(404);
    expect((await json(oc, 'GET', '/api/agency-agreement')).json().current).toBeNull();
    const theirs = (await json(oc, 'GET', '/api/agency-agreement/programs?limit=200')).json().items;
    expect(theirs.some((p: { programId: string }) => p.programId === t.a.id)).toBe(false);
  });
});
