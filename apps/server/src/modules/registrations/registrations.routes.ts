import { Page } from '../../http/pagination.js';
import { problems } from '../../http/problem.js';
import { IdParams } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import {
  DeclineBody,
  Registration,
  RegistrationCreate,
  RegistrationListQuery,
  RegistrationReceipt,
  SlugParams,
} from './registrations.schema.js';
import * as service from './registrations.service.js';

export function registrationRoutes(app: App, { config, database: { db }, clock, mail }: AppDeps) {
  const invite = { clock, publicUrl: config.publicUrl };
  const preHandler = requireActor({ db, clock });
  const tags = ['registrations'];
  const write = problems(400, 401, 403, 404, 409);

  app.post(
    '/api/networks/:slug/registrations',
    {
      // Public: the applicant has no account yet. Limited per address like sign-in.
      config: { rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Apply to join the network as a provider organization (CS-1, no session)',
        security: [],
        params: SlugParams,
        body: RegistrationCreate,
        response: { 201: RegistrationReceipt, ...problems(400, 404, 409, 429) },
      },
    },
    async (req, reply) => {
      const receipt = await service.submitRegistration(db, req.params.slug, req.body, {
        requestId: String(req.id),
        ip: req.ip,
      });
      mail.kick();
      return reply.status(201).send(receipt);
    },
  );
  app.get(
    '/api/registrations',
    {
      preHandler,
      schema: {
        tags,
        summary: "The network's registrations, newest first (network administrator)",
        querystring: RegistrationListQuery,
        response: { 200: Page(Registration), ...problems(400, 401, 403) },
      },
    },
    (req) => service.listRegistrations(db, req.actor, req.query),
  );
  app.get(
    '/api/registrations/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'One registration (network administrator)',
        params: IdParams,
        response: { 200: Registration, ...problems(400, 401, 403, 404) },
      },
    },
    (req) => service.getRegistration(db, req.actor, req.params.id),
  );
  app.post(
    '/api/registrations/:id/approve',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Approve: creates the organization, its program and the administrator invitation',
        params: IdParams,
        response: { 200: Registration, ...write },
      },
    },
    async (req) => {
      const approved = await service.approveRegistration(db, req.actor, invite, req.params.id);
      mail.kick();
      return approved;
    },
  );
  app.post(
    '/api/registrations/:id/decline',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Decline with a reason emailed to the applicant',
        params: IdParams,
        body: DeclineBody,
        response: { 200: Registration, ...write },
      },
    },
    async (req) => {
      const declined = await service.declineRegistration(db, req.actor, req.params.id, req.body.reason);
      mail.kick();
      return declined;
    },
  );
}
