import { refusalReasonLabel, SERVICE_STATUSES, type ServiceStatus } from '@portico/shared';
import { inArray } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Tx } from '../../db/client.js';
import type { TenantContext } from '../../db/tx.js';
import { forbidden, invalid } from '../../http/errors.js';
import type { Actor } from '../../platform/access/actor.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import { users } from '../identity/identity.table.js';
import { referralSettingsIn } from '../networks/networks.repo.js';
import { refusalProblem } from '../networks/networks.rules.js';
import { notifyPeople } from './referrals.notify.js';
import { type Member, membersWith } from './referrals.people.js';
import { referralPolicy as policy } from './referrals.policy.js';
import * as repo from './referrals.repo.js';
import { closes } from './referrals.rules.js';
import type { AssignBody, NoteBody, ReassignBody, RefuseBody, StatusBody } from './referrals.schema.js';
import { lockFor, type ReferralDeps, step, viewOf } from './referrals.service.js';
import { referralNotes, referrals } from './referrals.table.js';

/**
 * Who may be assigned: the receiving program's providers (self included). ND-3: only care coordinators
 * serving the client's region (its county); the server refuses anyone else.
 */
export async function assignableFor(tx: Tx, tenant: TenantContext, row: repo.ReferralRow): Promise<Member[]> {
  const people = await membersWith(tx, row.networkId, row.toProgramId, 'referrals:write');
  if (tenant.networkPreset !== 'nd-care-coordination') return people;
  const county = await repo.clientCounty(tx, row.clientId);
  const coordinators = await membersWith(tx, row.networkId, row.toProgramId, 'enrollments:write');
  return coordinators.filter((m) => county !== null && m.regions.includes(county));
}

const peopleByIds = (tx: Tx, ids: string[]) =>
  ids.length
    ? tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ids))
    : Promise.resolve([]);

/** MT-12 / ND-3: the gatekeeper accepts and assigns exactly one provider; the provider and the sender hear of it. */
export function assign(
  { db, clock, publicUrl }: ReferralDeps,
  actor: Actor,
  id: string,
  input: Static<typeof AssignBody>,
) {
  const now = clock.now();
  return withTenant(db, actor, async (tx, tenant) => {
    const row = await lockFor(tx, actor, id, ['sent'], 'be assigned');
    if (!policy.gatekeeper(actor, row)) throw forbidden("Only the receiving program's gatekeeper assigns referrals.");
    const allowed = await assignableFor(tx, tenant, row);
    if (!allowed.some((m) => m.id === input.userId)) {
      throw invalid('body.userId', 'choose a provider of the receiving program (ND: one serving the client’s region)');
    }
    await tx
      .update(referrals)
      .set({
        state: 'assigned',
        assignedTo: input.userId,
        assignedAt: now,
        acknowledgedAt: row.acknowledgedAt ?? now,
        lastActivityAt: now,
        updatedAt: now,
      })
      .where(repo.byId(id));
    await step(tx, actor, row, 'assigned', now, { assignedTo: input.userId });
    const v = await viewOf(tx, tenant, actor, id, now);
    const link = `/referrals/${id}`;
    await notifyPeople(tx, await peopleByIds(tx, [input.userId]), {
      networkId: row.networkId,
      baseUrl: publicUrl,
      kind: 'referral.assigned',
      title: `A referral from ${v.fromProgram.name} is assigned to you`,
      body: `${actor.name} assigned you a referral to ${v.toProgram.name}.`,
      link,
    });
    await notifyPeople(tx, await peopleByIds(tx, [row.createdBy]), {
      networkId: row.networkId,
      baseUrl: publicUrl,
      kind: 'referral.accepted',
      title: `${v.toProgram.name} accepted your referral`,
      body: `${v.toProgram.name} assigned the referral to ${v.assignee?.name ?? 'a provider'}.`,
      link,
    });
    return v;
  });
}

/** ND-3 / MT-12: refuse with a reason from the network's list (and free text); the sender hears of it. */
export function refuse(
  { db, clock, publicUrl }: ReferralDeps,
  actor: Actor,
  id: string,
  input: Static<typeof RefuseBody>,
) {
  const now = clock.now();
  const text = input.text?.trim() || null;
  return withTenant(db, actor, async (tx, tenant) => {
    const row = await lockFor(tx, actor, id, ['sent'], 'be refused');
    if (!policy.gatekeeper(actor, row)) throw forbidden("Only the receiving program's gatekeeper refuses referrals.");
    // The network's list as it is now; the label goes on the timeline, so history keeps today's words.
    const { refusalReasons } = await referralSettingsIn(tx, row.networkId);
    const problem = refusalProblem(refusalReasons, input.reason, text);
    if (problem) throw invalid(problem.field, problem.message);
    const label = refusalReasonLabel(refusalReasons, input.reason);
    await tx
      .update(referrals)
      .set({
        state: 'refused',
        refusalReason: input.reason,
        refusalText: text,
        acknowledgedAt: now,
        closedAt: now,
        lastActivityAt: now,
        updatedAt: now,
      })
      .where(repo.byId(id));
    await step(tx, actor, row, 'refused', now, { reason: input.reason, label });
    const v = await viewOf(tx, tenant, actor, id, now);
    await notifyPeople(tx, await peopleByIds(tx, [row.createdBy]), {
      networkId: row.networkId,
      baseUrl: publicUrl,
      kind: 'referral.refused',
      title: `${v.toProgram.name} refused your referral`,
      body: `Reason: ${label}${text ? ` — ${text}` : ''}.`,
      link: `/referrals/${id}`,
    });
    return v;
  });
}

