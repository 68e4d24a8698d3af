import { Type } from 'typebox';
import { problems } from '../../http/problem.js';
import { requestInfo, requireUser } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import * as service from './second-factor.service.js';

const tags = ['session'];
const PasscodeBody = Type.Object({ passcode: Type.String({ maxLength: 20 }) }, { additionalProperties: false });
const Stage = Type.Object({ stage: Type.Union([Type.String(), Type.Null()]) });

/** NCC-1: the second factor after the password, and choosing it at the first sign-in. */
export function secondFactorRoutes(app: App, { database: { db }, clock }: AppDeps) {
  const deps = { db, clock };
  app.post(
    '/api/session/passcode',
    {
      preHandler: requireUser(deps, { stages: ['second_factor'] }),
      schema: {
        tags,
        summary: 'Enter my 6-digit passcode (second factor)',
        body: PasscodeBody,
        response: { 200: Stage, ...problems(400, 401, 403, 423) },
      },
    },
    (request) => service.verifyPasscode(deps, request.sessionUser, request.body.passcode, requestInfo(request)),
  );
  app.put(
    '/api/session/passcode',
    {
      preHandler: requireUser(deps, { stages: ['second_factor_enrolment'] }),
      schema: {
        tags,
        summary: 'Choose my 6-digit passcode at the first sign-in',
        body: PasscodeBody,
        response: { 200: Stage, ...problems(400, 401, 403) },
      },
    },
    (request) => service.enrolPasscode(deps, request.sessionUser, request.body.passcode, requestInfo(request)),
  );
}
