import { and, eq, sql } from 'drizzle-orm';
import { type Database, type Db, openDatabase, queryRows } from '../db/client.js';
import { notifications } from '../modules/notifications/notifications.table.js';
import { JobQueue } from '../platform/jobs/queue.js';
import { mailOutbox } from '../platform/notify/mail.table.js';
import { testDriver } from './db.js';

/**
 * Runs `count` sweeps at once, alternating between the test database and, on PostgreSQL, a second pool:
 * a second server process, as when two app processes sweep together (PGlite has one connection).
 */
export async function concurrentSweeps<T>(
  database: Database,
  count: number,
  sweep: (db: Db) => Promise<T>,
): Promise<T[]> {
  const second =
    testDriver === 'postgres'
      ? await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://', poolSize: 4 })
      : database;
  try {
    const dbs = [database.db, second.db];
    // Open every pooled connection first, so the sweeps really overlap instead of queueing on connects.
    await Promise.all(dbs.flatMap((db) => Array.from({ length: 4 }, () => db.execute(sql`SELECT pg_sleep(0.05)`))));
    return await Promise.all(Array.from({ length: count }, (_, i) => sweep(dbs[i % 2] as Db)));
  } finally {
    if (second !== database) await second.close();
  }
}

/**
 * Registers a recurring job on a fresh queue, starts it, runs the job once more now and waits until that
 * run completed. Returns the job's schedule as pg-boss stored it.
 */
export async function runRecurringJob(database: Database, name: string, register: (queue: JobQueue) => void) {
  const queue = new JobQueue(database, { pollingIntervalSeconds: 0.5 });
  try {
    register(queue);
    await queue.start();
    const schedule = (await queue.boss.getSchedules()).find((s) => s.name === name);
    const id = await queue.runNow(name);
    for (let tries = 0; ; tries++) {
      const [row] = await queryRows<{ state: string }>(
        database.db,
        sql`SELECT state FROM pgboss.job WHERE id = ${id}::uuid`,
      );
      if (row?.state === 'completed') return schedule;
      if (tries > 60) throw new Error(`the job ${name} did not complete (${row?.state})`);
      await new Promise((done) => setTimeout(done, 250));
    }
  } finally {
    await queue.stop();
  }
}

/** What a network's people were sent: its notifications of one kind, and its mails whose subject has `subject`. */
export async function sentIn(db: Db, networkId: string, kind: string, subject: string) {
  const notes = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.networkId, networkId), eq(notifications.kind, kind)));
  const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.networkId, networkId));
  return { notes, mails: mails.filter((m) => m.subject.includes(subject)) };
}
