import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { ManualClock, MINUTE } from '../../platform/clock/clock.js';
import { buildTestApp, TEST_PASSWORD } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeNetwork, makeOrganization, makeProgram, makeUser, type TestProgram } from '../../test/factories.js';
import { cookieOf, getSession, postSignIn } from '../../test/sign-in.js';

interface Listed {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
}

describe(`sessions: rotation, idle and absolute lifetime, sign out elsewhere on ${testDriver} (X-1)`, () => {
  let app: App;
  let database: Database;
  let program: TestProgram;
  const clock = new ManualClock();

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp({ clock });
    const network = await makeNetwork(database.db, 'default');
    program = await makeProgram(database.db, await makeOrganization(database.db, network.id));
  });
  afterAll(() => app.close());

  const newUser = () => makeUser(database.db, [[program, ['mt_provider']]]);
  const open = async (email: string, old?: string) => {
    const res = await postSignIn(app, email, TEST_PASSWORD, old);
    expect(res.statusCode).toBe(200);
    return cookieOf(res);
  };
  const list = async (cookie: string) => {
    const res = await app.inject({ method: 'GET', url: '/api/sessions', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    return res.json().items as Listed[];
  };
  const status = async (cookie: string) => (await getSession(app, cookie)).statusCode;

  it('X-1: the session cookie changes at every sign-in; signing in with the old cookie ends the old session', async () => {
    const user = await newUser();
    const first = await open(user.email);
    const second = await open(user.email);
    expect(second).not.toBe(first);
    // Without the old cookie, both sessions live (two browsers).
    expect([await status(first), await status(second)]).toEqual([200, 200]);
    const rotated = await open(user.email, second);
    expect(rotated).not.toBe(second);
    expect(await status(second)).toBe(401);
    expect(await status(rotated)).toBe(200);
    expect(await status(first)).toBe(200);
  });

  it('X-1: idle timeout — 16 minutes after the last request the session answers 401 naming the minutes', async () => {
    const user = await newUser();
    const cookie = await open(user.email);
    for (let i = 0; i < 3; i++) {
      clock.advance(14 * MINUTE);
      expect(await status(cookie)).toBe(200);
    }
    clock.advance(16 * MINUTE);
    const idle = await getSession(app, cookie);
    expect(idle.statusCode).toBe(401);
    expect(idle.json()).toMatchObject({ code: 'unauthenticated' });
    expect(idle.json().detail).toMatch(/15 minutes without activity/);
    // The idle session is gone for good, not only refused once.
    clock.advance(-16 * MINUTE);
    expect(await status(cookie)).toBe(401);
    clock.advance(16 * MINUTE);
  });

  it('X-1: absolute lifetime — after 12 hours the session ends even with a request every 10 minutes', async () => {
    const user = await newUser();
    const cookie = await open(user.email);
    for (let i = 0; i < 71; i++) {
      clock.advance(10 * MINUTE);
      expect(await status(cookie), `after ${(i + 1) * 10} minutes`).toBe(200);
    }
    clock.advance(11 * MINUTE);
    const ended = await getSession(app, cookie);
    expect(ended.statusCode).toBe(401);
    expect(ended.json().detail).toMatch(/session has ended/);
    expect(ended.json().detail).not.toMatch(/without activity/);
  });

  it('X-1: GET /api/sessions lists my two sessions, flags the current one and shows no token', async () => {
    const user = await newUser();
    const first = await open(user.email);
    const second = await open(user.email);
    const items = await list(second);
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    for (const s of items) {
      expect(s.id).toMatch(/^[0-9a-f]{16}$/);
      expect(s.ip).toBe('127.0.0.1');
      expect(first).not.toContain(s.id);
      expect(second).not.toContain(s.id);
    }
    const fromFirst = await list(first);
    expect(fromFirst.find((s) => s.current)?.id).not.toBe(items.find((s) => s.current)?.id);
    // Another user's list holds none of these sessions.
    const other = await open((await newUser()).email);
    expect((await list(other)).map((s) => s.id)).not.toContain(items[0]!.id);
  });

  it('X-1: DELETE /api/sessions?keepCurrent=true ends the other sessions and keeps this one', async () => {
    const user = await newUser();
    const elsewhere = await open(user.email);
    const third = await open(user.email);
    const here = await open(user.email);
    const res = await app.inject({
      method: 'DELETE',
      url: '/api/sessions?keepCurrent=true',
      headers: { cookie: here },
    });
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'] ?? '')).not.toMatch(/portico_session=;/);
    expect([await status(elsewhere), await status(third), await status(here)]).toEqual([401, 401, 200]);
    const items = await list(here);
    expect(items).toHaveLength(1);
    expect(items[0]!.current).toBe(true);
  });

  it('X-1: DELETE /api/sessions signs out everywhere, this session included, and clears the cookie', async () => {
    const user = await newUser();
    const elsewhere = await open(user.email);
    const here = await open(user.email);
    const res = await app.inject({ method: 'DELETE', url: '/api/sessions', headers: { cookie: here } });
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/portico_session=;/);
    expect([await status(elsewhere), await status(here)]).toEqual([401, 401]);
    expect((await postSignIn(app, user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('X-1: DELETE /api/sessions/:id ends one other session of mine', async () => {
    const user = await newUser();
    const elsewhere = await open(user.email);
    const here = await open(user.email);
    const target = (await list(here)).find((s) => !s.current)!;
    const res = await app.inject({ method: 'DELETE', url: `/api/sessions/${target.id}`, headers: { cookie: here } });
    expect(res.statusCode).toBe(204);
    expect([await status(elsewhere), await status(here)]).toEqual([401, 200]);
    const again = await app.inject({ method: 'DELETE', url: `/api/sessions/${target.id}`, headers: { cookie: here } });
    expect(again.statusCode).toBe(404);
  });

  it('X-1: a made-up session cookie answers 401', async () => {
    expect(await status('portico_session=not-a-real-session-token-at-all')).toBe(401);
  });
});
