import { Type } from 'typebox';
import { systemTx } from '../../db/tx.js';
import { invalid } from '../../http/errors.js';
import { problems } from '../../http/problem.js';
import { requestInfo, requireUser } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import * as repo from './identity.repo.js';
import {
  ChangePasswordBody,
  PasswordRulesResponse,
  ResetRequestBody,
  TokenPasswordBody,
  TokenQuery,
} from './identity.schema.js';
import { describeRules } from './password.rules.js';
import * as service from './password.service.js';
import { securityForUser } from './security.policy.js';

const tags = ['password'];
const Stage = Type.Object({ stage: Type.Union([Type.String(), Type.Null()]) });

/** MT-1, MT-2, NCC-1: change, set from a link, and reset by email. */
export function passwordRoutes(app: App, { config, database: { db }, clock, mail, background }: AppDeps) {
  const deps = { db, clock, publicUrl: config.publicUrl };

  app.put(
    '/api/session/password',
    {
      preHandler: requireUser(deps, { stages: ['password_change'] }),
      schema: {
        tags,
        summary: 'Change my password (required after a temporary or expired password)',
        body: ChangePasswordBody,
        response: { 200: Stage, ...problems(400, 401, 403) },
      },
    },
    (request) =>
      service.changePassword(
        deps,
        request.sessionUser,
        request.body.currentPassword,
        request.body.newPassword,
        requestInfo(request),
      ),
  );

  app.get(
    '/api/password/token',
    {
      schema: {
        tags,
        summary: 'Whose link this is and the password rules that apply',
        querystring: TokenQuery,
        response: { 200: PasswordRulesResponse, ...problems(400) },
      },
    },
    (request) =>
      systemTx(db, async (tx) => {
        const row = await service.findUsableToken(tx, deps, request.query.token);
        const user = row && (await repo.findUser(tx, row.userId));
        if (!row || !user) throw invalid('query.token', 'this link has expired or was already used; ask for a new one');
        const policy = await securityForUser(tx, user.id);
        return { email: user.email, kind: row.kind, rules: describeRules(policy.password, policy.secondFactor) };
      }),
  );

  app.post(
    '/api/password',
    {
      config: { rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Set a password from an invitation or reset link (signs out every session)',
        body: TokenPasswordBody,
        response: { 200: Type.Object({ email: Type.String() }), ...problems(400, 429) },
      },
    },
    (request) => service.setPasswordWithToken(deps, request.body.token, request.body.password, requestInfo(request)),
  );

  app.post(
    '/api/password-reset',
    {
      config: { rateLimit: { max: config.signInRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Email a reset link; the answer is the same whether or not the address has an account (MT-2)',
        body: ResetRequestBody,
        response: { 202: Type.Object({ message: Type.String() }), ...problems(400, 429) },
      },
    },
    async (request, reply) => {
      // Answered before any lookup: status, body and timing are the same for every address (MT-2).
      const { email } = request.body;
      background.run('password-reset', async () => {
        await service.requestPasswordReset(deps, email);
        mail.kick();
      });
      return reply.status(202).send({ message: service.RESET_ANSWER });
    },
  );

  app.get(
    '/api/session/password-rules',
    {
      preHandler: requireUser(deps, { stages: ['password_change'] }),
      schema: {
        tags,
        summary: 'The password rules that apply to me, in words',
        response: { 200: Type.Object({ rules: Type.Array(Type.String()) }), ...problems(401, 403) },
      },
    },
    async (request) => {
      const policy = await securityForUser(db, request.sessionUser.userId);
      return { rules: describeRules(policy.password, policy.secondFactor) };
    },
  );
}
