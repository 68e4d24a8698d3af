import {
  type CONTACT_METHODS,
  type CONTACT_OUTCOMES,
  type RefusalReason,
  SERVICE_STATUSES,
  type ServiceStatus,
} from '@portico/shared';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { consentPrograms, consents } from '../modules/consents/consents.table.js';
import { agreementRuleOf, assertProgramReceivesReferrals } from '../modules/directory/directory.service.js';
import { users } from '../modules/identity/identity.table.js';
import { memberships } from '../modules/memberships/memberships.table.js';
import { membersWith } from '../modules/referrals/referrals.people.js';
import { closes } from '../modules/referrals/referrals.rules.js';
import { referralEvents, referralNotes, referrals } from '../modules/referrals/referrals.table.js';
import { DAY, HOUR, MINUTE } from '../platform/clock/clock.js';
import { demoAnswers, demoFormOf } from './intake-forms.demo.js';

type Person = { id: string; name: string };
interface Program {
  id: string;
  organizationId: string;
  /** MT-4: sent referrals only go to programs that may receive them now. */
  receives: boolean;
  /** Members whose roles write referrals; gatekeepers assign them (ND-3/MT-12). */
  writers: Person[];
  gatekeepers: Person[];
  /** The network administrators, for a step nobody in the program may take. */
  fallback: Person[];
}
/** A consent naming both programs: the referral it allows. */
interface Pair {
  consentId: string;
  clientId: string;
  from: Program;
  to: Program;
  /** The sender is the program that brought the client in. */
  own: boolean;
}
interface DemoNote {
  by: 'sender' | 'receiver';
  daysAgo: number;
  kind?: 'note' | 'progress';
  method: keyof typeof CONTACT_METHODS;
  outcome: keyof typeof CONTACT_OUTCOMES;
  text: string;
  shared: boolean;
}
interface Scenario {
  reach: 'draft' | 'sent' | 'assigned' | 'refused';
  created: (now: Date) => Date;
  reason: string;
  statuses?: { status: ServiceStatus; daysAgo: number }[];
  refusal?: { reason: RefusalReason; text: string | null };
  notes?: DemoNote[];
}

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);
/** A call-log entry (MT-13): shared with the other program, or kept by the writer's organization. */
const note =
  (shared: boolean) =>
  (
    by: DemoNote['by'],
    daysAgo: number,
    method: DemoNote['method'],
    outcome: DemoNote['outcome'],
    text: string,
    kind: DemoNote['kind'] = 'note',
  ): DemoNote => ({ by, daysAgo, method, outcome, text, shared, kind });
const shared = note(true);
const internal = note(false);

/** MT-11: a refused or closed referral no longer counts as the client's open one to the program. */
const staysOpen = (s: Scenario) => s.reach !== 'refused' && !s.statuses?.some((x) => closes(x.status));

