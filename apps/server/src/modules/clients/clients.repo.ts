import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../platform/access/actor.js';
import { isNetworkAdmin } from '../../platform/access/actor.js';
import { clients } from './clients.table.js';

export type ClientRow = typeof clients.$inferSelect;

/**
 * X-1 for one program: it created the client (or a client merged into it), a valid consent names it, or a
 * referral of the client comes from it or (once sent) goes to it.
 * Network administrators see every client of the network. Row-level security repeats this per organization.
 */
export function visibleTo(actor: Actor, now: Date): SQL {
  const network = eq(clients.networkId, actor.networkId);
  if (isNetworkAdmin(actor)) return network;
  const program = actor.programId;
  return and(
    network,
    sql`(${clients.createdByProgramId} = ${program}
      OR EXISTS (SELECT 1 FROM clients m WHERE m.merged_into_id = ${clients.id} AND m.created_by_program_id = ${program})
      OR EXISTS (SELECT 1 FROM consents k JOIN consent_programs kp ON kp.consent_id = k.id
                 WHERE k.client_id = ${clients.id} AND kp.program_id = ${program}
                   AND k.status = 'signed' AND k.expires_at > ${now.toISOString()}::timestamptz)
      OR EXISTS (SELECT 1 FROM referrals r WHERE r.client_id = ${clients.id}
                 AND (r.from_program_id = ${program} OR (r.to_program_id = ${program} AND r.state <> 'draft'))))`,
  ) as SQL;
}

const live = isNull(clients.mergedIntoId);

export async function findVisible(tx: Tx, actor: Actor, now: Date, id: string): Promise<ClientRow | undefined> {
  const [row] = await tx
    .select()
    .from(clients)
    .where(and(eq(clients.id, id), visibleTo(actor, now)));
  return row;
}

export interface SearchFilter {
  q?: string;
  memberId?: string;
  firstName?: string;
  lastName?: string;
  birthDate?: string;
  limit: number;
}

const fullName = sql`(${clients.firstName} || ' ' || ${clients.lastName})`;

/** MT-7/CI-1 search among the clients the program may see: ranked by name similarity when a name is given. */
export async function search(tx: Tx, actor: Actor, now: Date, f: SearchFilter) {
  const where: (SQL | undefined)[] = [visibleTo(actor, now), live];
  let score: SQL = sql`1.0`;
  if (f.q) {
    const q = f.q.trim();
    score = sql`word_similarity(${q}, ${fullName})`;
    where.push(sql`(${q} <% ${fullName} OR ${fullName} ILIKE ${`%${q.replace(/[%_\\]/g, '\\$&')}%`})`);
  }
  if (f.memberId) where.push(sql`lower(${clients.memberId}) = lower(${f.memberId.trim()})`);
  if (f.firstName) where.push(sql`lower(${clients.firstName}) = lower(${f.firstName.trim()})`);
  if (f.lastName) where.push(sql`lower(${clients.lastName}) = lower(${f.lastName.trim()})`);
  if (f.birthDate) where.push(eq(clients.birthDate, f.birthDate));
  const rows = await tx
    .select({ client: clients, score: sql<number>`${score}::float8` })
    .from(clients)
    .where(and(...where))
    .orderBy(sql`2 DESC`, clients.lastName, clients.firstName, clients.id)
    .limit(f.limit);
  return rows.map((r) => ({ client: r.client, score: Number(r.score) }));
}

export async function insertClient(tx: Tx, values: typeof clients.$inferInsert): Promise<ClientRow> {
  const [row] = await tx.insert(clients).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  return row;
}

export async function updateClient(tx: Tx, id: string, values: Partial<typeof clients.$inferInsert>) {
  const [row] = await tx
    .update(clients)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(clients.id, id))
    .returning();
  return row;
}

/** The identifying fields the duplicate check compares. */
export interface PersonInput {
  firstName: string;
  lastName: string;
  birthDate: string;
  phone?: string | null;
  addressLine?: string | null;
  postalCode?: string | null;
}
