import { PRESETS, roleLabel } from '@portico/shared';
import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { notFound } from '../../http/errors.js';
import { problems } from '../../http/problem.js';
import { requireActor } from '../../http/session.js';
import type { App, AppDeps } from '../../http/types.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import { networks } from './networks.table.js';

const NetworkResponse = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  preset: Type.String(),
  presetLabel: Type.String(),
  directoryPublic: Type.Boolean(),
  /** Roles this network's programs hand out, with the labels its guide uses. */
  roles: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
  clientNoun: Type.String(),
  programNoun: Type.String(),
  requiresAgencyAgreement: Type.Boolean(),
});

export function networkRoutes(app: App, { database: { db }, clock }: AppDeps) {
  const deps = { db, clock };
  app.get(
    '/api/network',
    {
      preHandler: requireActor(deps),
      schema: {
        tags: ['network'],
        summary: 'The acting network and its policy',
        response: { 200: NetworkResponse, ...problems(401, 403) },
      },
    },
    (req) =>
      withTenant(db, req.actor, async (tx) => {
        const [n] = await tx.select().from(networks).where(eq(networks.id, req.actor.networkId));
        if (!n) throw notFound('Network');
        return {
          ...n,
          presetLabel: PRESETS[n.preset],
          roles: n.policy.roles.map((code) => ({ code, label: roleLabel(code) })),
          clientNoun: n.policy.clientNoun,
          programNoun: n.policy.programNoun,
          requiresAgencyAgreement: n.policy.requiresAgencyAgreement,
        };
      }),
  );
}