/** The same time of day, n business days (Monday to Friday, UTC as the rules count) before. */
function businessDaysBefore(now: Date, n: number): Date {
  const d = new Date(now);
  for (let left = n; left > 0; ) {
    d.setUTCDate(d.getUTCDate() - 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
  }
  return d;
}

/**
 * MT-11..MT-16 in every network: one referral per scenario, the most demanding first (assignments need a
 * provider). Every step lies within the last nine days: the demo's signed consents are 10 to 13 days old.
 */
const SCENARIOS: Scenario[] = [
  {
    reach: 'assigned',
    created: (now) => ago(now, 9 * DAY),
    reason: 'Needs help keeping their apartment after a rent increase.',
    statuses: [
      { status: 'enrolled', daysAgo: 7 },
      { status: 'closed_successful', daysAgo: 2 },
    ],
    notes: [
      shared('receiver', 6, 'phone', 'reached', 'Called the client; first appointment set for Thursday.'),
      shared('receiver', 2, 'in_person', 'reached', 'Goals met; closing the referral.', 'progress'),
    ],
  },
  {
    reach: 'assigned',
    created: (now) => ago(now, 8 * DAY),
    reason: 'Looking for regular meals and help applying for benefits.',
    statuses: [{ status: 'enrolled', daysAgo: 4 }],
    notes: [
      shared('receiver', 5, 'phone', 'left_message', 'Left a voicemail with our intake number.'),
      shared('receiver', 4, 'phone', 'reached', 'Reached the client; enrolled during the intake call.'),
      shared('sender', 3, 'email', 'not_applicable', 'Sent the client the program address and bus route.'),
      internal('receiver', 1, 'text', 'no_answer', 'Texted about moving the next visit; call back Friday.'),
    ],
  },
  {
    reach: 'assigned',
    created: (now) => ago(now, 6 * DAY),
    reason: 'Wants counseling close to home; evenings work best.',
    statuses: [{ status: 'waiting_list', daysAgo: 2 }],
    notes: [
      shared('receiver', 2, 'phone', 'reached', 'Told the client about the waiting list, about three weeks.'),
      internal('receiver', 2, 'other', 'not_applicable', 'Check the waiting list again on Monday.'),
    ],
  },
  {
    reach: 'refused',
    created: (now) => ago(now, 7 * DAY),
    reason: 'Needs short-term help with utility bills.',
    refusal: { reason: 'no_capacity', text: 'Our caseload is full until next month.' },
    notes: [shared('receiver', 6, 'phone', 'reached', 'Talked with the referring worker about other programs.')],
  },
  // MT-16: sent four business days ago and never acknowledged.
  {
    reach: 'sent',
    created: (now) => ago(businessDaysBefore(now, 4), 20 * MINUTE),
    reason: 'Needs a ride to medical appointments.',
  },
  { reach: 'sent', created: (now) => ago(now, 3 * HOUR), reason: 'Asked for help with a job application.' },
  { reach: 'draft', created: (now) => ago(now, 26 * HOUR), reason: 'Family of four needs a food box this week.' },
];

async function programsOf(tx: Tx, networkId: string, ids: Map<string, string>, now: Date) {
  const admins = await tx
    .selectDistinct({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.networkId, networkId), sql`'network_admin' = ANY(${memberships.roles})`));
  const rule = await agreementRuleOf(tx, networkId);
  const out = new Map<string, Program>();
  for (const [id, organizationId] of ids) {
    const receives = await assertProgramReceivesReferrals(tx, rule, { id, networkId }, now).then(
      () => true,
      () => false,
    );
    const people = async (cap: 'referrals:write' | 'referrals:assign') =>
      (await membersWith(tx, networkId, id, cap)).map(({ id, name }) => ({ id, name }));
    out.set(id, {
      id,
      organizationId,
      receives,
      writers: await people('referrals:write'),
      gatekeepers: await people('referrals:assign'),
      fallback: admins,
    });
  }
  return out;
}

/** Every referral a signed, unexpired consent allows: both programs named, of two organizations. */
async function pairsOf(tx: Tx, networkId: string, now: Date) {
  const rows = await tx
    .select({
      consentId: consents.id,
      clientId: consents.clientId,
      own: consents.createdByProgramId,
      programId: consentPrograms.programId,
      organizationId: consentPrograms.organizationId,
    })
    .from(consents)
    .innerJoin(consentPrograms, eq(consentPrograms.consentId, consents.id))
    .where(and(eq(consents.networkId, networkId), eq(consents.status, 'signed'), gt(consents.expiresAt, now)))
    .orderBy(consents.createdAt, consentPrograms.programId);
  const programs = await programsOf(tx, networkId, new Map(rows.map((r) => [r.programId, r.organizationId])), now);
  const pairs: Pair[] = [];
  for (const a of rows) {
    for (const b of rows) {
      if (a.consentId !== b.consentId || a.organizationId === b.organizationId) continue;
      const from = programs.get(a.programId)!;
      const to = programs.get(b.programId)!;
      pairs.push({ consentId: a.consentId, clientId: a.clientId, from, to, own: a.own === from.id });
    }
  }
  return pairs;
}

