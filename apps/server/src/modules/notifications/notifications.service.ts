import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { before } from '../../db/keyset.js';
import { notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import type { Actor } from '../../platform/access/actor.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import { notifications } from './notifications.table.js';

export interface NewNotification {
  networkId: string;
  userId: string;
  kind: string;
  title: string;
  body?: string | null;
  /** A path in the web app, e.g. /agency. */
  link?: string | null;
}

/** Creates an in-app notification inside the caller's transaction (no RETURNING: the row is not ours to read). */
export async function notify(tx: Tx, n: NewNotification): Promise<void> {
  await tx.insert(notifications).values({ ...n, body: n.body ?? null, link: n.link ?? null });
}

// Row-level security already limits rows to the acting user; the filter says it again.
const mine = (actor: Actor) =>
  and(eq(notifications.userId, actor.userId), eq(notifications.networkId, actor.networkId));

export function listNotifications(
  db: Db,
  actor: Actor,
  query: { unreadOnly?: boolean | undefined; cursor?: string | undefined; limit?: number | undefined },
) {
  const limit = query.limit ?? 20;
  return withTenant(db, actor, async (tx) => {
    const rows = await tx
      .select()
      .from(notifications)
      .where(
        and(
          mine(actor),
          query.unreadOnly ? isNull(notifications.readAt) : undefined,
          before(decodeCursor(query.cursor), notifications.createdAt, notifications.id),
        ),
      )
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit + 1);
    const [unread] = await tx
      .select({ n: count() })
      .from(notifications)
      .where(and(mine(actor), isNull(notifications.readAt)));
    return { ...toPage(rows, limit, (r) => [r.createdAt.toISOString(), r.id]), unreadCount: Number(unread?.n ?? 0) };
  });
}

export function markRead(db: Db, actor: Actor, id: string) {
  return withTenant(db, actor, async (tx) => {
    const [row] = await tx
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(mine(actor), eq(notifications.id, id)))
      .returning({ id: notifications.id });
    if (!row) throw notFound('Notification');
  });
}

export function markAllRead(db: Db, actor: Actor) {
  return withTenant(db, actor, async (tx) => {
    await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(mine(actor), isNull(notifications.readAt)));
  });
}
