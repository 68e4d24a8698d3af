import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../test/db.js';
import type { Tx } from './client.js';
import { Statements } from './statements.js';
import { systemTx } from './tx.js';

// The MT-14 lists run through Statements: one built text per shape, each request's own values.
describe('statements built once per shape', () => {
  it('MT-14: a statement built once per shape answers each run with that run’s values, and refuses a missing one', async () => {
    const database = await testDatabase();
    const statements = new Statements<{ n: number }[]>();
    let builds = 0;
    const series = (tx: Tx) => () => {
      builds += 1;
      return tx.select({ n: sql<number>`g::int` }).from(sql`generate_series(1, ${sql.placeholder('upTo')}::int) g`);
    };
    const [two, three] = await systemTx(database.db, async (tx) => [
      await statements.run(tx, 'series', series(tx), { upTo: 2 }),
      await statements.run(tx, 'series', series(tx), { upTo: 3 }),
    ]);
    expect(two).toEqual([{ n: 1 }, { n: 2 }]);
    expect(three).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    // A second transaction (another connection on PostgreSQL) reuses the built text too.
    const again = await systemTx(database.db, (tx) => statements.run(tx, 'series', series(tx), { upTo: 1 }));
    expect(again).toEqual([{ n: 1 }]);
    expect(builds).toBe(1);
    await expect(systemTx(database.db, (tx) => statements.run(tx, 'series', series(tx), {}))).rejects.toThrow(/upTo/);
  });
});