/**
 * Picks, for each scenario, the pair and people that give a demo user their first sent or received
 * referral; a program with nobody who may do a step falls back on the network administrators (as
 * gatekeepersOf does). MT-11: at most one open referral per client and receiving program.
 */
function plan(pairs: Pair[]) {
  const wanted = new Set(
    pairs.flatMap((p) => [p.from, p.to]).flatMap((pr) => [...pr.writers, ...pr.gatekeepers].map((u) => u.id)),
  );
  const sent = new Set<string>();
  const received = new Set<string>();
  const open = new Set<string>();
  const uses = new Map<string, number>();
  const fresh = (set: Set<string>, u: Person | null) => (u && wanted.has(u.id) && !set.has(u.id) ? 1 : 0);
  const pick = (people: Person[], set: Set<string>) =>
    [...people].sort((x, y) => fresh(set, y) - fresh(set, x))[0] ?? null;
  const out: { s: Scenario; pair: Pair; sender: Person; gatekeeper: Person | null; assignee: Person | null }[] = [];
  for (const s of SCENARIOS) {
    let best: (typeof out)[number] | undefined;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const pair of pairs) {
      const clientTo = `${pair.clientId}:${pair.to.id}`;
      if (s.reach !== 'draft' && !pair.to.receives) continue;
      if (staysOpen(s) && open.has(clientTo)) continue;
      const sender = pick(pair.from.writers, sent) ?? pair.from.fallback[0];
      const gatekeepers = s.reach === 'draft' ? [] : pair.to.gatekeepers;
      const gatekeeper = s.reach === 'draft' ? null : (pick(gatekeepers, received) ?? pair.to.fallback[0] ?? null);
      const providers = [...pair.to.writers].sort(
        (x, y) => Number(gatekeepers.some((g) => g.id === x.id)) - Number(gatekeepers.some((g) => g.id === y.id)),
      );
      const assignee = s.reach === 'assigned' ? (pick(providers, received) ?? pair.to.fallback[0] ?? null) : null;
      if (!sender || (s.reach !== 'draft' && !gatekeeper) || (s.reach === 'assigned' && !assignee)) continue;
      const newlyReceived = new Set(
        [...gatekeepers, ...(assignee ? [assignee] : [])].filter((u) => fresh(received, u)).map((u) => u.id),
      );
      // A demo user's first sent or received work counts most; then real members over administrators; then variety.
      const score =
        4 * (fresh(sent, sender) + newlyReceived.size) +
        3 * Number(wanted.has(sender.id)) +
        2 * Number(assignee !== null && wanted.has(assignee.id)) +
        Number(gatekeepers.length > 0) +
        Number(pair.own) -
        3 * (uses.get(clientTo) ?? 0) -
        (uses.get(`${pair.from.id}>${pair.to.id}`) ?? 0);
      if (score > bestScore) {
        bestScore = score;
        best = { s, pair, sender, gatekeeper, assignee };
      }
    }
    if (!best) continue;
    const { pair } = best;
    const clientTo = `${pair.clientId}:${pair.to.id}`;
    sent.add(best.sender.id);
    if (best.s.reach !== 'draft') for (const g of pair.to.gatekeepers) received.add(g.id);
    if (best.assignee) received.add(best.assignee.id);
    if (staysOpen(best.s)) open.add(clientTo);
    for (const key of [clientTo, `${pair.from.id}>${pair.to.id}`]) uses.set(key, (uses.get(key) ?? 0) + 1);
    out.push(best);
  }
  return out;
}

