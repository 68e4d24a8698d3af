import { Type } from 'typebox';
import { Page } from '../../http/pagination.js';
import { problems } from '../../http/problem.js';
import { IdParams } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { UserCreate, UserDetail, UserListQuery } from './users.schema.js';
import * as service from './users.service.js';

export function userRoutes(app: App, { config, database: { db }, clock, mail }: AppDeps) {
  const deps = { db, clock };
  const invite = { clock, publicUrl: config.publicUrl };
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
    async (req, reply) => {
      const user = await service.createUser(db, req.actor, invite, req.body);
      mail.kick();
      return reply.status(201).send(user);
    },
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

  const actions = {
    unlock: 'Unlock an account locked after failed sign-ins (NCC-1)',
    reactivate: 'Reactivate an account suspended for inactivity (NCC-1)',
    invitation: 'Email a new single-use link to set a password (MT-1)',
    'temporary-password': 'Email a temporary password, to be changed at first sign-in (MT-1, NCC-1)',
  } as const;
  for (const [action, summary] of Object.entries(actions) as [keyof typeof actions, string][]) {
    app.post(
      `/api/users/:id/${action}`,
      {
        preHandler,
        schema: { tags, summary, params: IdParams, response: { 204: Type.Null(), ...problems(401, 403, 404, 409) } },
      },
      async (req, reply) => {
        await service.adminAction(db, req.actor, invite, req.params.id, action);
        mail.kick();
        return reply.status(204).send(null);
      },
    );
  }
}
