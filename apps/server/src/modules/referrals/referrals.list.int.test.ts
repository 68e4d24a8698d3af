import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import type { App } from '../../http/types.js';
import { buildTestApp, signIn } from '../../test/app.js';
import { consentedClient } from '../../test/consented.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeTenantPair, makeUser } from '../../test/factories.js';
import { isoDay } from '../../test/helpers.js';
import { referrals } from './referrals.table.js';

type Pair = Awaited<ReturnType<typeof makeTenantPair>>;
type Page = { items: { id: string; stale: boolean }[]; nextCursor: string | null };

describe(`referral lists on ${testDriver} (MT-14, MT-16)`, () => {
  let app: App;
  let db: Database['db'];
  let t: Pair;
  const c = {} as Record<'a' | 'b' | 'pa1' | 'pa2' | 'pb1' | 'pb2', string>;
  const u = {} as Record<'pa1' | 'pb1' | 'pb2', { id: string }>;
  /** Between t.a and t.b: sent (by A's gatekeeper); assigned to pb1 and to pb2 (sent by pa1); refused; closed; a draft. */
  const r = {} as Record<'sent' | 'toPb1' | 'toPb2' | 'refused' | 'closed' | 'draft', string>;
  const tag = randomUUID().slice(0, 6);

  const post = async (cookie: string, url: string, payload: object, status = 200) => {
    const res = await app.inject({ method: 'POST', url, headers: { cookie }, payload });
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };
  const get = (cookie: string, query: string) =>
    app.inject({ method: 'GET', url: `/api/referrals?${query}`, headers: { cookie } });
  const list = async (cookie: string, query: string): Promise<Page> => {
    const res = await get(cookie, query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const ids = async (cookie: string, query: string) => (await list(cookie, query)).items.map((i) => i.id).sort();
  const set = (...xs: string[]) => [...xs].sort();

  /** A new client of `pair.a` named `lastName`, a signed consent naming `pair.b`, and a referral there (sent unless `draft`). */
  async function referral(pair: Pair, sender: string, lastName: string, draft = false): Promise<string> {
    const { client } = await consentedClient(app, db, sender, pair.a, [pair.b.id], { firstName: 'Wren', lastName });
    const { id } = await post(sender, '/api/referrals', { clientId: client.id, toProgramId: pair.b.id }, 201);
    if (!draft) await post(sender, `/api/referrals/${id}/send`, { insuranceConfirmed: true });
    return id;
  }
  const backdate = (id: string, at: Date) =>
    db.update(referrals).set({ createdAt: at, sentAt: at }).where(eq(referrals.id, id));

  beforeAll(async () => {
    db = (await testDatabase()).db;
    app = await buildTestApp();
    t = await makeTenantPair(db, 'default');
    const people = {
      pa1: await makeUser(db, [[t.a, ['mt_provider']]]),
      pa2: await makeUser(db, [[t.a, ['mt_provider']]]),
      pb1: await makeUser(db, [[t.b, ['mt_provider']]]),
      pb2: await makeUser(db, [[t.b, ['mt_provider']]]),
    };
    Object.assign(u, people);
    c.a = await signIn(app, t.adminA.email);
    c.b = await signIn(app, t.adminB.email);
    for (const k of ['pa1', 'pa2', 'pb1', 'pb2'] as const) c[k] = await signIn(app, people[k].email);

    r.sent = await referral(t, c.a, `Ashdown ${tag}`);
    r.toPb1 = await referral(t, c.pa1, `Birchall ${tag}`);
    await post(c.b, `/api/referrals/${r.toPb1}/assign`, { userId: u.pb1.id });
    r.toPb2 = await referral(t, c.pa1, `Corrigan ${tag}`);
    await post(c.b, `/api/referrals/${r.toPb2}/assign`, { userId: u.pb2.id });
    await post(c.pb2, `/api/referrals/${r.toPb2}/status`, { status: 'enrolled' });
    r.refused = await referral(t, c.a, `Dunmore ${tag}`);
    await post(c.b, `/api/referrals/${r.refused}/refuse`, { reason: 'no_capacity' });
    r.closed = await referral(t, c.a, `Ellery ${tag}`);
    await post(c.b, `/api/referrals/${r.closed}/assign`, { userId: u.pb1.id });
    await post(c.pb1, `/api/referrals/${r.closed}/status`, { status: 'closed_successful' });
    r.draft = await referral(t, c.a, `Fairbairn ${tag}`, true);
  });
  afterAll(() => app.close());

  it('MT-14: without a status only open referrals show; "any" is the only filter adding closed and refused', async () => {
    expect(await ids(c.b, 'box=received')).toEqual(set(r.sent, r.toPb1, r.toPb2));
    expect(await ids(c.b, 'box=received&status=any')).toEqual(set(r.sent, r.toPb1, r.toPb2, r.refused, r.closed));
    expect(await ids(c.a, 'box=sent')).toEqual(set(r.sent, r.toPb1, r.toPb2, r.draft));
    expect(await ids(c.a, 'box=sent&status=any')).toEqual(set(...Object.values(r)));
    expect(await ids(c.a, 'box=sent&status=draft')).toEqual([r.draft]);
    expect(await ids(c.b, 'box=received&status=refused')).toEqual([r.refused]);
    expect(await ids(c.b, 'box=received&status=closed')).toEqual([r.closed]);
    expect(await ids(c.b, 'box=received&status=draft')).toEqual([]);
  });

  it('MT-14: a list row is the referral as its detail tells it, in both boxes, without the intake answers and the rest of the detail', async () => {
    const [row] = (await list(c.b, 'box=received&serviceStatus=enrolled')).items as unknown as Record<
      string,
      unknown
    >[];
    const detail = (await (
      await app.inject({ url: `/api/referrals/${r.toPb2}`, headers: { cookie: c.b } })
    ).json()) as Record<string, unknown>;
    expect(row!.id).toBe(r.toPb2);
    const summary = [
      'id',
      'state',
      'client',
      'fromProgram',
      'toProgram',
      'createdBy',
      'assignee',
      'sentAt',
      'acknowledgedAt',
      'refusalReason',
      'serviceStatus',
      'closedAt',
      'lastActivityAt',
      'stale',
      'createdAt',
    ];
    expect(Object.keys(row!).sort()).toEqual([...summary].sort());
    expect(row).toEqual(Object.fromEntries(summary.map((k) => [k, detail[k]])));
    expect(row).toMatchObject({ state: 'assigned', serviceStatus: 'enrolled', assignee: { id: u.pb2.id } });
    expect(detail).toHaveProperty('intake');
    // The box's own side (the acting program) comes with the tenant settings, the other side joined: both named.
    const [sentRow] = (await list(c.a, 'box=sent&serviceStatus=enrolled')).items;
    const sentDetail = (await (
      await app.inject({ url: `/api/referrals/${r.toPb2}`, headers: { cookie: c.a } })
    ).json()) as Record<string, unknown>;
    expect(sentRow).toEqual(Object.fromEntries(summary.map((k) => [k, sentDetail[k]])));
    expect(sentRow).toMatchObject({
      fromProgram: { id: t.a.id, name: t.a.name },
      toProgram: { id: t.b.id, name: t.b.name },
    });
  });

  it('MT-14: a provider sees only their own: the referrals they sent, or those assigned to them', async () => {
    expect(await ids(c.pa1, 'box=sent&status=any')).toEqual(set(r.toPb1, r.toPb2));
    expect(await ids(c.pa2, 'box=sent&status=any')).toEqual([]);
    expect(await ids(c.pb1, 'box=received')).toEqual([r.toPb1]);
    expect(await ids(c.pb1, 'box=received&status=any')).toEqual(set(r.toPb1, r.closed));
    expect(await ids(c.pb2, 'box=received&status=any')).toEqual([r.toPb2]);
  });

  it('MT-14: only gatekeepers filter by staff member (a provider gets 400 query.staffId)', async () => {
    const refused = await get(c.pa1, `box=sent&staffId=${u.pa1.id}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual(['query.staffId']);
    expect(await ids(c.a, `box=sent&status=any&staffId=${u.pa1.id}`)).toEqual(set(r.toPb1, r.toPb2));
    expect(await ids(c.a, `box=sent&staffId=${t.adminA.id}`)).toEqual(set(r.sent, r.draft));
    expect(await ids(c.b, `box=received&status=any&staffId=${u.pb1.id}`)).toEqual(set(r.toPb1, r.closed));
  });

  it('MT-14: filters by client name, service status, and sent (or created) dates', async () => {
    expect(await ids(c.b, `box=received&q=${encodeURIComponent(`birchall ${tag}`)}`)).toEqual([r.toPb1]);
    expect(await ids(c.b, `box=received&q=${encodeURIComponent(`Wren C`)}&status=any`)).toContain(r.toPb2);
    expect(await ids(c.b, 'box=received&q=%25')).toEqual([]);
    expect(await ids(c.a, 'box=sent&serviceStatus=enrolled')).toEqual([r.toPb2]);
    await backdate(r.sent, new Date(`${isoDay(-10)}T12:00:00Z`));
    await backdate(r.toPb1, new Date(`${isoDay(-5)}T23:59:59Z`));
    expect(await ids(c.b, `box=received&from=${isoDay(-10)}&to=${isoDay(-10)}`)).toEqual([r.sent]);
    expect(await ids(c.b, `box=received&to=${isoDay(-5)}`)).toEqual(set(r.sent, r.toPb1));
    expect(await ids(c.b, `box=received&from=${isoDay(-5)}`)).toEqual(set(r.toPb1, r.toPb2));
    expect(await ids(c.a, `box=sent&from=${isoDay(-4)}`)).toEqual(set(r.toPb2, r.draft));
    const bad = await get(c.b, 'box=received&from=yesterday');
    expect(bad.statusCode).toBe(400);
  });

  it('MT-16: a sent referral nobody acknowledged for days is flagged stale in the list; a fresh one is not', async () => {
    await backdate(r.sent, new Date(Date.now() - 10 * 86_400_000));
    const stale = Object.fromEntries((await list(c.b, 'box=received')).items.map((i) => [i.id, i.stale]));
    expect(stale[r.sent]).toBe(true);
    expect(stale[r.toPb2]).toBe(false);
  });

  it('MT-14: keyset pages of 2 over 5 referrals, newest first, with no gap or duplicate (ties included)', async () => {
    const p = await makeTenantPair(db, 'default');
    const [pa, pb] = [await signIn(app, p.adminA.email), await signIn(app, p.adminB.email)];
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push(await referral(p, pa, `Paged ${i} ${tag}`));
    // Three share one millisecond (the database keeps microseconds) and one shares the exact instant.
    const stamps = ['10:00:00.123456', '10:00:00.123789', '10:00:00.123100', '10:00:00.123100', '09:00:00'];
    for (const [i, id] of made.entries()) {
      await db
        .update(referrals)
        .set({
          createdAt: sql`${`${isoDay(-1)}T${stamps[i]}Z`}::timestamptz`,
          sentAt: sql`${`${isoDay(-1)}T${stamps[i]}Z`}::timestamptz`,
        })
        .where(eq(referrals.id, id));
    }
    for (const [cookie, box] of [
      [pa, 'sent'],
      [pb, 'received'],
    ] as const) {
      const seen: string[][] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const page: Page = await list(cookie, `box=${box}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(page.items.map((i) => i.id));
        cursor = page.nextCursor;
      }
      expect(seen.map((s) => s.length)).toEqual([2, 2, 1]);
      expect(seen.flat().sort()).toEqual(set(...made));
      expect(seen.flat().at(-1)).toBe(made[4]);
      expect(seen.flat()).toEqual((await list(cookie, `box=${box}`)).items.map((i) => i.id));
    }
  });
});
