import { and, desc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { before } from '../../db/keyset.js';
import { forbidden } from '../../http/errors.js';
import { decodeCursor, PageQuery, toPage } from '../../http/pagination.js';
import { problems } from '../../http/problem.js';
import { DateTime, Nullable } from '../../http/schema.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { isNetworkAdmin } from '../../platform/access/actor.js';
import { mailOutbox } from '../../platform/notify/mail.table.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';

const SentMail = Type.Object({
  id: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  body: Nullable(Type.String()),
  createdAt: DateTime,
  deliveredAt: Nullable(DateTime),
  error: Nullable(Type.String()),
});

/** "Sent mail": the network's outbox for its administrators; without SMTP it is the demo's inbox. */
export function mailRoutes(app: App, { database: { db }, clock, mail }: AppDeps) {
  app.get(
    '/api/mail',
    {
      preHandler: requireActor({ db, clock }),
      schema: {
        tags: ['mail'],
        summary: 'Mail sent from this network, newest first (network administrators)',
        querystring: Type.Object(PageQuery),
        response: {
          200: Type.Object({ items: Type.Array(SentMail), nextCursor: Nullable(Type.String()), smtp: Type.Boolean() }),
          ...problems(400, 401, 403),
        },
      },
    },
    (req) => {
      if (!isNetworkAdmin(req.actor)) throw forbidden('Only a network administrator reads the sent mail.');
      const limit = req.query.limit ?? 50;
      return withTenant(db, req.actor, async (tx) => {
        const rows = await tx
          .select()
          .from(mailOutbox)
          .where(
            and(
              eq(mailOutbox.networkId, req.actor.networkId),
              before(decodeCursor(req.query.cursor), mailOutbox.createdAt, mailOutbox.id),
            ),
          )
          .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
          .limit(limit + 1);
        return { ...toPage(rows, limit, (r) => [r.createdAt.toISOString(), r.id]), smtp: mail.usesSmtp };
      });
    },
  );
}
