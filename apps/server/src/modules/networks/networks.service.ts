import { type NetworkPolicy, PRESET_POLICIES, PRESETS, type ReferralSettings, roleLabel } from '@portico/shared';
import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Db } from '../../db/client.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { type Actor, isNetworkAdmin } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import { securityOfNetwork } from '../identity/security.policy.js';
import { lockNetwork, referralSettingsIn } from './networks.repo.js';
import { normalizeReferralSettings, referralSettingsOf } from './networks.rules.js';
import type { DirectorySettingsPatch, NetworkPolicyPatch, ReferralSettingsPatch } from './networks.schema.js';
import { networks } from './networks.table.js';

type NetworkRow = typeof networks.$inferSelect;

const policyOf = (n: NetworkRow) => ({
  security: securityOfNetwork(n),
  userAgreement:
    n.policy.userAgreement === undefined ? PRESET_POLICIES[n.preset].userAgreement : n.policy.userAgreement,
});

/** The acting network and its policy, in the words its guide uses. */
export function getNetwork(db: Db, actor: Actor) {
  return withTenant(db, actor, async (tx) => {
    const [n] = await tx.select().from(networks).where(eq(networks.id, actor.networkId));
    if (!n) throw notFound('Network');
    return {
      ...n,
      presetLabel: PRESETS[n.preset],
      roles: n.policy.roles.map((code) => ({ code, label: roleLabel(code) })),
      clientNoun: n.policy.clientNoun,
      programNoun: n.policy.programNoun,
      requiresAgencyAgreement: n.policy.requiresAgencyAgreement,
      organizationEdits: n.policy.organizationEdits ?? 'direct',
      allowTemporaryPassword: securityOfNetwork(n).allowTemporaryPassword,
    };
  });
}

export function getNetworkPolicy(db: Db, actor: Actor) {
  if (!isNetworkAdmin(actor)) throw forbidden('Only a network administrator sees the network policy.');
  return withTenant(db, actor, async (tx) => {
    const [n] = await tx.select().from(networks).where(eq(networks.id, actor.networkId));
    if (!n) throw notFound('Network');
    return policyOf(n);
  });
}

/** A network administrator edits the sign-in rules and the user agreement (audited, fields only). */
export function updateNetworkPolicy(db: Db, actor: Actor, patch: Static<typeof NetworkPolicyPatch>) {
  if (!isNetworkAdmin(actor)) throw forbidden('Only a network administrator edits the network policy.');
  return withTenant(db, actor, async (tx) => {
    const n = await lockNetwork(tx, actor.networkId);
    const policy = { ...n.policy, ...policyOf(n), ...patch };
    const [updated] = await tx
      .update(networks)
      .set({ policy, updatedAt: new Date() })
      .where(eq(networks.id, n.id))
      .returning();
    await recordAudit(tx, auditContextOf(actor), {
      action: 'network.policy_update',
      entityType: 'network',
      entityId: n.id,
      details: {
        fields: Object.keys(patch).sort(),
        ...(patch.userAgreement ? { agreementVersion: patch.userAgreement.version } : {}),
      },
    });
    return policyOf(updated!);
  });
}

/** A network administrator decides the directory rules: who may read the feed, MT-4 and NCC-5 (audited). */
export function updateDirectorySettings(db: Db, actor: Actor, patch: Static<typeof DirectorySettingsPatch>) {
  if (!isNetworkAdmin(actor)) throw forbidden('Only a network administrator edits the directory settings.');
  return withTenant(db, actor, async (tx) => {
    const n = await lockNetwork(tx, actor.networkId);
    const { directoryPublic = n.directoryPublic, ...rules } = patch;
    const policy = { ...n.policy, ...rules };
    const [updated] = await tx
      .update(networks)
      .set({ directoryPublic, policy, updatedAt: new Date() })
      .where(eq(networks.id, n.id))
      .returning();
    await recordAudit(tx, auditContextOf(actor), {
      action: 'network.directory_settings',
      entityType: 'network',
      entityId: n.id,
      details: { ...patch },
    });
    return {
      directoryPublic: updated!.directoryPublic,
      requiresAgencyAgreement: updated!.policy.requiresAgencyAgreement,
      organizationEdits: updated!.policy.organizationEdits ?? 'direct',
    };
  });
}

/** MT-12 / MT-16: the refusal reasons a gatekeeper chooses from and the holidays; any member reads them. */
export function getReferralSettings(db: Db, actor: Actor) {
  return withTenant(db, actor, (tx) => referralSettingsIn(tx, actor.networkId));
}

/**
 * A network administrator edits the refusal reasons and holidays (audited). Old referrals keep their
 * code: a removed reason's label falls back to the shared default, else the code (refusalReasonLabel).
 */
export function updateReferralSettings(db: Db, actor: Actor, patch: Static<typeof ReferralSettingsPatch>) {
  if (!isNetworkAdmin(actor)) throw forbidden('Only a network administrator edits the referral settings.');
  const { settings, problems } = normalizeReferralSettings(patch);
  if (problems.length > 0) {
    throw new AppError('validation', problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
  }
  return withTenant(db, actor, async (tx) => {
    const n = await lockNetwork(tx, actor.networkId);
    // Kept beside the other settings in the policy jsonb, where holidaysOf reads the holidays.
    const policy: NetworkPolicy & ReferralSettings = { ...n.policy, ...referralSettingsOf(n.policy), ...settings };
    const [updated] = await tx
      .update(networks)
      .set({ policy, updatedAt: new Date() })
      .where(eq(networks.id, n.id))
      .returning();
    await recordAudit(tx, auditContextOf(actor), {
      action: 'network.referral_settings',
      entityType: 'network',
      entityId: n.id,
      details: { fields: Object.keys(settings).sort(), ...settings },
    });
    return referralSettingsOf(updated!.policy);
  });
}
