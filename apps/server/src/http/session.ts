import type { RoleCode } from '@portico/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import * as identity from '../modules/identity/identity.repo.js';
import { hashToken, type RequestInfo } from '../modules/identity/identity.service.js';
import { makeCapabilities } from '../platform/access/actor.js';
import { AppError } from './errors.js';

export const SESSION_COOKIE = 'portico_session';
// Write last_seen_at at most once a minute per session, not on every request.
const TOUCH_EVERY_MS = 60_000;

export function requestInfo(request: FastifyRequest): RequestInfo {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: String(request.id) };
}

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure when the request came over HTTPS. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, hours: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: hours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** preHandler: a signed-in user (acting program optional). */
export function requireUser(db: Db) {
  return async (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('unauthenticated', 'Sign in first.');
    const tokenHash = hashToken(token);
    const found = await identity.findLiveSession(db, tokenHash);
    if (found?.user.status !== 'active')
      throw new AppError('unauthenticated', 'Your session has ended; sign in again.');
    if (Date.now() - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await identity.touchSession(db, tokenHash);
    request.sessionUser = {
      userId: found.user.id,
      email: found.user.email,
      name: found.user.name,
      tokenHash,
      programId: found.session.programId,
    };
  };
}

/**
 * preHandler: a signed-in user acting as a program through a membership that is active right now.
 * Memberships are read on every request, so an end date takes effect at once (ND-2).
 */
export function requireActor(db: Db) {
  const user = requireUser(db);
  return async (request: FastifyRequest) => {
    await user(request);
    const s = request.sessionUser;
    if (!s.programId) throw new AppError('forbidden', 'Choose the program you act as first.');
    const [m] = await identity.activeMembershipsOf(db, s.userId, s.programId);
    if (!m)
      throw new AppError(
        'forbidden',
        'Your membership in the program you were acting as has ended; choose another program.',
      );
    const roles = m.roles as RoleCode[];
    request.actor = {
      userId: s.userId,
      email: s.email,
      name: s.name,
      sessionTokenHash: s.tokenHash,
      networkId: m.networkId,
      organizationId: m.organizationId,
      programId: m.programId,
      membershipId: m.membershipId,
      roles,
      capabilities: makeCapabilities(roles),
      requestId: String(request.id),
      ip: request.ip,
    };
  };
}