/** MT-12: the provider hands on within the program (with a note); the gatekeeper may reassign anyone. */
export function reassign(
  { db, clock, publicUrl }: ReferralDeps,
  actor: Actor,
  id: string,
  input: Static<typeof ReassignBody>,
) {
  const now = clock.now();
  return withTenant(db, actor, async (tx, tenant) => {
    const row = await lockFor(tx, actor, id, ['assigned'], 'be reassigned');
    if (!policy.gatekeeper(actor, row) && !policy.assignee(actor, row)) {
      throw forbidden('Only the assigned provider or the gatekeeper reassigns this referral.');
    }
    if (input.userId === row.assignedTo)
      throw invalid('body.userId', 'the referral is already assigned to this person');
    if (!(await assignableFor(tx, tenant, row)).some((m) => m.id === input.userId)) {
      throw invalid('body.userId', 'choose another provider of the receiving program');
    }
    await tx
      .update(referrals)
      .set({ assignedTo: input.userId, assignedAt: now, lastActivityAt: now, updatedAt: now })
      .where(repo.byId(id));
    await step(tx, actor, row, 'reassigned', now, { from: row.assignedTo, to: input.userId, note: input.note.trim() });
    const v = await viewOf(tx, tenant, actor, id, now);
    await notifyPeople(tx, await peopleByIds(tx, [input.userId]), {
      networkId: row.networkId,
      baseUrl: publicUrl,
      kind: 'referral.assigned',
      title: `A referral from ${v.fromProgram.name} is assigned to you`,
      body: `${actor.name} reassigned a referral to you: ${input.note.trim()}`,
      link: `/referrals/${id}`,
    });
    return v;
  });
}

/** MT-13: the service status, with who and when; a closing status closes the referral. */
export function setStatus({ db, clock }: ReferralDeps, actor: Actor, id: string, input: Static<typeof StatusBody>) {
  const now = clock.now();
  return withTenant(db, actor, async (tx, tenant) => {
    const row = await lockFor(tx, actor, id, ['assigned'], 'take a service status');
    if (!policy.updateStatus(actor, row)) {
      throw forbidden('Only the assigned provider or the gatekeeper of the receiving program sets the status.');
    }
    const closing = closes(input.status);
    await tx
      .update(referrals)
      .set({
        serviceStatus: input.status,
        serviceStatusAt: now,
        serviceStatusBy: actor.userId,
        ...(closing ? { state: 'closed', closedAt: now } : {}),
        lastActivityAt: now,
        updatedAt: now,
      })
      .where(repo.byId(id));
    await step(tx, actor, row, 'status', now, {
      status: input.status,
      label: SERVICE_STATUSES[input.status as ServiceStatus].label,
      closed: closing,
    });
    return viewOf(tx, tenant, actor, id, now);
  });
}

/** MT-13: a call-log note or a progress entry, shared with the other program or kept internal. */
export function addNote({ db, clock }: ReferralDeps, actor: Actor, id: string, input: Static<typeof NoteBody>) {
  const now = clock.now();
  if (input.happenedOn > now.toISOString().slice(0, 10)) throw invalid('body.happenedOn', 'cannot be in the future');
  return withTenant(db, actor, async (tx, tenant) => {
    const row = await lockFor(tx, actor, id, ['sent', 'assigned', 'refused', 'closed'], 'take notes');
    if (!policy.addNote(actor, row)) throw forbidden('Only the two programs of this referral write notes on it.');
    const shared = input.shared ?? true;
    await tx.insert(referralNotes).values({
      networkId: row.networkId,
      organizationId: actor.organizationId,
      referralId: id,
      kind: input.kind ?? 'note',
      happenedOn: input.happenedOn,
      contactMethod: input.contactMethod ?? null,
      outcome: input.outcome ?? null,
      text: input.text.trim(),
      shared,
      authorId: actor.userId,
    });
    await tx.update(referrals).set({ lastActivityAt: now, updatedAt: now }).where(repo.byId(id));
    // An internal note leaves no trace on the shared timeline (the audit trail still has it).
    await step(tx, actor, row, input.kind === 'progress' ? 'progress' : 'note', now, { shared }, shared);
    return viewOf(tx, tenant, actor, id, now);
  });
}
