import { and, eq, gte, lt, ne, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import { invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { type Actor, assertCan, can, isNetworkAdmin } from '../../platform/access/actor.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import * as clientsRepo from '../clients/clients.repo.js';
import { referralPolicy as policy } from './referrals.policy.js';
import * as repo from './referrals.repo.js';
import type { ListQuery } from './referrals.schema.js';
import { loadReadable, type ReferralDeps, viewsIn } from './referrals.service.js';
import { assignableFor } from './referrals.steps.js';
import { listOrder, referrals } from './referrals.table.js';

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString();

/** What a list request's statement depends on: which box, and which filters it has (not their values). */
interface ListShape {
  sent: boolean;
  staff: boolean;
  status: 'any' | 'one' | 'open';
  serviceStatus: boolean;
  from: boolean;
  to: boolean;
  name: boolean;
  cursor: boolean;
}

const v = sql.placeholder;

/** The list's conditions for a shape, every value a placeholder that listReferrals' `values` fill: built once per shape. */
function listWhere(s: ListShape) {
  // Milliseconds, as the cursor carries them: the database keeps microseconds, and rows within one
  // millisecond would otherwise fall between two pages. In UTC, as the indexes hold them (listOrder).
  const sortCol: SQL = s.sent
    ? listOrder.sent(referrals.createdAt)
    : listOrder.received(referrals.sentAt, referrals.createdAt);
  const where: (SQL | undefined)[] = [
    eq(referrals.networkId, v('networkId')),
    s.sent
      ? eq(referrals.fromProgramId, v('programId'))
      : and(eq(referrals.toProgramId, v('programId')), ne(referrals.state, 'draft')),
    s.staff ? eq(s.sent ? referrals.createdBy : referrals.assignedTo, v('staffId')) : undefined,
    s.status === 'any'
      ? undefined
      : s.status === 'one'
        ? eq(referrals.state, v('status'))
        : notInArray(referrals.state, ['closed', 'refused']),
    s.serviceStatus ? eq(referrals.serviceStatus, v('serviceStatus')) : undefined,
    s.from ? gte(sortCol, listOrder.instant(v('from'))) : undefined,
    s.to ? lt(sortCol, listOrder.instant(v('to'))) : undefined,
    s.name ? repo.clientNameContains(v('pattern')) : undefined,
    s.cursor
      ? sql`(${sortCol}, ${referrals.id}) < (${listOrder.instant(v('cursorAt'))}, ${v('cursorId')}::uuid)`
      : undefined,
  ];
  return { where, sortCol };
}

/**
 * MT-14 sent and received lists (ND-1 Pending Records is the received box's "sent" state). Without a status,
 * open referrals only: "any" is the only choice that includes closed and refused ones. Gatekeepers see the
 * program's and may pick a staff member; providers see only their own (sent by them, or assigned to them).
 */
export function listReferrals({ db, clock }: ReferralDeps, actor: Actor, q: Static<typeof ListQuery>) {
  assertCan(actor, 'referrals:read');
  const now = clock.now();
  const limit = q.limit ?? 50;
  const sent = q.box === 'sent';
  const seesProgram = can(actor, 'referrals:assign') || isNetworkAdmin(actor);
  if (q.staffId && !seesProgram) throw invalid('query.staffId', 'only gatekeepers filter by staff member');
  const staffId = seesProgram ? q.staffId : actor.userId;
  const key = decodeCursor(q.cursor);
  const shape: ListShape = {
    sent,
    staff: Boolean(staffId),
    status: q.status === 'any' ? 'any' : q.status ? 'one' : 'open',
    serviceStatus: Boolean(q.serviceStatus),
    from: Boolean(q.from),
    to: Boolean(q.to),
    name: Boolean(q.q),
    cursor: Boolean(key),
  };
  const values = {
    networkId: actor.networkId,
    programId: actor.programId,
    staffId,
    status: q.status,
    serviceStatus: q.serviceStatus,
    from: q.from ? `${q.from}T00:00:00Z` : undefined,
    to: q.to ? nextDay(q.to) : undefined,
    pattern: q.q ? `%${q.q.trim().replace(/[\\%_]/g, '\\$&')}%` : undefined,
    cursorAt: key ? String(key[0]) : undefined,
    cursorId: key ? key[1] : undefined,
    limit: limit + 1,
  };
  return withTenant(db, actor, async (tx, tenant) => {
    const acting = tenant.program;
    if (!acting) throw notFound('Program'); // the acting membership's program: always there while it lasts
    const own = sent ? 'from' : 'to';
    const rows = await repo.listBoxOfShape(tx, own, acting, JSON.stringify(shape), () => listWhere(shape), values);
    const page = toPage(rows, limit, (r) => [
      (sent ? r.referral.createdAt : (r.referral.sentAt ?? r.referral.createdAt)).toISOString(),
      r.referral.id,
    ]);
    return { items: page.items.map(viewsIn(tenant, now)), nextCursor: page.nextCursor };
  });
}

/** One referral with its timeline, the notes the actor may read, and what the actor may do now. */
export function getReferral({ db, clock }: ReferralDeps, actor: Actor, id: string) {
  const now = clock.now();
  return withTenant(db, actor, async (tx, tenant) => {
    const found = await loadReadable(tx, actor, id);
    const r = found.referral;
    const { timeline, notes } = await repo.historyOf(tx, id);
    const gatekeeper = policy.gatekeeper(actor, r);
    const assignable =
      gatekeeper || policy.assignee(actor, r)
        ? (await assignableFor(tx, tenant, r)).map((m) => ({ id: m.id, name: m.name }))
        : [];
    return {
      ...viewsIn(tenant, now)(found),
      timeline: timeline.map((e) => ({
        id: e.id,
        kind: e.kind,
        actor: e.actorId ? { id: e.actorId, name: e.actorName ?? '' } : null,
        data: e.data,
        at: e.at,
      })),
      notes: notes.map(({ authorName, ...note }) => ({
        ...note,
        author: { id: note.authorId, name: authorName },
        ours: note.organizationId === actor.organizationId,
      })),
      can: {
        edit: policy.edit(actor, r),
        send: policy.edit(actor, r),
        assign: gatekeeper && r.state === 'sent',
        refuse: gatekeeper && r.state === 'sent',
        reassign: r.state === 'assigned' && (gatekeeper || policy.assignee(actor, r)),
        updateStatus: policy.updateStatus(actor, r),
        addNote: policy.addNote(actor, r),
      },
      assignable,
    };
  });
}

/**
 * MT-11: the client's referrals from or to the acting program (its tiles per consented program).
 * a client the program may not see answers 404, like one that does not exist.
 */
export function referralsOfClient({ db, clock }: ReferralDeps, actor: Actor, clientId: string) {
  assertCan(actor, 'referrals:read');
  const now = clock.now();
  return withTenant(db, actor, async (tx, tenant) => {
    if (!(await clientsRepo.findVisible(tx, actor, now, clientId))) throw notFound('Client');
    const rows = await repo.listReferrals(
      tx,
      [
        eq(referrals.networkId, actor.networkId),
        eq(referrals.clientId, clientId),
        or(
          eq(referrals.fromProgramId, actor.programId),
          and(eq(referrals.toProgramId, actor.programId), ne(referrals.state, 'draft')),
        ),
      ],
      sql`${referrals.createdAt}`,
      200,
    );
    return { items: rows.map(viewsIn(tenant, now)) };
  });
}
