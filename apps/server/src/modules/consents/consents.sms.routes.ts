import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import { type TObject, type TSchema, Type } from 'typebox';
import { AppError, invalid, notFound } from '../../http/errors.js';
import { problems } from '../../http/problem.js';
import { DateTime, Uuid } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { assertCan } from '../../platform/access/actor.js';
import { toE164 } from '../../platform/sms/sms.phone.js';
import { parseTwilioInbound } from '../../platform/sms/sms.twilio.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import { consentStep } from './consents.routes.js';
import { SmsCode, SmsStart } from './consents.schema.js';
import * as sms from './consents.sms.js';
import { smsMessages } from './consents.table.js';

const SimulatorQuery = Type.Object({ phone: Type.Optional(Type.String({ maxLength: 30 })) });
const SimulatorView = Type.Object({
  phones: Type.Array(Type.String()),
  messages: Type.Array(
    Type.Object({
      id: Uuid,
      direction: Type.String(),
      from: Type.String(),
      to: Type.String(),
      body: Type.String(),
      createdAt: DateTime,
    }),
  ),
});
const SimulatorReply = Type.Object(
  { from: Type.String({ maxLength: 30 }), body: Type.String({ minLength: 1, maxLength: 1600 }) },
  { additionalProperties: false },
);

/** MT-10 text-message signature: the staff steps, the provider's webhook, and the demo's phone simulator. */
export function consentSmsRoutes(app: App, deps: AppDeps) {
  const {
    database: { db },
    clock,
    config,
  } = deps;
  const consentDeps = { db, clock, sms: deps.sms };
  const preHandler = requireActor({ db, clock }, { agreement: true });
  const tags = ['consents'];
  const step = <B extends TSchema = TObject<Record<string, never>>>(summary: string, body?: B) =>
    consentStep(preHandler, summary, body);

  app.post(
    '/api/consents/:id/sms',
    step("Text the signing request to the client's mobile (reply YES)", SmsStart),
    (req) => sms.startSms(consentDeps, req.actor, req.params.id, req.body),
  );
  app.post('/api/consents/:id/sms/resend', step('Text a new code; the previous one stops working'), (req) =>
    sms.resendCode(consentDeps, req.actor, req.params.id),
  );
  app.post(
    '/api/consents/:id/sms/verify',
    step('Enter the code the client received: signs the consent', SmsCode),
    (req) => sms.verifyCode(consentDeps, req.actor, req.params.id, req.body),
  );

  // The provider's webhook: form-encoded and signed, so its parser lives in this scope only.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    scope.post(
      '/api/sms/inbound',
      {
        config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
        schema: { tags, summary: "The text-message provider's incoming-message webhook (signed)", hide: false },
      },
      async (req, reply) => {
        const params = (req.body ?? {}) as Record<string, string>;
        const url = `${config.publicUrl}/api/sms/inbound`;
        const signature = req.headers['x-twilio-signature'];
        if (!deps.sms.verifyInbound(url, params, typeof signature === 'string' ? signature : undefined)) {
          throw new AppError('forbidden', 'The webhook signature does not match.');
        }
        await sms.receiveSms(consentDeps, parseTwilioInbound(params));
        return reply.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
      },
    );
  });

  const simulatorOnly = () => {
    if (deps.sms.kind !== 'simulator') throw notFound('The phone simulator (this server sends real text messages)');
  };
  app.get(
    '/api/sms/simulator',
    {
      preHandler,
      schema: {
        tags,
        summary: 'Demo: the numbers texted in this network and one conversation (simulator only)',
        querystring: SimulatorQuery,
        response: { 200: SimulatorView, ...problems(400, 401, 403, 404) },
      },
    },
    (req) => {
      simulatorOnly();
      assertCan(req.actor, 'consents:read');
      const phone = req.query.phone ? toE164(req.query.phone) : null;
      if (req.query.phone && !phone) throw invalid('query.phone', 'not a phone number');
      return withTenant(db, req.actor, async (tx) => {
        const texted = await tx
          .select({ phone: smsMessages.toNumber, last: sql<string>`max(${smsMessages.createdAt})` })
          .from(smsMessages)
          .where(and(eq(smsMessages.networkId, req.actor.networkId), eq(smsMessages.direction, 'outbound')))
          .groupBy(smsMessages.toNumber)
          .orderBy(desc(sql`2`))
          .limit(50);
        const messages = phone
          ? await tx
              .select({
                id: smsMessages.id,
                direction: smsMessages.direction,
                from: smsMessages.fromNumber,
                to: smsMessages.toNumber,
                body: smsMessages.body,
                createdAt: smsMessages.createdAt,
              })
              .from(smsMessages)
              .where(
                and(
                  eq(smsMessages.networkId, req.actor.networkId),
                  or(eq(smsMessages.toNumber, phone), eq(smsMessages.fromNumber, phone)),
                ),
              )
              .orderBy(asc(smsMessages.createdAt), asc(smsMessages.id))
              .limit(200)
          : [];
        return { phones: texted.map((t) => t.phone), messages };
      });
    },
  );
  app.post(
    '/api/sms/simulator/reply',
    {
      preHandler,
      schema: {
        tags,
        summary: "Demo: reply as the client's phone (simulator only)",
        body: SimulatorReply,
        response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      simulatorOnly();
      assertCan(req.actor, 'consents:read');
      const from = toE164(req.body.from);
      if (!from) throw invalid('body.from', 'not a phone number');
      // Only a number this network texted may answer: the simulator cannot reach into another network.
      const known = await withTenant(db, req.actor, (tx) =>
        tx
          .select({ id: smsMessages.id })
          .from(smsMessages)
          .where(and(eq(smsMessages.networkId, req.actor.networkId), eq(smsMessages.toNumber, from)))
          .limit(1),
      );
      if (!known.length) throw invalid('body.from', 'this network has not texted that number');
      await sms.receiveSms(
        consentDeps,
        {
          from,
          to: deps.sms.from,
          body: req.body.body,
          providerId: `SIMIN${randomBytes(12).toString('hex')}`,
        },
        req.actor.networkId,
      );
      return reply.status(204).send(null);
    },
  );
}
