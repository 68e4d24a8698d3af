import { Page } from '../../http/pagination.js';
import { problems } from '../../http/problem.js';
import { IdParams } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { ChangeRequest, ChangeRequestCreate, ChangeRequestListQuery, RejectBody } from './change-requests.schema.js';
import * as service from './change-requests.service.js';

export function changeRequestRoutes(app: App, { config, database: { db }, clock, mail }: AppDeps) {
  const invite = { clock, publicUrl: config.publicUrl };
  const preHandler = requireActor({ db, clock });
  const tags = ['change-requests'];
  const read = problems(400, 401, 403, 404);
  const write = problems(400, 401, 403, 404, 409);

  app.get(
    '/api/change-requests',
    {
      preHandler,
      schema: {
        tags,
        summary: "Change requests (NCC-5): the organization's own, or the whole network's for its team",
        querystring: ChangeRequestListQuery,
        response: { 200: Page(ChangeRequest), ...read },
      },
    },
    (req) => service.listChangeRequests(db, req.actor, req.query),
  );
  app.post(
    '/api/change-requests',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Ask for a change of organisation details, service details or contacts (NCC-5)',
        body: ChangeRequestCreate,
        response: { 201: ChangeRequest, ...write },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createChangeRequest(db, req.actor, invite, req.body)),
  );
  app.get(
    '/api/change-requests/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'One change request, with current and proposed values',
        params: IdParams,
        response: { 200: ChangeRequest, ...read },
      },
    },
    (req) => service.getChangeRequest(db, req.actor, req.params.id),
  );
  app.post(
    '/api/change-requests/:id/accept',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Accept: the change applies atomically (network team); 409 when not pending or the record changed',
        params: IdParams,
        response: { 200: ChangeRequest, ...write },
      },
    },
    async (req) => {
      const accepted = await service.acceptChangeRequest(db, req.actor, invite, req.params.id);
      mail.kick();
      return accepted;
    },
  );
  app.post(
    '/api/change-requests/:id/reject',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Reject with a reason the requester receives (network team)',
        params: IdParams,
        body: RejectBody,
        response: { 200: ChangeRequest, ...write },
      },
    },
    async (req) => {
      const rejected = await service.rejectChangeRequest(db, req.actor, req.params.id, req.body.reason);
      mail.kick();
      return rejected;
    },
  );
  app.post(
    '/api/change-requests/:id/withdraw',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Withdraw a pending request (the requester)',
        params: IdParams,
        response: { 200: ChangeRequest, ...write },
      },
    },
    (req) => service.withdrawChangeRequest(db, req.actor, req.params.id),
  );
}
