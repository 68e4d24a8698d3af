import { Type } from 'typebox';
import { PageQuery } from '../../http/pagination.js';
import { problems } from '../../http/problem.js';
import { DateTime, IdParams, Nullable } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import * as service from './notifications.service.js';

const Notification = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  body: Nullable(Type.String()),
  link: Nullable(Type.String()),
  readAt: Nullable(DateTime),
  createdAt: DateTime,
});

export function notificationRoutes(app: App, { database: { db }, clock }: AppDeps) {
  const deps = { db, clock };
  const preHandler = requireActor(deps);
  const tags = ['notifications'];
  app.get(
    '/api/notifications',
    {
      preHandler,
      schema: {
        tags,
        summary: 'My notifications, newest first, with the unread count',
        querystring: Type.Object({ ...PageQuery, unreadOnly: Type.Optional(Type.Boolean()) }),
        response: {
          200: Type.Object({
            items: Type.Array(Notification),
            nextCursor: Nullable(Type.String()),
            unreadCount: Type.Integer(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    (req) => service.listNotifications(db, req.actor, req.query),
  );
  app.post(
    '/api/notifications/:id/read',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Mark one notification read',
        params: IdParams,
        response: { 204: Type.Null(), ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await service.markRead(db, req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/notifications/read-all',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        response: { 204: Type.Null(), ...problems(401, 403) },
      },
    },
    async (req, reply) => {
      await service.markAllRead(db, req.actor);
      return reply.status(204).send(null);
    },
  );
}
