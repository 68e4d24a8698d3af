import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { buildTestApp, signIn, TEST_PASSWORD } from '../test/app.js';
import { testDatabase, testDriver } from '../test/db.js';
import { makeTenantPair } from '../test/factories.js';
import { getSession } from '../test/sign-in.js';
import type { App } from './types.js';

const EVIL = 'https://evil.example';

describe(`cross-site request forgery and security headers on ${testDriver} (X-1)`, () => {
  let app: App;
  let database: Database;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;
  let cookie: string;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    t = await makeTenantPair(database.db);
    cookie = await signIn(app, t.adminA.email);
  });
  afterAll(() => app.close());

  const patchPhone = (phone: string, headers: Record<string, string>) =>
    app.inject({
      method: 'PATCH',
      url: `/api/organizations/${t.a.organizationId}`,
      headers: { cookie, ...headers },
      payload: { phone },
    });
  const phoneNow = async () =>
    (await app.inject({ method: 'GET', url: `/api/organizations/${t.a.organizationId}`, headers: { cookie } })).json()
      .phone;

  it('X-1: a cookie-authenticated PATCH with a foreign Origin answers 403 and changes nothing', async () => {
    const before = await phoneNow();
    const res = await patchPhone('406-555-0666', { origin: EVIL });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'forbidden', detail: 'Requests from another site are refused.' });
    expect(await phoneNow()).toBe(before);
  });

  it('X-1: a cookie-authenticated POST with a foreign Origin answers 403 (here: reading all notifications)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/notifications/read-all',
      headers: { cookie, origin: EVIL },
    });
    expect(res.statusCode).toBe(403);
  });

  it('X-1: Sec-Fetch-Site: cross-site answers 403 even without an Origin', async () => {
    const res = await patchPhone('406-555-0667', { 'sec-fetch-site': 'cross-site' });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('Requests from another site are refused.');
  });

  it('X-1: an opaque (null) or unreadable Origin answers 403', async () => {
    const opaque = await patchPhone('406-555-0668', { origin: 'null' });
    expect(opaque.statusCode).toBe(403);
    expect(opaque.json().detail).toMatch(/opaque origin/);
    const garbage = await patchPhone('406-555-0669', { origin: 'not a url' });
    expect(garbage.statusCode).toBe(403);
    expect(garbage.json().detail).toMatch(/invalid Origin/);
  });

  it('X-1: the same host on another port is another origin (403)', async () => {
    expect((await patchPhone('406-555-0670', { origin: 'http://localhost:3000' })).statusCode).toBe(403);
  });

  it('X-1: an Origin equal to the Host header (inject sends Host localhost:80; Origin http://localhost:80) is allowed', async () => {
    const same = await patchPhone('406-555-0671', { origin: 'http://localhost:80' });
    expect(same.statusCode).toBe(200);
    expect(await phoneNow()).toBe('406-555-0671');
  });

  it('X-1: a browser’s same-origin request (Origin without the default port, matching Host) is allowed', async () => {
    const host = 'portal.example.org';
    const plain = await patchPhone('406-555-0672', { host, origin: `https://${host}` });
    expect(plain.statusCode).toBe(200);
    expect(await phoneNow()).toBe('406-555-0672');
    const fetchMeta = await patchPhone('406-555-0674', {
      host,
      origin: `https://${host}`,
      'sec-fetch-site': 'same-origin',
    });
    expect(fetchMeta.statusCode).toBe(200);
    expect(await phoneNow()).toBe('406-555-0674');
  });

  it('X-1: a request without Origin or Sec-Fetch-Site (a non-browser client) is allowed', async () => {
    expect((await patchPhone('406-555-0673', {})).statusCode).toBe(200);
  });

  it('X-1: a GET with a foreign Origin is not refused (reads change nothing)', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/organizations/${t.a.organizationId}`,
      headers: { cookie, origin: EVIL, 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(200);
  });

  it('X-1: a forged sign-in or sign-out from another site is refused (no login CSRF, the session stays)', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { origin: EVIL },
      payload: { email: t.adminB.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(403);
    expect(login.cookies.find((c) => c.name === 'portico_session')).toBeUndefined();
    const logout = await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie, origin: EVIL } });
    expect(logout.statusCode).toBe(403);
    expect((await getSession(app, cookie)).statusCode).toBe(200);
  });

  it('X-1: a forged password change from another site is refused', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/session/password',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Evil-Chosen-1' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('X-1: answers forbid framing (frame-ancestors none) and carry the other security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const problem = await app.inject({ method: 'GET', url: '/api/organizations' });
    expect(problem.statusCode).toBe(401);
    expect(String(problem.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });
});
