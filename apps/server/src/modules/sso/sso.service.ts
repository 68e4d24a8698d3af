import type { Static } from 'typebox';
import type { Db } from '../../db/client.js';
import { systemTx } from '../../db/tx.js';
import { forbidden, invalid } from '../../http/errors.js';
import { type Actor, isNetworkAdmin } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import { issuerProblem, providerConfig } from './sso.oidc.js';
import * as repo from './sso.repo.js';
import type { SsoSettingsBody } from './sso.schema.js';
import type { networkSso } from './sso.table.js';

type Settings = typeof networkSso.$inferSelect;

const view = (s: Settings | undefined) => ({
  enabled: s?.enabled ?? false,
  issuer: s?.issuer ?? '',
  clientId: s?.clientId ?? '',
  displayName: s?.displayName ?? '',
  hasSecret: Boolean(s?.clientSecret),
});

function assertAdmin(actor: Actor) {
  if (!isNetworkAdmin(actor))
    throw forbidden('Only a network administrator manages sign-in through the identity provider.');
}

/** ND-9: the acting network's provider settings, without the secret. */
export function getSsoSettings(db: Db, actor: Actor) {
  assertAdmin(actor);
  // System transaction: tenant transactions cannot read this table (it holds the secret).
  return systemTx(db, async (tx) => view(await repo.findSettings(tx, actor.networkId)));
}

/**
 * ND-9: a network administrator sets the provider. Switching it on first reads the provider's
 * discovery document, so a wrong issuer is a field error now rather than a broken button later.
 */
export async function updateSsoSettings(db: Db, actor: Actor, body: Static<typeof SsoSettingsBody>) {
  assertAdmin(actor);
  const issuer = body.issuer.trim();
  const clientId = body.clientId.trim();
  const problem = issuerProblem(issuer);
  if (problem) throw invalid('body.issuer', problem);
  if (body.enabled) {
    await providerConfig({ issuer, clientId, clientSecret: null }).catch(() => {
      throw invalid('body.issuer', `no OpenID Connect discovery document answered at ${issuer}`);
    });
  }
  return systemTx(db, async (tx) => {
    const current = await repo.findSettings(tx, actor.networkId);
    const clientSecret = body.clientSecret === undefined ? (current?.clientSecret ?? null) : body.clientSecret;
    const saved = await repo.saveSettings(tx, {
      networkId: actor.networkId,
      enabled: body.enabled,
      issuer,
      clientId,
      clientSecret,
      displayName: body.displayName.trim(),
      updatedAt: new Date(),
    });
    await recordAudit(tx, auditContextOf(actor), {
      action: 'network.sso_update',
      entityType: 'network',
      entityId: actor.networkId,
      // Never the secret: only whether it changed.
      details: {
        enabled: saved.enabled,
        issuer,
        clientId,
        displayName: saved.displayName,
        secretChanged: clientSecret !== (current?.clientSecret ?? null),
      },
    });
    return view(saved);
  });
}

/** The sign-in page's provider buttons: networks with sign-in through their provider switched on. */
export function listSsoNetworks(db: Db) {
  return systemTx(db, (tx) => repo.enabledNetworks(tx));
}
