import { AppError } from '../../http/errors.js';
import { problems } from '../../http/problem.js';
import { IdParams } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { confirmCandidate } from './clients.confirm.js';
import * as merges from './clients.merge.js';
import {
  Client,
  ClientConfirm,
  ClientConfirmResult,
  ClientCreate,
  ClientMerge,
  ClientMergeList,
  ClientPatch,
  ClientSearchQuery,
  ClientSearchResult,
  DuplicateProblem,
  MergeBody,
} from './clients.schema.js';
import * as service from './clients.service.js';

export function clientRoutes(app: App, { database: { db }, clock }: AppDeps) {
  const deps = { db, clock };
  // MT-3: client pages stay closed until the user agreement is signed.
  const preHandler = requireActor({ db, clock }, { agreement: true });
  const tags = ['clients'];

  app.get(
    '/api/clients',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Find clients the acting program may see: by name, member ID, or name and date of birth (MT-7, CI-1)',
        querystring: ClientSearchQuery,
        response: { 200: ClientSearchResult, ...problems(400, 401, 403) },
      },
    },
    (req) => service.searchClients(deps, req.actor, req.query),
  );
  app.post(
    '/api/clients',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Create a client; 409 lists likely duplicates unless confirmNewPerson (MT-7, MT-8)',
        body: ClientCreate,
        response: { 201: Client, 409: DuplicateProblem, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const outcome = await service.createClient(deps, req.actor, req.body);
      if ('created' in outcome) return reply.status(201).send(outcome.created);
      throw new AppError(
        'conflict',
        `${outcome.duplicates.length} likely match(es) found. Choose one, or confirm this is a new person.`,
        [],
        {
          type: 'https://portico.dev/problems/possible-duplicate',
          title: 'This person may already be known',
          code: 'possible_duplicate',
          candidates: outcome.duplicates,
        },
      );
    },
  );
  app.get(
    '/api/clients/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'One client (404 when the acting program may not see it, X-1)',
        params: IdParams,
        response: { 200: Client, ...problems(400, 401, 403, 404) },
      },
    },
    (req) => service.getClient(deps, req.actor, req.params.id),
  );
  app.patch(
    '/api/clients/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Edit a client profile (MT-8), audited',
        params: IdParams,
        body: ClientPatch,
        response: { 200: Client, ...problems(400, 401, 403, 404) },
      },
    },
    (req) => service.updateClient(deps, req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/clients/:id/confirm',
    {
      preHandler,
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Confirm a person known to another program by the phone or address the client gives: matches or not, never the stored value (MT-7)',
        params: IdParams,
        body: ClientConfirm,
        response: { 200: ClientConfirmResult, ...problems(400, 401, 403, 404, 429) },
      },
    },
    (req) => confirmCandidate(deps, req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/clients/:id/merge',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Merge a duplicate into this client (network administrator); undoable for 30 days',
        params: IdParams,
        body: MergeBody,
        response: { 200: ClientMerge, ...problems(400, 401, 403, 404, 409) },
      },
    },
    (req) => merges.mergeClients(deps, req.actor, req.params.id, req.body.mergedId),
  );
  app.get(
    '/api/client-merges',
    {
      preHandler,
      schema: {
        tags,
        summary: "The network's client merges, newest first (network administrator)",
        response: { 200: ClientMergeList, ...problems(401, 403) },
      },
    },
    (req) => merges.listMerges(deps, req.actor),
  );
  app.post(
    '/api/client-merges/:id/undo',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Undo a merge within 30 days: the duplicate and its records come back',
        params: IdParams,
        response: { 200: ClientMerge, ...problems(401, 403, 404, 409) },
      },
    },
    (req) => merges.undoMerge(deps, req.actor, req.params.id),
  );
}
