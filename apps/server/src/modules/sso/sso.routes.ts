import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { problems } from '../../http/problem.js';
import { requestInfo, requireActor, SESSION_COOKIE, setSessionCookie } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { hashToken } from '../identity/identity.service.js';
import { SsoCallbackQuery, SsoNetworkList, SsoSettingsBody, SsoSettingsResponse, SsoStartQuery } from './sso.schema.js';
import { getSsoSettings, listSsoNetworks, updateSsoSettings } from './sso.service.js';
import { callbackUrl, finishLogin, SsoRefusal, startLogin } from './sso-login.service.js';

const tags = ['sso'];
/** The in-flight sign-in's state and nonce, held by the browser that started it (login CSRF). */
const SSO_COOKIE = 'portico_sso';
const SSO_COOKIE_PATH = '/api/sso';
const Redirect = { 302: Type.Null({ description: 'Location: where the browser goes next' }) };

const signInError = (reply: FastifyReply, code: string) => reply.redirect(`/sign-in?sso_error=${code}`);

export function ssoRoutes(app: App, { config, database: { db }, clock }: AppDeps) {
  const deps = { db, clock, publicUrl: config.publicUrl };
  const rateLimit = { max: config.signInRateLimit, timeWindow: '1 minute' };

  app.get(
    '/api/network/sso',
    {
      preHandler: requireActor(deps),
      schema: {
        tags,
        summary: 'ND-9: the network’s identity provider (network administrators; never the secret)',
        response: { 200: SsoSettingsResponse, ...problems(401, 403) },
      },
    },
    async (request) => ({ ...(await getSsoSettings(db, request.actor)), callbackUrl: callbackUrl(deps) }),
  );

  app.put(
    '/api/network/sso',
    {
      preHandler: requireActor(deps),
      schema: {
        tags,
        summary: 'ND-9: set the network’s identity provider (network administrators; audited without the secret)',
        body: SsoSettingsBody,
        response: { 200: SsoSettingsResponse, ...problems(400, 401, 403) },
      },
    },
    async (request) => ({
      ...(await updateSsoSettings(db, request.actor, request.body)),
      callbackUrl: callbackUrl(deps),
    }),
  );

  app.get(
    '/api/sso/networks',
    {
      schema: {
        tags,
        summary: 'ND-9: networks whose sign-in page offers their identity provider (public)',
        security: [],
        response: { 200: SsoNetworkList },
      },
    },
    async () => ({
      items: (await listSsoNetworks(db)).map((n) => ({
        ...n,
        startUrl: `/api/sso/start?network=${encodeURIComponent(n.slug)}`,
      })),
    }),
  );

  app.get(
    '/api/sso/start',
    {
      schema: {
        tags,
        summary: 'ND-9: go to the network’s identity provider to sign in (a browser navigation)',
        security: [],
        querystring: SsoStartQuery,
        response: { ...Redirect, ...problems(400, 429) },
      },
      config: { rateLimit },
    },
    async (request, reply) => {
      try {
        const start = await startLogin(deps, request.query.network);
        reply.setCookie(SSO_COOKIE, start.browserKey, {
          path: SSO_COOKIE_PATH,
          httpOnly: true,
          // Lax: the provider's redirect back is a top-level GET, which still carries it.
          sameSite: 'lax',
          secure: request.protocol === 'https',
          maxAge: start.maxAgeSeconds,
        });
        return reply.redirect(start.url);
      } catch (e) {
        if (e instanceof SsoRefusal) return signInError(reply, e.code);
        throw e;
      }
    },
  );

  app.get(
    '/api/sso/callback',
    {
      schema: {
        tags,
        summary: 'ND-9: the identity provider’s redirect back; opens a session like a password sign-in',
        security: [],
        querystring: SsoCallbackQuery,
        response: { ...Redirect, ...problems(400, 429) },
      },
      config: { rateLimit },
    },
    async (request, reply) => {
      reply.clearCookie(SSO_COOKIE, { path: SSO_COOKIE_PATH });
      try {
        const { token } = await finishLogin(
          deps,
          request.query,
          rawQueryOf(request),
          request.cookies[SSO_COOKIE],
          requestInfo(request),
          previousSession(request),
        );
        setSessionCookie(request, reply, token);
        // The web app routes by the session's stage (password change, second factor, program choice).
        return reply.redirect('/');
      } catch (e) {
        if (e instanceof SsoRefusal) return signInError(reply, e.code);
        throw e;
      }
    },
  );
}

const rawQueryOf = (request: FastifyRequest) => request.url.split('?')[1] ?? '';

function previousSession(request: FastifyRequest) {
  const token = request.cookies[SESSION_COOKIE];
  return token ? hashToken(token) : undefined;
}
