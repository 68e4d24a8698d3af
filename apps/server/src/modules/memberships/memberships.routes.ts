import { Page } from '../../http/pagination.js';
import { problems } from '../../http/problem.js';
import { IdParams } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
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
        summary: 'Add a contact with roles (program administrators)',
        params: ProgramParams,
        body: ContactCreate,
        response: { 201: Contact, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const contact = await service.addContact(db, req.actor, invite, req.params.programId, req.body);
      mail.kick();
      return reply.status(201).send(contact);
    },
  );
  app.patch(
    '/api/memberships/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: "Change a contact's details, roles, regions or end date (ND-2)",
        params: IdParams,
        body: MembershipPatch,
        response: { 200: Contact, ...problems(400, 401, 403, 404, 409) },
      },
    },
    (req) => service.updateContact(db, req.actor, req.params.id, req.body),
  );
}
