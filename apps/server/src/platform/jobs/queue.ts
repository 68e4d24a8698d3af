import type { PGlite } from '@electric-sql/pglite';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Database } from '../../db/client.js';

/** What a job does; it must be safe to run twice (two processes, retries): exactly-once lives in the data. */
export type JobHandler = () => Promise<unknown>;

export interface JobQueueOptions {
  /** How often an idle worker asks for work (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  log?: FastifyBaseLogger | undefined;
}

interface Recurring {
  name: string;
  cron: string;
  handler: JobHandler;
}

/**
 * pg-boss speaks to the app's own database: the server pool, or embedded PGlite. Its parameterless
 * scripts (schema install, migrations) are BEGIN…COMMIT blocks it expects to fail when another
 * process races it; the failed block is rolled back on its own connection so that connection stays
 * usable (PGlite, whose extended protocol takes one statement per query, runs them through `exec`).
 */
function adapterOf(database: Database): PgBoss.Db {
  const client = (database.db as unknown as { $client: pg.Pool | PGlite }).$client;
  if (database.kind === 'postgres') {
    const pool = client as pg.Pool;
    return {
      async executeSql(text, values) {
        if (values?.length) return pool.query(text, values);
        const conn = await pool.connect();
        try {
          return await conn.query(text);
        } catch (err) {
          await conn.query('ROLLBACK').catch(() => undefined);
          throw err;
        } finally {
          conn.release();
        }
      },
    };
  }
  const lite = client as PGlite;
  return {
    async executeSql(text, values) {
      if (values?.length) return lite.query(text, values);
      try {
        const results = await lite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      } catch (err) {
        await lite.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    },
  };
}

/**
 * Two processes starting at once both create the queue's table and schedule (DDL and upserts on pg-boss's
 * tables); PostgreSQL may pick one as a deadlock victim. The step is idempotent, so it is simply retried.
 */
async function retryOnDeadlock<T>(step: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await step();
    } catch (err) {
      if ((err as { code?: string }).code !== '40P01' || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 50 * i + Math.random() * 100));
    }
  }
}

/**
 * The background job queue: pg-boss on PostgreSQL (schema `pgboss`), so every server process
 * against one database shares it — a cron tick becomes ONE job, taken by one worker of one process,
 * retried if it fails. Modules register their recurring jobs before `start()`.
 */
export class JobQueue {
  readonly boss: PgBoss;
  private readonly jobs: Recurring[] = [];
  private started = false;

  constructor(
    database: Database,
    private readonly options: JobQueueOptions = {},
  ) {
    this.boss = new PgBoss({ db: adapterOf(database), schema: 'pgboss' });
    this.boss.on('error', (err) => this.options.log?.error({ err }, 'job queue error'));
  }

  /** A job that runs on every cron tick (any process may take it) and once when the queue starts. */
  recurring(name: string, cron: string, handler: JobHandler): void {
    if (this.started) throw new Error(`job ${name} registered after the queue started`);
    this.jobs.push({ name, cron, handler });
  }

  async start(): Promise<void> {
    this.started = true;
    await this.boss.start();
    for (const job of this.jobs) {
      await retryOnDeadlock(() => this.boss.createQueue(job.name, { name: job.name, retryLimit: 3, retryDelay: 60 }));
      await this.boss.work(job.name, { pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2 }, async () => {
        await job.handler();
      });
      await retryOnDeadlock(() => this.boss.schedule(job.name, job.cron));
      // Once at start, so a reminder missed while every process was down goes out now; the
      // singleton key makes processes starting together queue one run, not one each.
      await this.runNow(job.name, { singletonKey: 'start', singletonSeconds: 60 });
    }
  }

  /** Queues one run of a registered job now; a worker of any process takes it. */
  runNow(name: string, options: PgBoss.SendOptions = {}): Promise<string | null> {
    return this.boss.send(name, {}, options);
  }

  /** Stops taking jobs and waits for the running ones; the database stays open (the app closes it). */
  async stop(): Promise<void> {
    if (!this.started) return;
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
  }
}
