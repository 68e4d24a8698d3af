import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Db, openDatabase } from '../../db/client.js';
import { systemTx } from '../../db/tx.js';
import { testDatabase, testDriver } from '../../test/db.js';
import { makeNetwork } from '../../test/factories.js';
import { auditOf, verifyOnSnapshot } from '../../test/helpers.js';
import { type AuditContext, recordAudit } from './audit.service.js';
import { type verifyAuditChains, verifyAuditChainsIn } from './audit.verify.js';

// X-2 in the database: the trail is append-only, hash-chained per network, and gap-free under concurrency.
describe(`audit hash chain on ${testDriver} (X-2)`, () => {
  let database: Database;
  let ctx: AuditContext;

  const write = (db: Db, c: AuditContext, i: number) =>
    systemTx(db, (tx) =>
      recordAudit(tx, c, { action: 'test.write', entityType: 'test', entityId: String(i), details: { i } }),
    );

  beforeAll(async () => {
    database = await testDatabase();
    const net = await makeNetwork(database.db);
    ctx = { networkId: net.id, userId: null, programId: null, organizationId: null, requestId: 'chain-test', ip: null };
    for (let i = 1; i <= 5; i++) await write(database.db, ctx, i);
  });
  afterAll(() => undefined);

  it('X-2: entries chain from the genesis hash, each prev_hash the hash of the one before', async () => {
    const rows = await auditOf(database.db, ctx.networkId);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
  });

  it.each([
    ['UPDATE', sql`UPDATE audit_events SET action = 'rewritten'`],
    ['DELETE', sql`DELETE FROM audit_events`],
  ])('X-2: %s on audit_events is refused by the database even for the owner', async (_op, statement) => {
    const attempt = database.db.execute(sql`${statement} WHERE network_id = ${ctx.networkId}`);
    await expect(attempt).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
    expect((await auditOf(database.db, ctx.networkId)).map((r) => r.action)).toEqual(Array(5).fill('test.write'));
  });

  it('X-2: TRUNCATE of audit_events is refused too', async () => {
    const attempt = database.db.transaction(async (tx) => {
      await tx.execute(sql`TRUNCATE audit_events`);
      throw new Error('TRUNCATE was allowed (rolled back)');
    });
    await expect(attempt).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
  });

  it('X-2: verification reports every chain intact after activity', async () => {
    const result = await verifyOnSnapshot(database.db);
    expect(result.firstBreak).toBeNull();
    expect(result.entries).toBeGreaterThanOrEqual(5);
  });

  /** Runs fn as the owner with the append-only trigger off, verifies, then rolls everything back. */
  async function tampered(fn: (tx: Db, rows: Awaited<ReturnType<typeof auditOf>>) => Promise<unknown>) {
    const rolledBack = new Error('roll back the tampering');
    let result: Awaited<ReturnType<typeof verifyAuditChains>> | undefined;
    await expect(
      database.db.transaction(async (tx) => {
        const db = tx as unknown as Db;
        await db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change`);
        await fn(db, await auditOf(db, ctx.networkId));
        result = await verifyAuditChainsIn(tx);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    return result!;
  }

  it('X-2: a changed row is named as the first break, by seq and id', async () => {
    const result = await tampered(async (db, rows) => {
      await db.execute(sql`UPDATE audit_events SET action = 'tampered' WHERE id = ${rows[2]!.id}`);
      return rows;
    });
    const rows = await auditOf(database.db, ctx.networkId);
    expect(result.firstBreak).toEqual({
      networkId: ctx.networkId,
      seq: 3,
      id: rows[2]!.id,
      reason: 'content does not match its hash',
    });
    // Rolled back: the shared database holds the original row and verifies intact again.
    expect(rows[2]!.action).toBe('test.write');
    expect((await verifyOnSnapshot(database.db)).firstBreak).toBeNull();
  });

  it('X-2: a removed row in the middle breaks the chain at the next row', async () => {
    const rows = await auditOf(database.db, ctx.networkId);
    const result = await tampered((db) => db.execute(sql`DELETE FROM audit_events WHERE id = ${rows[1]!.id}`));
    expect(result.firstBreak).toMatchObject({ networkId: ctx.networkId, seq: 3, id: rows[2]!.id });
    expect(result.firstBreak?.reason).toMatch(/missing/);
  });

  it('X-2: a removed last row is caught by the chain head', async () => {
    const rows = await auditOf(database.db, ctx.networkId);
    const last = rows[rows.length - 1]!;
    const result = await tampered((db) => db.execute(sql`DELETE FROM audit_events WHERE id = ${last.id}`));
    expect(result.firstBreak).toMatchObject({ networkId: ctx.networkId, seq: last.seq, id: null });
    expect(result.firstBreak?.reason).toMatch(/removed from the end/);
    expect((await verifyOnSnapshot(database.db)).firstBreak).toBeNull();
  });

  it('X-2: 40 parallel writers into one network get seqs 1..40 without gaps and the chain verifies', async () => {
    const net = await makeNetwork(database.db);
    const c = { ...ctx, networkId: net.id };
    await Promise.all(Array.from({ length: 40 }, (_, i) => write(database.db, c, i)));
    const rows = await auditOf(database.db, net.id);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.entityId)).size).toBe(40);
    expect((await verifyOnSnapshot(database.db)).firstBreak).toBeNull();
  });

  // Only a PostgreSQL server can be shared by two processes; embedded PGlite has one connection.
  if (testDriver === 'postgres')
    it('X-2: writers from two server processes (two pools) interleave into one gap-free chain', async () => {
      const second = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://', poolSize: 5 });
      try {
        const net = await makeNetwork(database.db);
        const c = { ...ctx, networkId: net.id };
        await Promise.all(Array.from({ length: 40 }, (_, i) => write(i % 2 === 0 ? database.db : second.db, c, i)));
        const rows = await auditOf(second.db, net.id);
        expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
        expect(new Set(rows.map((r) => r.entityId)).size).toBe(40);
        expect((await verifyOnSnapshot(second.db)).firstBreak).toBeNull();
      } finally {
        await second.close();
      }
    });
});
