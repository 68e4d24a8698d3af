import { Type } from 'typebox';
import { problems } from '../../http/problem.js';
import { clearSessionCookie, requestInfo, requireUser, SESSION_COOKIE, setSessionCookie } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { SessionResponse, SignInBody, SwitchProgramBody } from './identity.schema.js';
import * as service from './identity.service.js';
import type { SessionStage } from './identity.table.js';
import { securityForUser } from './security.policy.js';

const tags = ['session'];
const ANY_STAGE: SessionStage[] = ['password_change', 'second_factor', 'second_factor_enrolment'];

export function identityRoutes(app: App, { config, database: { db }, clock }: AppDeps) {
  const deps = { db, clock };
  const withUser = requireUser(deps);
  const atAnyStage = requireUser(deps, { stages: ANY_STAGE });

  async function sessionBody(
    user: { id: string; email: string; name: string },
    programId: string | null,
    stage: SessionStage | null,
  ) {
    const { memberships, acting } = await service.describeSession(db, user.id, programId);
    const { secondFactor } = await securityForUser(db, user.id);
    return {
      user: { id: user.id, email: user.email, name: user.name },
      stage,
      secondFactor: secondFactor === 'none' ? null : secondFactor,
      memberships,
      acting,
    };
  }

  app.post(
    '/api/session',
    {
      schema: {
        tags,
        summary: 'Sign in (the answer says which step is still owed, if any)',
        body: SignInBody,
        response: { 200: SessionResponse, ...problems(400, 401, 403, 423, 429) },
      },
      config: { rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const previous = request.cookies[SESSION_COOKIE];
      const outcome = await service.signIn(
        deps,
        email,
        password,
        requestInfo(request),
        previous ? service.hashToken(previous) : undefined,
      );
      setSessionCookie(request, reply, outcome.token);
      return sessionBody(outcome.user, outcome.actingProgramId, outcome.stage);
    },
  );

  app.get(
    '/api/session',
    {
      preHandler: atAnyStage,
      schema: {
        tags,
        summary: 'The signed-in user, memberships, acting program and any step owed',
        response: { 200: SessionResponse, ...problems(401) },
      },
    },
    async (request) => {
      const s = request.sessionUser;
      return sessionBody({ id: s.userId, email: s.email, name: s.name }, s.programId, s.stage);
    },
  );

  app.delete(
    '/api/session',
    { preHandler: atAnyStage, schema: { tags, summary: 'Sign out', response: { 204: Type.Null(), ...problems(401) } } },
    async (request, reply) => {
      const s = request.sessionUser;
      await service.signOut(db, s.tokenHash, s.userId, s.programId, requestInfo(request));
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/session/program',
    {
      preHandler: withUser,
      schema: {
        tags,
        summary: 'Choose the program to act as (MT-5)',
        body: SwitchProgramBody,
        response: { 200: SessionResponse, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const s = request.sessionUser;
      await service.switchProgram(db, s.tokenHash, s.userId, request.body.programId, requestInfo(request));
      return sessionBody({ id: s.userId, email: s.email, name: s.name }, request.body.programId, s.stage);
    },
  );
}
