import { PRESET_POLICIES, PRESETS, roleLabel } from '@portico/shared';
import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Db } from '../../db/client.js';
import { forbidden, notFound } from '../../http/errors.js';
import { type Actor, isNetworkAdmin } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import { securityOfNetwork } from '../identity/security.policy.js';
import type { DirectorySettingsPatch, NetworkPolicyPatch } from './networks.schema.js';
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
    const [n] = await tx.select().from(networks).where(eq(networks.id, actor.networkId));
    if (!n) throw notFound('Network');
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
    const [n] = await tx.select().from(networks).where(eq(networks.id, actor.networkId));
    if (!n) throw notFound('Network');
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
