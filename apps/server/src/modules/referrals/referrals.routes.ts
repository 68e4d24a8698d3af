import type { preHandlerHookHandler } from 'fastify';
import { type TSchema, Type } from 'typebox';
import { problems } from '../../http/problem.js';
import { IdParams } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { getReferral, listReferrals, referralsOfClient } from './referrals.list.js';
import {
  AssignBody,
  ListQuery,
  NoteBody,
  OpenReferralProblem,
  ReassignBody,
  Referral,
  ReferralCreate,
  ReferralDetail,
  ReferralPage,
  ReferralPatch,
  RefuseBody,
  SendBody,
  StatusBody,
} from './referrals.schema.js';
import * as service from './referrals.service.js';
import * as steps from './referrals.steps.js';

const tags = ['referrals'];

/** One step on one referral: answers the referral, or 409 when its state does not allow the step. */
const stepRoute = <B extends TSchema>(preHandler: preHandlerHookHandler, summary: string, body: B) => ({
  preHandler,
  schema: { tags, summary, params: IdParams, body, response: { 200: Referral, ...problems(400, 401, 403, 404, 409) } },
});

/** MT-11..MT-14, ND-1, ND-3: closed-loop referrals. */
export function referralRoutes(app: App, { database: { db }, clock, config, mail }: AppDeps) {
  const deps = { db, clock, publicUrl: config.publicUrl };
  // Steps that notify queue mail in their transaction; once committed, the outbox is worked off at once.
  const mailed = async <T>(work: Promise<T>) => {
    const result = await work;
    mail.kick();
    return result;
  };
  // MT-3: referral work stays closed until the user agreement is signed.
  const preHandler = requireActor({ db, clock }, { agreement: true });

  app.get(
    '/api/referrals',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Sent or received referrals with filters, newest first, keyset-paged (MT-14, ND-1)',
        querystring: ListQuery,
        response: { 200: ReferralPage, ...problems(400, 401, 403) },
      },
    },
    (req) => listReferrals(deps, req.actor, req.query),
  );
  app.post(
    '/api/referrals',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Start a draft to a program on the client’s valid consent; 409 names an existing open one (MT-11)',
        body: ReferralCreate,
        response: { 201: Referral, ...problems(400, 401, 403, 404), 409: OpenReferralProblem },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createDraft(deps, req.actor, req.body)),
  );
  app.get(
    '/api/clients/:id/referrals',
    {
      preHandler,
      schema: {
        tags,
        summary: "A client's referrals from or to the acting program (MT-11 tiles)",
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Referral) }), ...problems(401, 403, 404) },
      },
    },
    (req) => referralsOfClient(deps, req.actor, req.params.id),
  );
  app.get(
    '/api/referrals/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'One referral with its timeline and notes',
        params: IdParams,
        response: { 200: ReferralDetail, ...problems(401, 403, 404) },
      },
    },
    (req) => getReferral(deps, req.actor, req.params.id),
  );
  app.patch(
    '/api/referrals/:id',
    stepRoute(preHandler, 'Edit a draft (reason, intake answers)', ReferralPatch),
    (req) => service.updateDraft(deps, req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/referrals/:id/send',
    stepRoute(preHandler, 'Send a draft (insurance is not a barrier), MT-11', SendBody),
    (req) => mailed(service.send(deps, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/api/referrals/:id/assign',
    stepRoute(preHandler, 'Accept and assign one provider (MT-12, ND-3)', AssignBody),
    (req) => mailed(steps.assign(deps, req.actor, req.params.id, req.body)),
  );
  app.post('/api/referrals/:id/refuse', stepRoute(preHandler, 'Refuse with a reason (ND-3)', RefuseBody), (req) =>
    mailed(steps.refuse(deps, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/api/referrals/:id/reassign',
    stepRoute(preHandler, 'Reassign within the program, with a note (MT-12)', ReassignBody),
    (req) => mailed(steps.reassign(deps, req.actor, req.params.id, req.body)),
  );
  app.post('/api/referrals/:id/status', stepRoute(preHandler, 'Set the service status (MT-13)', StatusBody), (req) =>
    steps.setStatus(deps, req.actor, req.params.id, req.body),
  );
  app.post('/api/referrals/:id/notes', stepRoute(preHandler, 'Add a note or progress entry (MT-13)', NoteBody), (req) =>
    steps.addNote(deps, req.actor, req.params.id, req.body),
  );
}
