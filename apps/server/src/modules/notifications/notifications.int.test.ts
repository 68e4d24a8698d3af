import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { buildTestApp, signIn } from '../../test/app.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeTenantPair, makeUser } from '../../test/factories.js';
import { notifications } from './notifications.table.js';

type Item = { id: string; title: string; readAt: string | null };

describe(`in-app notifications on ${testDriver} (X-3)`, () => {
  let app: App;
  let database: Database;
  let t: Awaited<ReturnType<typeof makeTenantPair>>;

  beforeAll(async () => {
    database = await testDatabase();
    app = await buildTestApp();
    t = await makeTenantPair(database.db);
  });
  afterAll(() => app.close());

  /** A user of program A with three notifications an hour apart (oldest first). */
  async function inbox() {
    const user = await makeUser(database.db, [[t.a, ['mt_provider']]]);
    const base = Date.now() - 3 * 3600_000;
    await database.db.insert(notifications).values(
      ['first', 'second', 'third'].map((title, i) => ({
        networkId: t.network.id,
        userId: user.id,
        kind: 'test',
        title,
        createdAt: new Date(base + i * 3600_000),
      })),
    );
    return { user, cookie: await signIn(app, user.email) };
  }
  const list = async (cookie: string, query = '') => {
    const res = await app.inject({ method: 'GET', url: `/api/notifications${query}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    return res.json() as { items: Item[]; unreadCount: number; nextCursor: string | null };
  };
  const post = (cookie: string, url: string) => app.inject({ method: 'POST', url, headers: { cookie } });

  it('X-3: lists my notifications newest first with the unread count', async () => {
    const { cookie } = await inbox();
    const body = await list(cookie);
    expect(body.items.map((n) => n.title)).toEqual(['third', 'second', 'first']);
    expect(body.unreadCount).toBe(3);
  });

  it('X-3: pages newest first with a cursor', async () => {
    const { cookie } = await inbox();
    const first = await list(cookie, '?limit=2');
    expect(first.items.map((n) => n.title)).toEqual(['third', 'second']);
    const second = await list(cookie, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((n) => n.title)).toEqual(['first']);
    expect(second.nextCursor).toBeNull();
  });

  it('X-3: marking one read lowers the unread count and leaves the others unread', async () => {
    const { cookie } = await inbox();
    const second = (await list(cookie)).items.find((n) => n.title === 'second')!;
    expect((await post(cookie, `/api/notifications/${second.id}/read`)).statusCode).toBe(204);
    const body = await list(cookie);
    expect(body.unreadCount).toBe(2);
    expect(body.items.map((n) => [n.title, n.readAt !== null])).toEqual([
      ['third', false],
      ['second', true],
      ['first', false],
    ]);
    expect((await list(cookie, '?unreadOnly=true')).items.map((n) => n.title)).toEqual(['third', 'first']);
  });

  it('X-3: marking all read leaves nothing unread', async () => {
    const { cookie } = await inbox();
    expect((await post(cookie, '/api/notifications/read-all')).statusCode).toBe(204);
    const body = await list(cookie);
    expect(body.unreadCount).toBe(0);
    expect(body.items.every((n) => n.readAt !== null)).toBe(true);
  });

  it("X-1: another user's notification answers 404 and stays unread", async () => {
    const mine = await inbox();
    const theirs = await inbox();
    const target = (await list(theirs.cookie)).items[0]!;
    const res = await post(mine.cookie, `/api/notifications/${target.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(target.title);
    expect((await list(theirs.cookie)).unreadCount).toBe(3);
    expect((await list(mine.cookie)).items.map((n) => n.id)).not.toContain(target.id);
  });
});
