import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantTx } from '../../db/tx.js';
import { signIn } from '../../test/app.js';
import { testDriver } from '../../test/db.js';
import { makeTenantPair } from '../../test/factories.js';
import { auditOf } from '../../test/helpers.js';
import { CLIENT_ID, CLIENT_SECRET, startSsoWorld } from '../../test/sso.js';
import { networkSso } from './sso.table.js';

// ND-9: the network administrator's provider settings, the sign-in page's list, and the secret
// that no answer, audit entry or tenant transaction ever shows.
describe(`identity provider settings on ${testDriver} (ND-9)`, () => {
  let w: Awaited<ReturnType<typeof startSsoWorld>>;
  beforeAll(async () => {
    w = await startSsoWorld();
  });
  afterAll(() => w?.close());

  const settings = (cookie: string) => w.app.inject({ method: 'GET', url: '/api/network/sso', headers: { cookie } });
  const put = (cookie: string, payload: object) =>
    w.app.inject({ method: 'PUT', url: '/api/network/sso', headers: { cookie }, payload });
  const valid = () => ({ enabled: true, issuer: w.provider.issuer, clientId: CLIENT_ID, displayName: 'ND Login' });

  it('ND-9: administrators read and change the provider; the secret is never in an answer or the audit', async () => {
    const shown = await settings(w.adminCookie);
    expect(shown.json()).toEqual({ ...valid(), hasSecret: true, callbackUrl: `${w.publicUrl}/api/sso/callback` });
    expect(shown.body).not.toContain(CLIENT_SECRET);

    // No secret in the body keeps the stored one.
    const renamed = await put(w.adminCookie, { ...valid(), displayName: 'ND Login (state)' });
    expect(renamed.json()).toMatchObject({ displayName: 'ND Login (state)', hasSecret: true });
    const [row] = await w.db.select().from(networkSso).where(eq(networkSso.networkId, w.t.network.id));
    expect(row?.clientSecret).toBe(CLIENT_SECRET);

    const audit = (await auditOf(w.db, w.t.network.id)).filter((e) => e.action === 'network.sso_update');
    expect(audit.map((e) => e.details)).toEqual([
      { ...valid(), secretChanged: true },
      { ...valid(), displayName: 'ND Login (state)', secretChanged: false },
    ]);
    expect(JSON.stringify(audit)).not.toContain(CLIENT_SECRET);
  });

  it('ND-9: only network administrators see or change the provider (403 for everyone else)', async () => {
    const programAdmin = await signIn(w.app, w.t.adminA.email);
    expect((await settings(programAdmin)).statusCode).toBe(403);
    const refused = await put(programAdmin, { ...valid(), clientSecret: 'stolen' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain(CLIENT_SECRET);
    expect((await settings('portico_session=nonsense')).statusCode).toBe(401);
  });

  it('ND-9: the issuer must be https (http only on loopback) and must answer discovery to be switched on', async () => {
    const plainHttp = await put(w.adminCookie, { ...valid(), issuer: 'http://login.example.gov' });
    expect(plainHttp.statusCode).toBe(400);
    expect(plainHttp.json().errors[0].field).toBe('body.issuer');
    const silent = await put(w.adminCookie, { ...valid(), issuer: 'http://127.0.0.1:9/nothing' });
    expect(silent.statusCode).toBe(400);
    expect(silent.json().errors[0]).toMatchObject({
      field: 'body.issuer',
      message: expect.stringMatching(/discovery/),
    });
  });

  it('ND-9: tenant transactions cannot read the provider settings (the secret) or in-flight sign-ins', async () => {
    const settingsAs = {
      networkId: w.t.network.id,
      userId: w.t.networkAdmin.id,
      organizationId: w.t.office.organizationId,
    };
    for (const table of ['network_sso', 'sso_logins']) {
      await expect(
        tenantTx(w.db, { ...settingsAs, networkAdminOf: w.t.network.id }, (tx) =>
          tx.execute(sql`SELECT * FROM ${sql.identifier(table)}`),
        ),
      ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/permission denied/) } });
    }
  });

  it('ND-9: the sign-in page lists networks with the provider switched on; a switched-off one is refused', async () => {
    const listed = await w.app.inject({ method: 'GET', url: '/api/sso/networks' });
    expect(listed.json().items).toContainEqual({
      slug: w.t.network.slug,
      name: w.t.network.name,
      displayName: expect.stringMatching(/^ND Login/),
      startUrl: `/api/sso/start?network=${w.t.network.slug}`,
    });
    const off = await makeTenantPair(w.db, 'nd-care-coordination');
    const offAdmin = await signIn(w.app, off.networkAdmin.email);
    expect((await put(offAdmin, { ...valid(), enabled: false, clientSecret: 'x' })).statusCode).toBe(200);
    const after = (await w.app.inject({ method: 'GET', url: '/api/sso/networks' })).json().items;
    expect(after.map((n: { slug: string }) => n.slug)).not.toContain(off.network.slug);
    const start = await w.app.inject({ method: 'GET', url: `/api/sso/start?network=${off.network.slug}` });
    expect([start.statusCode, start.headers.location]).toEqual([302, '/sign-in?sso_error=unavailable']);
  });

  it('ND-9: a wrong client secret fails the code exchange (invalid), opening no session', async () => {
    await put(w.adminCookie, { ...valid(), clientSecret: 'not-the-secret' });
    const browser = w.browser();
    w.provider.accounts.set('someone', { email: w.t.adminA.email, email_verified: true });
    expect((await browser.signInThrough(w.startUrl, 'someone')).landing).toBe('/sign-in?sso_error=invalid');
    expect(browser.cookies.has('portico_session')).toBe(false);
    await put(w.adminCookie, { ...valid(), clientSecret: CLIENT_SECRET });
    expect((await browser.signInThrough(w.startUrl, 'someone')).landing).toBe('/');
  });
});
