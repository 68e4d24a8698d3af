import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { DUPLICATE_THRESHOLD, nameKeys, type PersonFields, scoreMatch, transposedBirthDate } from './clients.match.js';
import type { ClientRow } from './clients.repo.js';
import { clients } from './clients.table.js';

export interface ScoredCandidate {
  client: ClientRow;
  score: number;
  reasons: string[];
}

const BLOCK_LIMIT = 200;

/**
 * MT-7 across the whole network (the person may be known to another organization): block on date of
 * birth (exact or day/month swapped), phone, phonetic name keys or trigram name similarity, then score
 * each candidate. Runs as the table owner; the caller decides what a program may be shown.
 */
export async function findDuplicates(tx: Db | Tx, networkId: string, input: PersonFields): Promise<ScoredCandidate[]> {
  const swapped = transposedBirthDate(input.birthDate);
  const keys = nameKeys(input.firstName, input.lastName);
  const full = `${input.firstName} ${input.lastName}`;
  const blocks = [
    eq(clients.birthDate, input.birthDate),
    swapped ? eq(clients.birthDate, swapped) : undefined,
    input.phone ? eq(clients.phone, input.phone) : undefined,
    keys.length ? sql`${clients.nameKeys} && ${sql.param(keys)}::text[]` : undefined,
    sql`(${clients.firstName} || ' ' || ${clients.lastName}) % ${full}`,
  ];
  const rows = await tx
    .select()
    .from(clients)
    .where(and(eq(clients.networkId, networkId), isNull(clients.mergedIntoId), or(...blocks)))
    // Common names fill the blocks: keep the likeliest (same or swapped birth date, then most similar name).
    .orderBy(
      sql`(${clients.birthDate} IN (${input.birthDate}, ${swapped ?? input.birthDate})) DESC`,
      sql`similarity(${clients.firstName} || ' ' || ${clients.lastName}, ${full}) DESC`,
    )
    .limit(BLOCK_LIMIT);
  return rows
    .map((client) => ({ client, ...scoreMatch(input, client) }))
    .filter((c) => c.score >= DUPLICATE_THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .slice(0, 10);
}
