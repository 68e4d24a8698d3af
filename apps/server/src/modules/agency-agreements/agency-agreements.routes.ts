import { Type } from 'typebox';
import { Page } from '../../http/pagination.js';
import { problems } from '../../http/problem.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import {
  Current,
  ProgramAgreement,
  ProgramListQuery,
  ProgramParams,
  Signature,
  SignBody,
  Version,
  VersionCreate,
} from './agency-agreements.schema.js';
import * as service from './agency-agreements.service.js';

/** MT-4: the network's agency agreement — its versions, the programs' signatures and their status. */
export function agencyAgreementRoutes(app: App, { database: { db }, clock }: AppDeps) {
  const preHandler = requireActor({ db, clock });
  const tags = ['agency-agreement'];

  app.get(
    '/api/agency-agreement',
    {
      preHandler,
      schema: {
        tags,
        summary: 'The current agency agreement text and whether the network requires it',
        response: { 200: Current, ...problems(401, 403) },
      },
    },
    (req) => service.getCurrent(db, req.actor),
  );
  app.get(
    '/api/agency-agreement/versions',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Published versions, newest (current) first',
        response: { 200: Type.Object({ items: Type.Array(Version) }), ...problems(401, 403) },
      },
    },
    (req) => service.listVersions(db, req.actor),
  );
  app.post(
    '/api/agency-agreement/versions',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Publish a new version of the text (network administrator)',
        body: VersionCreate,
        response: { 201: Version, ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.publishVersion(db, req.actor, req.body)),
  );
  app.get(
    '/api/agency-agreement/programs',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Programs I sign for (network administrator: all) with their agreement status',
        querystring: ProgramListQuery,
        response: { 200: Page(ProgramAgreement), ...problems(400, 401, 403) },
      },
    },
    (req) => service.listPrograms(db, clock, req.actor, req.query),
  );
  app.get(
    '/api/agency-agreement/programs/:programId/signatures',
    {
      preHandler,
      schema: {
        tags,
        summary: "A program's signatures, newest first",
        params: ProgramParams,
        response: { 200: Type.Object({ items: Type.Array(Signature) }), ...problems(400, 401, 403, 404) },
      },
    },
    (req) => service.listProgramSignatures(db, req.actor, req.params.programId),
  );
  app.post(
    '/api/agency-agreement/signatures',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Sign the current text for a program (typed full name + confirmation)',
        body: SignBody,
        response: { 201: ProgramAgreement, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await service.sign(db, clock, req.actor, req.body)),
  );
}
