import { Page } from '../../http/pagination.js';
import { problems } from '../../http/problem.js';
import { IdParams } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { UserCreate, UserDetail, UserListQuery } from './users.schema.js';
import * as service from './users.service.js';

export function userRoutes(app: App, { database: { db }, clock }: AppDeps) {
  const deps = { db, clock };
  const preHandler = requireActor(deps);
  const tags = ['users'];
  app.get(
    '/api/users',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Users of the network (network administrators)',
        querystring: UserListQuery,
        response: { 200: Page(UserDetail), ...problems(400, 401, 403) },
      },
    },
    (req) => service.listUsers(db, req.actor, req.query),
  );
  app.post(
    '/api/users',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Add a user with memberships (network administrators)',
        body: UserCreate,
        response: { 201: UserDetail, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createUser(db, req.actor, req.body)),
  );
  app.get(
    '/api/users/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'One user and their memberships',
        params: IdParams,
        response: { 200: UserDetail, ...problems(401, 403, 404) },
      },
    },
    (req) => service.getUser(db, req.actor, req.params.id),
  );
}
