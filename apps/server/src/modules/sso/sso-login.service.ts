import { systemTx } from '../../db/tx.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { MINUTE } from '../../platform/clock/clock.js';
import * as identity from '../identity/identity.repo.js';
import {
  hashToken,
  type IdentityDeps,
  lockBlock,
  type RequestInfo,
  startSession,
  suspensionBlock,
} from '../identity/identity.service.js';
import { securityForUser } from '../identity/security.policy.js';
import {
  authorizationRequest,
  identityFromCallback,
  isProviderRefusal,
  type ProviderIdentity,
  providerConfig,
} from './sso.oidc.js';
import * as repo from './sso.repo.js';
import type { SsoErrorCode } from './sso.schema.js';

export interface SsoDeps extends IdentityDeps {
  /** Base URL of this Portico as the browser sees it: the callback registered at the provider. */
  publicUrl: string;
}

/** A provider sign-in that opens no session; the code goes to the sign-in page as `sso_error`. */
export class SsoRefusal extends Error {
  constructor(readonly code: SsoErrorCode) {
    super(`provider sign-in refused: ${code}`);
  }
}

const LOGIN_MINUTES = 10;
export const callbackUrl = (deps: SsoDeps) => `${deps.publicUrl}/api/sso/callback`;

/**
 * Starts a provider sign-in for a network. The state and nonce go back to the browser (to be sent
 * with the callback, which binds the sign-in to this browser); the database keeps their hashes.
 */
export async function startLogin(deps: SsoDeps, slug: string) {
  const settings = await systemTx(deps.db, (tx) => repo.findEnabled(tx, { slug }));
  if (!settings) throw new SsoRefusal('unavailable');
  const config = await providerConfig(settings).catch(() => {
    throw new SsoRefusal('unavailable');
  });
  const request = await authorizationRequest(config, callbackUrl(deps));
  const now = deps.clock.now();
  await systemTx(deps.db, async (tx) => {
    await repo.deleteExpiredLogins(tx, now);
    await repo.insertLogin(tx, {
      stateHash: hashToken(request.state),
      networkId: settings.networkId,
      nonceHash: hashToken(request.nonce),
      codeVerifier: request.codeVerifier,
      createdAt: now,
      expiresAt: new Date(now.getTime() + LOGIN_MINUTES * MINUTE),
    });
  });
  return { url: request.url.href, browserKey: `${request.state}.${request.nonce}`, maxAgeSeconds: LOGIN_MINUTES * 60 };
}

/**
 * The provider's redirect back: checks the state against this browser's key and takes the
 * in-flight sign-in (single use), exchanges the code, then admits the matched user.
 */
export async function finishLogin(
  deps: SsoDeps,
  query: { state?: string },
  rawQuery: string,
  browserKey: string | undefined,
  info: RequestInfo,
  previousTokenHash?: string,
) {
  const [state, nonce] = (browserKey ?? '').split('.');
  if (!state || !nonce || query.state !== state) throw new SsoRefusal('expired');
  const login = await systemTx(deps.db, (tx) => repo.takeLogin(tx, hashToken(state)));
  if (!login || login.expiresAt <= deps.clock.now() || login.nonceHash !== hashToken(nonce)) {
    throw new SsoRefusal('expired');
  }
  const settings = await systemTx(deps.db, (tx) => repo.findEnabled(tx, { networkId: login.networkId }));
  if (!settings) throw new SsoRefusal('unavailable');
  const config = await providerConfig(settings).catch(() => {
    throw new SsoRefusal('unavailable');
  });
  const who = await identityFromCallback(config, new URL(`${callbackUrl(deps)}?${rawQuery}`), {
    state,
    nonce,
    codeVerifier: login.codeVerifier,
  }).catch((e: unknown) => {
    throw new SsoRefusal(isProviderRefusal(e) ? 'denied' : 'invalid');
  });
  return admit(deps, login.networkId, settings.issuer, who, info, previousTokenHash);
}

/**
 * Opens a session for the existing user with the provider's verified email and an active
 * membership in the provider's network. Never creates a user or a membership. Refusals naming a
 * user are audited in that network, so they commit and the refusal is thrown after.
 */
async function admit(
  deps: SsoDeps,
  networkId: string,
  issuer: string,
  who: ProviderIdentity,
  info: RequestInfo,
  previousTokenHash?: string,
) {
  const outcome = await systemTx(deps.db, async (tx): Promise<{ token: string } | { refused: SsoErrorCode }> => {
    const user = who.email ? await identity.findUserByEmail(tx, who.email) : undefined;
    const refuse = async (code: SsoErrorCode, reason: string = code) => {
      if (user) {
        await recordAudit(
          tx,
          { networkId, userId: user.id, programId: null, organizationId: null, requestId: info.requestId, ip: info.ip },
          {
            action: 'session.sign_in_refused',
            entityType: 'user',
            entityId: user.id,
            details: { method: 'oidc', reason },
          },
        );
      }
      return { refused: code };
    };
    // An unverified address proves nothing about who owns it, so it never names an account.
    if (!who.email || !who.emailVerified) return refuse('email_unverified');
    if (!user) return { refused: 'unknown_user' };
    const all = await identity.activeMembershipsOf(tx, user.id);
    const here = all.filter((m) => m.networkId === networkId);
    if (here.length === 0) return refuse('no_membership');
    const policy = await securityForUser(tx, user.id);
    if (user.status !== 'active') return refuse('locked', 'disabled');
    // lockBlock audits its own refusal.
    if (await lockBlock(tx, deps, user, all, info, policy, { method: 'oidc' })) return { refused: 'locked' as const };
    if (await suspensionBlock(tx, deps, user, all, info, policy)) return refuse('locked', 'suspended');
    if (previousTokenHash) await identity.deleteSession(tx, previousTokenHash);
    // Only this network's programs: the acting program is chosen among them, the sign-in audited there.
    const session = await startSession(tx, deps, user, here, info, policy, {
      method: 'oidc',
      issuer,
      subject: who.subject,
    });
    return { token: session.token };
  });
  if ('refused' in outcome) throw new SsoRefusal(outcome.refused);
  return outcome;
}
