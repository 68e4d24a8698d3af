import { PRESET_POLICIES } from '@portico/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { DAY, ManualClock } from '../../platform/clock/clock.js';
import { signIn, testDeps } from '../../test/app.js';
import { testDriver } from '../../test/db.js';
import { makeTenantPair, makeUser } from '../../test/factories.js';
import { networks } from '../networks/networks.table.js';

// MT-3: the user agreement, signed at first sign-in and yearly; until then client, consent and
// referral routes (here a route guarded the way those modules guard theirs) answer 403.
describe(`user agreement on ${testDriver} (MT-3)`, () => {
  let app: App;
  let deps: AppDeps;
  const clock = new ManualClock(new Date('2026-11-25T09:00:00Z'));
  let mt: Awaited<ReturnType<typeof makeTenantPair>>;
  let plain: Awaited<ReturnType<typeof makeTenantPair>>;

  beforeAll(async () => {
    deps = await testDeps({ clock });
    app = await buildApp(deps);
    app.get(
      '/api/test-guarded',
      { preHandler: requireActor({ db: deps.database.db, clock }, { agreement: true }) },
      async () => ({ ok: true }),
    );
    await app.ready();
    mt = await makeTenantPair(deps.database.db, 'mt-referral-network');
    plain = await makeTenantPair(deps.database.db, 'default');
  });
  afterAll(() => app.close());

  const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  const sign = (cookie: string, payload: object) =>
    app.inject({ method: 'POST', url: '/api/agreement', headers: { cookie }, payload });

  it('MT-3: an unsigned agreement closes guarded routes with a message that says so, until signed', async () => {
    const user = await makeUser(deps.database.db, [[mt.a, ['mt_provider']]], { name: 'Una Signer' });
    const cookie = await signIn(app, user.email);
    const status = (await get('/api/agreement', cookie)).json();
    expect(status).toMatchObject({
      required: true,
      due: true,
      version: PRESET_POLICIES['mt-referral-network'].userAgreement?.version,
    });
    expect(status.text).toMatch(/confidential/);
    const refused = await get('/api/test-guarded', cookie);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/user agreement/);

    expect(
      (await sign(cookie, { version: status.version, typedName: 'Somebody Else', accept: true })).json().errors[0]
        .field,
    ).toBe('body.typedName');
    expect(
      (await sign(cookie, { version: status.version, typedName: 'Una Signer', accept: false })).json().errors[0].field,
    ).toBe('body.accept');
    expect((await sign(cookie, { version: 'old', typedName: 'Una Signer', accept: true })).json().errors[0].field).toBe(
      'body.version',
    );
    const signed = await sign(cookie, { version: status.version, typedName: ' una  signer ', accept: true });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ due: false });
    expect((await get('/api/test-guarded', cookie)).statusCode).toBe(200);
  });

  it('MT-3: the signature is due again after 12 months and when the version changes', async () => {
    const user = await makeUser(deps.database.db, [[mt.a, ['mt_gatekeeper']]], { name: 'Yara Yearly' });
    let cookie = await signIn(app, user.email);
    const { version } = (await get('/api/agreement', cookie)).json();
    await sign(cookie, { version, typedName: 'Yara Yearly', accept: true });
    clock.advance(364 * DAY);
    cookie = await signIn(app, user.email);
    expect((await get('/api/test-guarded', cookie)).statusCode).toBe(200);
    clock.advance(2 * DAY);
    cookie = await signIn(app, user.email);
    expect((await get('/api/test-guarded', cookie)).statusCode).toBe(403);
    await sign(cookie, { version, typedName: 'Yara Yearly', accept: true });
    expect((await get('/api/test-guarded', cookie)).statusCode).toBe(200);

    const policy = {
      ...PRESET_POLICIES['mt-referral-network'],
      userAgreement: { version: '2027-01', text: 'Revised terms.' },
    };
    await deps.database.db.update(networks).set({ policy }).where(eq(networks.id, mt.network.id));
    expect((await get('/api/agreement', cookie)).json()).toMatchObject({ due: true, version: '2027-01' });
    expect((await get('/api/test-guarded', cookie)).statusCode).toBe(403);
  });

  it('MT-3: network administrators list who signed what and when; others may not', async () => {
    const admin = await signIn(app, mt.networkAdmin.email);
    const list = await get('/api/agreement/signatures', admin);
    expect(list.statusCode).toBe(200);
    const names = (list.json().items as { name: string; version: string; signedAt: string }[]).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Una Signer', 'Yara Yearly']));
    expect((await get('/api/agreement/signatures', await signIn(app, mt.adminA.email))).statusCode).toBe(403);
  });

  it('MT-3: a network without a user agreement asks for nothing', async () => {
    const cookie = await signIn(app, plain.adminA.email);
    expect((await get('/api/agreement', cookie)).json()).toMatchObject({ required: false, due: false });
    expect((await get('/api/test-guarded', cookie)).statusCode).toBe(200);
  });
});
