import { Type } from 'typebox';
import { problems } from '../../http/problem.js';
import { clearSessionCookie, requestInfo, requireUser, setSessionCookie } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { SessionResponse, SignInBody, SwitchProgramBody } from './identity.schema.js';
import * as service from './identity.service.js';

const tags = ['session'];

export function identityRoutes(app: App, { config, database: { db } }: AppDeps) {
  const withUser = requireUser(db);

  async function sessionBody(userId: string, email: string, name: string, programId: string | null) {
    const { memberships, acting } = await service.describeSession(db, userId, programId);
    return { user: { id: userId, email, name }, memberships, acting };
  }

  app.post(
    '/api/session',
    {
      schema: {
        tags,
        summary: 'Sign in',
        body: SignInBody,
        response: { 200: SessionResponse, ...problems(400, 401, 403, 429) },
      },
      config: { rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const { token, user, actingProgramId } = await service.signIn(
        db,
        email,
        password,
        requestInfo(request),
        config.sessionHours,
      );
      setSessionCookie(request, reply, token, config.sessionHours);
      return sessionBody(user.id, user.email, user.name, actingProgramId);
    },
  );

  app.get(
    '/api/session',
    {
      preHandler: withUser,
      schema: {
        tags,
        summary: 'The signed-in user, memberships and acting program',
        response: { 200: SessionResponse, ...problems(401) },
      },
    },
    async (request) => {
      const s = request.sessionUser;
      return sessionBody(s.userId, s.email, s.name, s.programId);
    },
  );

  app.delete(
    '/api/session',
    { preHandler: withUser, schema: { tags, summary: 'Sign out', response: { 204: Type.Null(), ...problems(401) } } },
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
      return sessionBody(s.userId, s.email, s.name, request.body.programId);
    },
  );
}
