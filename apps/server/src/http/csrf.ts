import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF protection for cookie-authenticated changes: a browser always names the page's origin on
 * such requests (Origin, Sec-Fetch-Site); one from another site is refused. The session cookie is
 * also SameSite=Lax and the API accepts only JSON bodies, which a cross-site form cannot send.
 */
export function registerCsrfCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!UNSAFE.has(request.method)) return;
    if (request.headers['sec-fetch-site'] === 'cross-site') {
      throw new AppError('forbidden', 'Requests from another site are refused.');
    }
    const origin = request.headers.origin;
    if (origin && origin !== 'null') {
      let same: boolean;
      try {
        const from = new URL(origin);
        // Read Host with the origin's scheme, so a default port (:80, :443) compares equal either way.
        same = from.host === new URL(`${from.protocol}//${request.headers.host ?? ''}`).host;
      } catch {
        throw new AppError('forbidden', 'The request has an invalid Origin or Host header.');
      }
      if (!same) throw new AppError('forbidden', 'Requests from another site are refused.');
    } else if (origin === 'null') {
      throw new AppError('forbidden', 'Requests from an opaque origin are refused.');
    }
  });
}
