import { Page } from '../../http/pagination.js';
import { problems } from '../../http/problem.js';
import { IdParams } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { ChangeRequestAccepted } from '../change-requests/change-requests.schema.js';
import { Contact, ContactCreate, ContactListQuery, MembershipPatch, ProgramParams } from './memberships.schema.js';
import * as service from './memberships.service.js';

export function membershipRoutes(app: App, { config, database: { db }, clock, mail }: AppDeps) {
  const invite = { clock, publicUrl: config.publicUrl };
  const deps = { db, clock };
  const preHandler = requireActor(deps);
  const tags = ['contacts'];

  app.get(
    '/api/programs/:programId/contacts',
    {
      preHandler,
      schema: {
        tags,
        summary: "A program's contact list (ND-2)",
        params: ProgramParams,
        querystring: ContactListQuery,
        response: { 200: Page(Contact), ...problems(400, 401, 403, 404) },
      },
    },
    (req) => service.listContacts(db, req.actor, req.params.programId, req.query),
  );
  app.post(
    '/api/programs/:programId/contacts',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Add a contact with roles (ND-2: 201; NCC-5 change request networks: 202)',
        params: ProgramParams,
        body: ContactCreate,
        response: { 201: Contact, 202: ChangeRequestAccepted, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const result = await service.addContact(db, req.actor, invite, req.params.programId, req.body);
      if ('changeRequest' in result) return reply.status(202).send(result);
      mail.kick();
      return reply.status(201).send(result);
    },
  );
  app.patch(
    '/api/memberships/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: "Change a contact's details, roles, regions or end date (ND-2: 200; NCC-5: 202 change request)",
        params: IdParams,
        body: MembershipPatch,
        response: { 200: Contact, 202: ChangeRequestAccepted, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const result = await service.updateContact(db, req.actor, req.params.id, req.body);
      return reply.status('changeRequest' in result ? 202 : 200).send(result);
    },
  );
}
