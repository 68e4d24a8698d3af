import { and, desc, eq, lt } from 'drizzle-orm';
import { Type } from 'typebox';
import { decodeCursor, Page, PageQuery, toPage } from '../../http/pagination.js';
import { problems } from '../../http/problem.js';
import { DateTime, Nullable, Uuid } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { assertCan } from '../../platform/access/actor.js';
import { auditEvents } from '../../platform/audit/audit.table.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import { users } from '../identity/identity.table.js';

const AuditEntry = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  occurredAt: DateTime,
  actorUserId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  actingProgramId: Nullable(Type.String()),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  details: Nullable(Type.Record(Type.String(), Type.Unknown())),
  hash: Type.String(),
});

const Query = Type.Object({
  ...PageQuery,
  entityType: Type.Optional(Type.String({ maxLength: 50 })),
  entityId: Type.Optional(Type.String({ maxLength: 100 })),
  actorUserId: Type.Optional(Uuid),
});

/** a network administrator lists the trail of any record or user, newest first. */
export function auditLogRoutes(app: App, { database: { db }, clock }: AppDeps) {
  const deps = { db, clock };
  app.get(
    '/api/audit-events',
    {
      preHandler: requireActor(deps),
      schema: {
        tags: ['audit'],
        summary: 'Audit entries of a record or a user (network administrators)',
        querystring: Query,
        response: { 200: Page(AuditEntry), ...problems(400, 401, 403) },
      },
    },
    (req) => {
      const actor = req.actor;
      assertCan(actor, 'audit:read');
      const q = req.query;
      const limit = q.limit ?? 50;
      const key = decodeCursor(q.cursor);
      return withTenant(db, actor, async (tx) => {
        const rows = await tx
          .select({
            id: auditEvents.id,
            seq: auditEvents.seq,
            occurredAt: auditEvents.occurredAt,
            actorUserId: auditEvents.actorUserId,
            actorName: users.name,
            actingProgramId: auditEvents.actingProgramId,
            action: auditEvents.action,
            entityType: auditEvents.entityType,
            entityId: auditEvents.entityId,
            requestId: auditEvents.requestId,
            ip: auditEvents.ip,
            details: auditEvents.details,
            hash: auditEvents.hash,
          })
          .from(auditEvents)
          .leftJoin(users, eq(users.id, auditEvents.actorUserId))
          .where(
            and(
              eq(auditEvents.networkId, actor.networkId),
              q.entityType ? eq(auditEvents.entityType, q.entityType) : undefined,
              q.entityId ? eq(auditEvents.entityId, q.entityId) : undefined,
              q.actorUserId ? eq(auditEvents.actorUserId, q.actorUserId) : undefined,
              key ? lt(auditEvents.seq, Number(key[0])) : undefined,
            ),
          )
          .orderBy(desc(auditEvents.seq))
          .limit(limit + 1);
        return toPage(rows, limit, (r) => [r.seq]);
      });
    },
  );
}
