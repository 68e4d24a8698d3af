import { Type } from 'typebox';
import { problems } from '../../http/problem.js';
import { requestInfo, requireUser } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import * as service from './second-factor.service.js';
import * as totp from './totp.service.js';

const tags = ['session'];
const PasscodeBody = Type.Object({ passcode: Type.String({ maxLength: 20 }) }, { additionalProperties: false });
const Stage = Type.Object({ stage: Type.Union([Type.String(), Type.Null()]) });

/** NCC-1: the second factor after the password, and choosing it at the first sign-in. */
export function secondFactorRoutes(app: App, { database: { db }, clock }: AppDeps) {
  const deps = { db, clock };
  app.post(
    '/api/session/passcode',
    {
      preHandler: requireUser(deps, { stages: ['second_factor'], only: true }),
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
      preHandler: requireUser(deps, { stages: ['second_factor_enrolment'], only: true }),
      schema: {
        tags,
        summary: 'Choose my 6-digit passcode at the first sign-in',
        body: PasscodeBody,
        response: { 200: Stage, ...problems(400, 401, 403) },
      },
    },
    (request) => service.enrolPasscode(deps, request.sessionUser, request.body.passcode, requestInfo(request)),
  );

  const CodeBody = Type.Object({ code: Type.String({ maxLength: 20 }) }, { additionalProperties: false });
  app.post(
    '/api/session/totp/setup',
    {
      preHandler: requireUser(deps, { stages: ['second_factor_enrolment'], only: true }),
      schema: {
        tags,
        summary: 'Start authenticator-app enrolment: a secret and its QR code',
        response: {
          200: Type.Object({ secret: Type.String(), otpauthUri: Type.String(), qrCode: Type.String() }),
          ...problems(401, 403),
        },
      },
    },
    (request) => totp.startTotpEnrolment(deps, request.sessionUser),
  );
  app.put(
    '/api/session/totp',
    {
      preHandler: requireUser(deps, { stages: ['second_factor_enrolment'], only: true }),
      schema: {
        tags,
        summary: 'Confirm enrolment with a first code; answers 10 single-use recovery codes, once',
        body: CodeBody,
        response: {
          200: Type.Object({
            stage: Type.Union([Type.String(), Type.Null()]),
            recoveryCodes: Type.Array(Type.String()),
          }),
          ...problems(400, 401, 403, 409),
        },
      },
    },
    (request) => totp.confirmTotpEnrolment(deps, request.sessionUser, request.body.code, requestInfo(request)),
  );
  app.post(
    '/api/session/totp',
    {
      preHandler: requireUser(deps, { stages: ['second_factor'], only: true }),
      schema: {
        tags,
        summary: 'Enter the authenticator code, or a recovery code',
        body: CodeBody,
        response: { 200: Stage, ...problems(400, 401, 403, 423) },
      },
    },
    (request) => totp.verifyTotp(deps, request.sessionUser, request.body.code, requestInfo(request)),
  );
}
