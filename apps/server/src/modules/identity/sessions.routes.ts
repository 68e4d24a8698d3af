import { Type } from 'typebox';
import { systemTx } from '../../db/tx.js';
import { notFound } from '../../http/errors.js';
import { problems } from '../../http/problem.js';
import { clearSessionCookie, requireUser } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import * as repo from './identity.repo.js';
import { SessionListItem } from './identity.schema.js';

const tags = ['session'];
/** Sessions are named by a prefix of their token's hash: enough to tell them apart, useless to steal. */
const sessionId = (tokenHash: string) => tokenHash.slice(0, 16);

/** My active sessions, and signing out of one or of all of them ("sign out everywhere"). */
export function sessionRoutes(app: App, { database: { db }, clock }: AppDeps) {
  const preHandler = requireUser({ db, clock });

  app.get(
    '/api/sessions',
    {
      preHandler,
      schema: {
        tags,
        summary: 'My active sessions',
        response: { 200: Type.Object({ items: Type.Array(SessionListItem) }), ...problems(401) },
      },
    },
    async (request) => {
      const rows = await repo.listSessionsOf(db, request.sessionUser.userId, clock.now());
      return {
        items: rows.map((s) => ({
          id: sessionId(s.tokenHash),
          current: s.tokenHash === request.sessionUser.tokenHash,
          createdAt: s.createdAt,
          lastSeenAt: s.lastSeenAt,
          ip: s.ip,
          userAgent: s.userAgent,
        })),
      };
    },
  );

  app.delete(
    '/api/sessions',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Sign out everywhere (with keepCurrent=true: everywhere else)',
        querystring: Type.Object({ keepCurrent: Type.Optional(Type.Boolean()) }),
        response: { 204: Type.Null(), ...problems(401) },
      },
    },
    async (request, reply) => {
      const s = request.sessionUser;
      await systemTx(db, (tx) =>
        repo.deleteSessionsOf(tx, s.userId, request.query.keepCurrent ? s.tokenHash : undefined),
      );
      if (!request.query.keepCurrent) clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/sessions/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Sign out one of my sessions',
        params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{16}$' }) }),
        response: { 204: Type.Null(), ...problems(401, 404) },
      },
    },
    async (request, reply) => {
      const s = request.sessionUser;
      const rows = await repo.listSessionsOf(db, s.userId, clock.now());
      const target = rows.find((r) => sessionId(r.tokenHash) === request.params.id);
      if (!target) throw notFound('Session');
      await repo.deleteSession(db, target.tokenHash);
      if (target.tokenHash === s.tokenHash) clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
}
