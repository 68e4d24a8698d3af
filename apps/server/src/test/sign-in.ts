import { and, eq, inArray } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../db/client.js';
import type { App } from '../http/types.js';
import { users } from '../modules/identity/identity.table.js';
import { auditEvents } from '../platform/audit/audit.table.js';

/** POST /api/session as is (no passcode step), optionally presenting an older session cookie. */
export function postSignIn(app: App, email: string, password: string, cookie?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { email, password },
    ...(cookie ? { headers: { cookie } } : {}),
  });
}

/** The Cookie header for the session a response has set. */
export function cookieOf(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'portico_session');
  if (!c) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`);
  return `portico_session=${c.value}`;
}

/** GET /api/session with a cookie (reachable at any stage): status and body tell whether the session lives. */
export function getSession(app: App, cookie: string) {
  return app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
}

/** A user's row as stored (hashes, lock, suspension, dates). */
export async function userRow(db: Db, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  if (!u) throw new Error(`no user ${id}`);
  return u;
}

/** The audit actions recorded in a network about one user (as actor or as the entity), in chain order. */
export async function auditActionsAbout(db: Db, networkId: string, userId: string, actions: string[]) {
  const rows = await db
    .select({ action: auditEvents.action, actor: auditEvents.actorUserId, entityId: auditEvents.entityId })
    .from(auditEvents)
    .where(
      and(eq(auditEvents.networkId, networkId), inArray(auditEvents.action, actions), eq(auditEvents.entityId, userId)),
    )
    .orderBy(auditEvents.seq);
  return rows;
}

/** POST /api/password-reset, then waits for the work it started after answering (the lookup and the mail). */
export async function requestReset(app: App, email: string) {
  const res = await app.inject({ method: 'POST', url: '/api/password-reset', payload: { email } });
  await app.background.drain();
  return res;
}
