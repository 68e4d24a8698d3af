import { and, eq, isNull, sql } from 'drizzle-orm';
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
  // One indexed lookup per block, united: an OR of them would scan the whole network's clients.
  const birthDates = swapped ? sql`${input.birthDate}, ${swapped}` : sql`${input.birthDate}`;
  const blocks = [
    sql`SELECT id FROM clients WHERE network_id = ${networkId} AND birth_date IN (${birthDates})`,
    input.phone ? sql`SELECT id FROM clients WHERE network_id = ${networkId} AND phone = ${input.phone}` : undefined,
    keys.length ? sql`SELECT id FROM clients WHERE name_keys && ${sql.param(keys)}::text[]` : undefined,
    sql`SELECT id FROM clients WHERE (first_name || ' ' || last_name) % ${full}`,
  ].filter((b) => b !== undefined);
  const rows = await tx
    .select()
    .from(clients)
    .where(
      and(
        eq(clients.networkId, networkId),
        isNull(clients.mergedIntoId),
        sql`${clients.id} IN (${sql.join(blocks, sql` UNION `)})`,
      ),
    )
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
