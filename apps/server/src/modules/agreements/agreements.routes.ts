import { Type } from 'typebox';
import { Page, PageQuery } from '../../http/pagination.js';
import { problems } from '../../http/problem.js';
import { DateTime, Nullable } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import * as service from './agreements.service.js';

const tags = ['agreement'];
const Status = Type.Object({
  required: Type.Boolean(),
  due: Type.Boolean(),
  version: Nullable(Type.String()),
  text: Nullable(Type.String()),
  signedAt: Nullable(DateTime),
});
const SignBody = Type.Object(
  {
    version: Type.String({ maxLength: 50 }),
    typedName: Type.String({ minLength: 1, maxLength: 200 }),
    accept: Type.Boolean(),
  },
  { additionalProperties: false },
);
const Signature = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  name: Type.String(),
  email: Type.String(),
  version: Type.String(),
  typedName: Type.String(),
  signedAt: DateTime,
});

/** MT-3: the user agreement of the acting network: read it, sign it, and (administrators) who signed. */
export function agreementRoutes(app: App, { database: { db }, clock }: AppDeps) {
  const preHandler = requireActor({ db, clock });
  app.get(
    '/api/agreement',
    {
      preHandler,
      schema: {
        tags,
        summary: 'The user agreement and whether I must sign it',
        response: { 200: Status, ...problems(401, 403) },
      },
    },
    (req) => service.getAgreement(db, clock, req.actor),
  );
  app.post(
    '/api/agreement',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Sign the user agreement (typed name + tick)',
        body: SignBody,
        response: { 200: Status, ...problems(400, 401, 403, 409) },
      },
    },
    (req) => service.signAgreement(db, clock, req.actor, req.body),
  );
  app.get(
    '/api/agreement/signatures',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Who signed which version and when (network administrators)',
        querystring: Type.Object(PageQuery),
        response: { 200: Page(Signature), ...problems(400, 401, 403) },
      },
    },
    (req) => service.listSignatures(db, req.actor, req.query),
  );
}
