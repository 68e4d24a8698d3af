import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import addFormats from 'ajv-formats';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { Type } from 'typebox';
import { registerCsrfCheck } from './http/csrf.js';
import { registerProblemHandling } from './http/problem.js';
import type { App, AppDeps } from './http/types.js';
import { agencyAgreementRoutes } from './modules/agency-agreements/agency-agreements.routes.js';
import { agreementRoutes } from './modules/agreements/agreements.routes.js';
import { auditLogRoutes } from './modules/audit-log/audit-log.routes.js';
import { changeRequestRoutes } from './modules/change-requests/change-requests.routes.js';
import { clientRoutes } from './modules/clients/clients.routes.js';
import { consentRoutes } from './modules/consents/consents.routes.js';
import { consentSmsRoutes } from './modules/consents/consents.sms.routes.js';
import { directoryRoutes } from './modules/directory/directory.routes.js';
import { hsdsRoutes } from './modules/hsds/hsds.routes.js';
import { identityRoutes } from './modules/identity/identity.routes.js';
import { passwordRoutes } from './modules/identity/password.routes.js';
import { secondFactorRoutes } from './modules/identity/second-factor.routes.js';
import { sessionRoutes } from './modules/identity/sessions.routes.js';
import { userRoutes } from './modules/identity/users.routes.js';
import { intakeFormRoutes } from './modules/intake-forms/intake-forms.routes.js';
import { mailRoutes } from './modules/mail/mail.routes.js';
import { membershipRoutes } from './modules/memberships/memberships.routes.js';
import { networkRoutes } from './modules/networks/networks.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { organizationRoutes } from './modules/organizations/organizations.routes.js';
import { referralRoutes } from './modules/referrals/referrals.routes.js';
import { registrationRoutes } from './modules/registrations/registrations.routes.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { ssoRoutes } from './modules/sso/sso.routes.js';

/** Every module's routes; a new module adds one line here. */
const MODULES = [
  identityRoutes,
  passwordRoutes,
  sessionRoutes,
  secondFactorRoutes,
  mailRoutes,
  agreementRoutes,
  agencyAgreementRoutes,
  userRoutes,
  networkRoutes,
  organizationRoutes,
  directoryRoutes,
  hsdsRoutes,
  membershipRoutes,
  changeRequestRoutes,
  registrationRoutes,
  clientRoutes,
  consentRoutes,
  consentSmsRoutes,
  intakeFormRoutes,
  referralRoutes,
  reportRoutes,
  notificationRoutes,
  auditLogRoutes,
  ssoRoutes,
];

/** Builds the HTTP app around a database; main.ts and the tests both call this. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    ajv: {
      customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array' },
      plugins: [addFormats.default],
    },
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      serializers: {
        // Paths only: query strings can carry client names.
        req: (req) => ({ method: req.method, url: String(req.url).split('?')[0], requestId: req.id }),
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Work started by requests but not awaited finishes before the app closes.
  app.decorate('background', deps.background);
  app.addHook('onClose', () => deps.background.drain());
  const spa = existsSync(path.join(config.webDist, 'index.html'));
  registerProblemHandling(app, { spa });
  registerCsrfCheck(app);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Portico API',
        version: '0.1.0',
        description: 'Provider portal for health and social-care networks.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'portico_session' } } },
      security: [{ session: [] }],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Answers 200 when the database answers',
        response: { 200: Type.Object({ status: Type.String(), database: Type.String() }) },
      },
    },
    async () => {
      await deps.database.db.execute(sql`SELECT 1`);
      return { status: 'ok', database: deps.database.kind };
    },
  );

  for (const register of MODULES) register(app, deps);

  if (spa) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: ['index.html'] });
  }
  return app;
}
