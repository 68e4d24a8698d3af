import type { RoleCode } from '@portico/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { agreementOfNetwork, signatureDue } from '../modules/agreements/agreements.service.js';
import * as identity from '../modules/identity/identity.repo.js';
import { hashToken, type IdentityDeps, type RequestInfo } from '../modules/identity/identity.service.js';
import { STAGE_MESSAGES } from '../modules/identity/identity.stages.js';
import type { SessionStage } from '../modules/identity/identity.table.js';
import { makeCapabilities } from '../platform/access/actor.js';
import { MINUTE } from '../platform/clock/clock.js';
import { findActingSession } from '../platform/tenancy/acting.js';
import { AppError } from './errors.js';

export const SESSION_COOKIE = 'portico_session';

export function requestInfo(request: FastifyRequest): RequestInfo {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: String(request.id) };
}

/**
 * Sets the session cookie: httpOnly, SameSite=Lax, Secure when the request came over HTTPS.
 * No max-age: the browser forgets it when closed; the server enforces idle and absolute lifetimes.
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

type LiveSession = NonNullable<Awaited<ReturnType<typeof identity.findLiveSession>>>;

/**
 * The checks every signed-in request passes, on a session read with its user: active user, idle timeout
 * (the session ends), owed steps; then last_seen_at is written when due and request.sessionUser is set.
 */
async function acceptSession(
  deps: IdentityDeps,
  request: FastifyRequest,
  found: LiveSession | undefined,
  tokenHash: string,
  now: Date,
  options: { stages?: SessionStage[]; only?: boolean },
) {
  if (found?.user.status !== 'active') throw new AppError('unauthenticated', 'Your session has ended; sign in again.');
  const idleMs = now.getTime() - found.session.lastSeenAt.getTime();
  if (idleMs > found.session.idleMinutes * MINUTE) {
    await identity.deleteSession(deps.db, tokenHash);
    throw new AppError(
      'unauthenticated',
      `You were signed out after ${found.session.idleMinutes} minutes without activity.`,
    );
  }
  const stage = found.session.stage;
  if (stage && !options.stages?.includes(stage)) throw new AppError('forbidden', STAGE_MESSAGES[stage]);
  // Steps such as choosing the second factor exist only while owed: a signed-in session cannot replace it.
  if (options.only && !stage) throw new AppError('forbidden', 'There is no sign-in step to complete in this session.');
  // Write last_seen_at at most every quarter of the idle timeout (and at most once a minute).
  if (idleMs > Math.min(MINUTE, (found.session.idleMinutes * MINUTE) / 4)) {
    await identity.updateSession(deps.db, tokenHash, { lastSeenAt: now });
  }
  request.sessionUser = {
    userId: found.user.id,
    email: found.user.email,
    name: found.user.name,
    tokenHash,
    programId: found.session.programId,
    stage,
  };
}

function sessionToken(request: FastifyRequest) {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) throw new AppError('unauthenticated', 'Sign in first.');
  return hashToken(token);
}

/**
 * preHandler: a signed-in user (acting program optional). A session that still owes a step
 * (password change, second factor) reaches only the routes that list that step in `stages`.
 * Idle sessions end after the policy's minutes without a request (automatic logoff).
 */
export function requireUser(deps: IdentityDeps, options: { stages?: SessionStage[]; only?: boolean } = {}) {
  return async (request: FastifyRequest) => {
    const tokenHash = sessionToken(request);
    const now = deps.clock.now();
    await acceptSession(
      deps,
      request,
      await identity.findLiveSession(deps.db, tokenHash, now),
      tokenHash,
      now,
      options,
    );
  };
}

/**
 * preHandler: a signed-in user acting as a program through a membership that is active right now.
 * Memberships are read on every request, so an end date takes effect at once (ND-2).
 * With `agreement`, the route also needs a current signature of the network's user agreement
 * (MT-3): every client, consent and referral route asks for it. Session, membership, network and
 * latest signature come in one query (findActingSession).
 */
export function requireActor(deps: IdentityDeps, options: { agreement?: boolean } = {}) {
  return async (request: FastifyRequest) => {
    const tokenHash = sessionToken(request);
    const now = deps.clock.now();
    const found = await findActingSession(deps.db, tokenHash, now);
    await acceptSession(deps, request, found, tokenHash, now, {});
    const s = request.sessionUser;
    if (!s.programId) throw new AppError('forbidden', 'Choose the program you act as first.');
    const m = found?.membership;
    if (!m || !found.network)
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
      membershipId: m.id,
      roles,
      capabilities: makeCapabilities(roles),
      requestId: String(request.id),
      ip: request.ip,
    };
    const agreement = options.agreement ? agreementOfNetwork(found.network) : null;
    if (agreement && signatureDue(agreement, found.signature, now)) {
      throw new AppError(
        'forbidden',
        'Sign the user agreement of your network first: until it is signed, client, consent and referral pages are closed.',
      );
    }
  };
}
