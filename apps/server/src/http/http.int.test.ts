import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { buildTestApp, testDeps } from '../test/app.js';
import { testDatabase, testDriver } from '../test/db.js';
import type { App } from './types.js';

const API_PATHS = [
  '/api/session',
  '/api/session/program',
  '/api/users',
  '/api/users/{id}',
  '/api/network',
  '/api/organizations',
  '/api/organizations/{id}',
  '/api/programs',
  '/api/programs/{id}',
  '/api/programs/{programId}/contacts',
  '/api/memberships/{id}',
  '/api/notifications',
  '/api/notifications/{id}/read',
  '/api/notifications/read-all',
  '/api/audit-events',
  '/healthz',
];

describe(`HTTP conventions on ${testDriver}`, () => {
  let app: App;

  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it('GET /healthz answers 200 when the database answers', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: testDriver });
  });

  it('every answer carries its request id in x-request-id', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // A request id sent by the client is not trusted.
    const sent = await app.inject({ method: 'GET', url: '/healthz', headers: { 'request-id': 'forged' } });
    expect(sent.headers['x-request-id']).not.toBe('forged');
  });

  it('X-1: answers carry security headers (content security policy, no sniffing, no framing)', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('/api/openapi.json is OpenAPI 3.1 and documents every API path', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(spec.paths).sort()).toEqual(expect.arrayContaining(API_PATHS.sort()));
    expect(spec.paths['/api/organizations'].post.responses).toHaveProperty('201');
    expect(spec.components.securitySchemes.session).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'portico_session',
    });
  });

  it('/api/docs answers 200 with an HTML page', async () => {
    let res = await app.inject({ method: 'GET', url: '/api/docs' });
    if (res.statusCode >= 300 && res.statusCode < 400)
      res = await app.inject({ method: 'GET', url: String(res.headers.location) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/<html/i);
  });

  it('X-5: an unknown /api route answers 404 problem+json naming the route', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/no-such-thing?secret=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({
      status: 404,
      code: 'not_found',
      title: 'Not found',
      detail: 'No route GET /api/no-such-thing.',
      requestId: res.headers['x-request-id'],
    });
  });

  it('X-1: an API route without a session answers 401 problem+json', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/organizations' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated', type: 'https://portico.dev/problems/unauthenticated' });
  });

  it('X-5: a body that is not JSON answers 400 problem+json', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('validation');
  });

  it('X-1: too many sign-in attempts from one address answer 429 problem+json with Retry-After', async () => {
    const limited = await buildApp(await testDeps({ config: { signInRateLimit: 3 } }));
    await limited.ready();
    try {
      const attempt = () =>
        limited.inject({
          method: 'POST',
          url: '/api/session',
          remoteAddress: '203.0.113.9',
          payload: { email: 'nobody@example.test', password: 'Wrong-password-1!' },
        });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt()).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const res = await attempt();
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    } finally {
      await limited.close();
    }
  });

  it('X-5: an unexpected error answers 500 problem+json with the request id and no internal detail', async () => {
    const database = await testDatabase();
    const failing = await buildApp(await testDeps({ database }));
    failing.get('/api/test-explode', async () => {
      throw new Error('secret internal detail');
    });
    await failing.ready();
    try {
      const res = await failing.inject({ method: 'GET', url: '/api/test-explode' });
      expect(res.statusCode).toBe(500);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 500, code: 'internal', requestId: res.headers['x-request-id'] });
      expect(res.json().detail).toContain(String(res.headers['x-request-id']));
      expect(res.body).not.toContain('secret');
      expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      await failing.close();
    }
  });
});
