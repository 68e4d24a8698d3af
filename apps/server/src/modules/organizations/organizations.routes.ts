import { Page } from '../../http/pagination.js';
import { problems } from '../../http/problem.js';
import { IdParams } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { ChangeRequestAccepted } from '../change-requests/change-requests.schema.js';
import {
  Organization,
  OrganizationCreate,
  OrganizationListQuery,
  OrganizationPatch,
  Program,
  ProgramCreate,
  ProgramListQuery,
  ProgramPatch,
} from './organizations.schema.js';
import * as service from './organizations.service.js';

export function organizationRoutes(app: App, { database: { db }, clock }: AppDeps) {
  const deps = { db, clock };
  const preHandler = requireActor(deps);
  const tags = ['organizations'];
  const read = problems(400, 401, 403, 404);
  const write = problems(400, 401, 403, 404, 409);

  app.get(
    '/api/organizations',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Organizations the acting program may see',
        querystring: OrganizationListQuery,
        response: { 200: Page(Organization), ...read },
      },
    },
    (req) => service.listOrganizations(db, req.actor, req.query),
  );
  app.post(
    '/api/organizations',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Add an organization (network administrator)',
        body: OrganizationCreate,
        response: { 201: Organization, ...write },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createOrganization(db, req.actor, req.body)),
  );
  app.get(
    '/api/organizations/:id',
    {
      preHandler,
      schema: { tags, summary: 'One organization', params: IdParams, response: { 200: Organization, ...read } },
    },
    (req) => service.getOrganization(db, req.actor, req.params.id),
  );
  app.patch(
    '/api/organizations/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Edit an organization (ND-2 at once: 200; NCC-5 change request networks: 202)',
        params: IdParams,
        body: OrganizationPatch,
        response: { 200: Organization, 202: ChangeRequestAccepted, ...write },
      },
    },
    async (req, reply) => {
      const result = await service.updateOrganization(db, req.actor, req.params.id, req.body);
      return reply.status('changeRequest' in result ? 202 : 200).send(result);
    },
  );

  app.get(
    '/api/programs',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Programs the acting program may manage',
        querystring: ProgramListQuery,
        response: { 200: Page(Program), ...read },
      },
    },
    (req) => service.listPrograms(db, req.actor, req.query),
  );
  app.post(
    '/api/programs',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Add a program (network administrator)',
        body: ProgramCreate,
        response: { 201: Program, ...write },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createProgram(db, req.actor, req.body)),
  );
  app.get(
    '/api/programs/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'One program (ND-2 agency details)',
        params: IdParams,
        response: { 200: Program, ...read },
      },
    },
    (req) => service.getProgram(db, req.actor, req.params.id),
  );
  app.patch(
    '/api/programs/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Edit a program (ND-2 at once: 200; NCC-5 change request networks: 202)',
        params: IdParams,
        body: ProgramPatch,
        response: { 200: Program, 202: ChangeRequestAccepted, ...write },
      },
    },
    async (req, reply) => {
      const result = await service.updateProgram(db, req.actor, req.params.id, req.body);
      return reply.status('changeRequest' in result ? 202 : 200).send(result);
    },
  );
}