/** Demo referrals between the network's organizations, in every state, with their timelines and notes. */
export async function seedDemoReferrals(tx: Tx, networkId: string, now = new Date()) {
  let n = 0;
  for (const { s, pair, sender, gatekeeper, assignee } of plan(await pairsOf(tx, networkId, now))) {
    const createdAt = s.created(now);
    // MT-11: the receiver's form version, answered in full once sent; a draft is still being filled.
    const form = await demoFormOf(tx, networkId, pair.to.id);
    const sentAt = s.reach === 'draft' ? null : new Date(createdAt.getTime() + 30 * MINUTE);
    const answeredAt = sentAt && s.reach !== 'sent' ? new Date(sentAt.getTime() + 20 * HOUR) : null;
    const ev = (kind: string, at: Date, actor: Person, program: Program, data: object = {}) =>
      ({ kind, at, actor, program, data }) as const;
    const events = [ev('created', createdAt, sender, pair.from)];
    if (sentAt) events.push(ev('sent', sentAt, sender, pair.from));
    if (answeredAt && gatekeeper && assignee) {
      events.push(ev('assigned', answeredAt, gatekeeper, pair.to, { assignedTo: assignee.id }));
    }
    if (answeredAt && gatekeeper && s.refusal) {
      events.push(ev('refused', answeredAt, gatekeeper, pair.to, { reason: s.refusal.reason }));
    }
    for (const st of s.statuses ?? []) {
      const data = { status: st.status, label: SERVICE_STATUSES[st.status].label, closed: closes(st.status) };
      events.push(ev('status', ago(now, st.daysAgo * DAY), assignee!, pair.to, data));
    }
    const notes = (s.notes ?? []).map((n) => ({
      ...n,
      at: ago(now, n.daysAgo * DAY - HOUR),
      author: n.by === 'sender' ? sender : (assignee ?? gatekeeper!),
      program: n.by === 'sender' ? pair.from : pair.to,
    }));
    // An internal note leaves no trace on the shared timeline, as in the app.
    for (const n of notes.filter((x) => x.shared))
      events.push(ev(n.kind ?? 'note', n.at, n.author, n.program, { shared: true }));
    const last = new Date(Math.max(...[...events, ...notes].map((e) => e.at.getTime())));
    const status = s.statuses?.at(-1);
    const closedAt =
      status && closes(status.status) ? ago(now, status.daysAgo * DAY) : answeredAt && s.refusal ? answeredAt : null;
    const [row] = await tx
      .insert(referrals)
      .values({
        networkId,
        organizationId: pair.from.organizationId,
        clientId: pair.clientId,
        consentId: pair.consentId,
        fromProgramId: pair.from.id,
        toProgramId: pair.to.id,
        toOrganizationId: pair.to.organizationId,
        createdBy: sender.id,
        state: s.refusal ? 'refused' : closedAt ? 'closed' : s.reach,
        reason: s.reason,
        intakeFormId: form?.id ?? null,
        intake: demoAnswers(form?.fields ?? [], n++, s.reach !== 'draft'),
        insuranceConfirmed: sentAt !== null,
        sentAt,
        assignedTo: assignee?.id ?? null,
        assignedAt: assignee ? answeredAt : null,
        acknowledgedAt: answeredAt,
        refusalReason: s.refusal?.reason ?? null,
        refusalText: s.refusal?.text ?? null,
        serviceStatus: status?.status ?? null,
        serviceStatusAt: status ? ago(now, status.daysAgo * DAY) : null,
        serviceStatusBy: status ? assignee!.id : null,
        closedAt,
        lastActivityAt: last,
        createdAt,
        updatedAt: last,
      })
      .returning({ id: referrals.id });
    const referralId = row!.id;
    await tx.insert(referralEvents).values(
      events.map((e) => ({
        networkId,
        referralId,
        kind: e.kind,
        actorId: e.actor.id,
        programId: e.program.id,
        data: e.data as Record<string, unknown>,
        at: e.at,
      })),
    );
    if (notes.length) {
      await tx.insert(referralNotes).values(
        notes.map((n) => ({
          networkId,
          organizationId: n.program.organizationId,
          referralId,
          kind: n.kind ?? 'note',
          happenedOn: n.at.toISOString().slice(0, 10),
          contactMethod: n.method,
          outcome: n.outcome,
          text: n.text,
          shared: n.shared,
          authorId: n.author.id,
          createdAt: n.at,
        })),
      );
    }
  }
}
