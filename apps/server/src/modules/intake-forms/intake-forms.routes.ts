import { problems } from '../../http/problem.js';
import { IdParams } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { ProgramParams } from '../memberships/memberships.schema.js';
import { IntakeForm, IntakeFormPut, IntakeFormVersions } from './intake-forms.schema.js';
import * as service from './intake-forms.service.js';

const tags = ['intake forms'];

/** MT-11: each program's own intake sections, versioned. */
export function intakeFormRoutes(app: App, { database: { db }, clock }: AppDeps) {
  const preHandler = requireActor({ db, clock });
  app.get(
    '/api/programs/:programId/intake-form',
    {
      preHandler,
      schema: {
        tags,
        summary: "The program's current intake form (version 0 when it asks for nothing beyond Personal info)",
        params: ProgramParams,
        response: { 200: IntakeForm, ...problems(401, 403, 404) },
      },
    },
    (req) => service.currentForm(db, req.actor, req.params.programId),
  );
  app.put(
    '/api/programs/:programId/intake-form',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Save the intake form: a changed definition becomes the next version (MT-11)',
        params: ProgramParams,
        body: IntakeFormPut,
        response: { 200: IntakeForm, ...problems(400, 401, 403, 404, 409) },
      },
    },
    (req) => service.saveForm(db, req.actor, req.params.programId, req.body),
  );
  app.get(
    '/api/programs/:programId/intake-form/versions',
    {
      preHandler,
      schema: {
        tags,
        summary: "Every saved version of the program's intake form, newest first",
        params: ProgramParams,
        response: { 200: IntakeFormVersions, ...problems(401, 403, 404) },
      },
    },
    (req) => service.formVersions(db, req.actor, req.params.programId),
  );
  app.get(
    '/api/intake-forms/:id',
    {
      preHandler,
      schema: {
        tags,
        summary: 'One saved version, e.g. the one a referral was started with',
        params: IdParams,
        response: { 200: IntakeForm, ...problems(401, 403, 404) },
      },
    },
    (req) => service.formVersion(db, req.actor, req.params.id),
  );
}
