import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { networks } from '../../modules/networks/networks.table.js';
import { chainHash, GENESIS_HASH } from './audit.hash.js';
import { auditChainHeads, auditEvents } from './audit.table.js';

export interface ChainBreak {
  networkId: string;
  seq: number;
  id: string | null;
  reason: string;
}

export interface VerifyResult {
  networks: number;
  entries: number;
  firstBreak: ChainBreak | null;
}

const BATCH = 2000;

/**
 * Recomputes every network's chain from the first entry; stops at the first broken row.
 * Reads one snapshot (repeatable read), so writers committing meanwhile cause no false break.
 */
export function verifyAuditChains(db: Db): Promise<VerifyResult> {
  return db.transaction((tx) => verifyAuditChainsIn(tx), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
}

/** The same check inside a transaction the caller already holds. */
export async function verifyAuditChainsIn(db: Tx): Promise<VerifyResult> {
  const nets = await db.select({ id: networks.id }).from(networks);
  let entries = 0;
  for (const { id: networkId } of nets) {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    for (;;) {
      const rows = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.networkId, networkId), gt(auditEvents.seq, expectedSeq - 1)))
        .orderBy(asc(auditEvents.seq))
        .limit(BATCH);
      for (const row of rows) {
        const at = { networkId, seq: Number(row.seq), id: row.id };
        if (Number(row.seq) !== expectedSeq)
          return {
            networks: nets.length,
            entries,
            firstBreak: { ...at, reason: `expected seq ${expectedSeq}: a row is missing` },
          };
        if (row.prevHash !== prevHash)
          return {
            networks: nets.length,
            entries,
            firstBreak: { ...at, reason: 'prev_hash does not match the previous row' },
          };
        const { hash, id: _id, ...content } = row;
        if (chainHash({ ...content, seq: Number(row.seq) }) !== hash) {
          return { networks: nets.length, entries, firstBreak: { ...at, reason: 'content does not match its hash' } };
        }
        prevHash = hash;
        expectedSeq++;
        entries++;
      }
      if (rows.length < BATCH) break;
    }
    const [head] = await db.select().from(auditChainHeads).where(eq(auditChainHeads.networkId, networkId));
    if (head && (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash)) {
      return {
        networks: nets.length,
        entries,
        firstBreak: {
          networkId,
          seq: Number(head.seq),
          id: null,
          reason: 'chain head does not match the last row: rows were removed from the end',
        },
      };
    }
  }
  return { networks: nets.length, entries, firstBreak: null };
}
