import type { Static } from 'typebox';
import type { Db } from '../../db/client.js';
import { systemTx } from '../../db/tx.js';
import { invalid, notFound } from '../../http/errors.js';
import { type Actor, assertCan, isNetworkAdmin } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock/clock.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import { findDuplicates } from './clients.duplicates.js';
import { nameKeys } from './clients.match.js';
import * as repo from './clients.repo.js';
import { assertRequiredForNew, completenessOf, normalizeProfile } from './clients.rules.js';
import type { ClientCreate, ClientPatch, ClientSearchQuery } from './clients.schema.js';

export interface ClientDeps {
  db: Db;
  clock: Clock;
}

const toDay = (d: Date) => d.toISOString().slice(0, 10);

// Object.assign, not a spread with more properties after it: V8 (Node 20) builds that slowly, on every row.
export const toClientView = (c: repo.ClientRow) => Object.assign({}, c, { completeness: completenessOf(c) });

/** MT-7 / CI-1: by name (typo-tolerant, ranked), member ID, or first + last name + date of birth. */
export async function searchClients({ db, clock }: ClientDeps, actor: Actor, query: Static<typeof ClientSearchQuery>) {
  assertCan(actor, 'clients:read');
  const byPerson = query.firstName || query.lastName || query.birthDate;
  if (!query.q && !query.memberId && !byPerson) {
    throw invalid('query.q', 'give a name, a member ID, or first name, last name and date of birth');
  }
  if (byPerson && !(query.firstName && query.lastName && query.birthDate)) {
    throw invalid(
      query.birthDate ? 'query.firstName' : 'query.birthDate',
      'search by person needs first name, last name and date of birth together',
    );
  }
  const now = clock.now();
  const rows = await withTenant(db, actor, (tx) => repo.search(tx, actor, now, { ...query, limit: query.limit ?? 25 }));
  return { items: rows.map((r) => ({ score: r.score, client: toClientView(r.client) })) };
}

export async function getClient({ db, clock }: ClientDeps, actor: Actor, id: string) {
  assertCan(actor, 'clients:read');
  const row = await withTenant(db, actor, (tx) => repo.findVisible(tx, actor, clock.now(), id));
  if (!row) throw notFound('Client');
  return toClientView(row);
}

export type CreateOutcome =
  | { created: ReturnType<typeof toClientView> }
  | { duplicates: Awaited<ReturnType<typeof duplicatesFor>> };

/**
 * MT-7/MT-8: a new client, unless likely duplicates exist anywhere in the network and the user has not
 * confirmed a new person. A candidate the program may not see is shown as a score and reasons only.
 */
export async function createClient(
  deps: ClientDeps,
  actor: Actor,
  input: Static<typeof ClientCreate>,
): Promise<CreateOutcome> {
  assertCan(actor, 'clients:write');
  const now = deps.clock.now();
  const { confirmNewPerson, ...fields } = normalizeProfile(input, toDay(now));
  assertRequiredForNew(fields);
  if (!confirmNewPerson) {
    const duplicates = await duplicatesFor(deps, actor, fields);
    if (duplicates.length) return { duplicates };
  }
  const created = await withTenant(deps.db, actor, async (tx) => {
    const row = await repo.insertClient(tx, {
      ...fields,
      networkId: actor.networkId,
      organizationId: actor.organizationId,
      createdByProgramId: actor.programId,
      nameKeys: nameKeys(fields.firstName, fields.lastName),
    });
    await recordAudit(tx, auditContextOf(actor), {
      action: 'client.create',
      entityType: 'client',
      entityId: row.id,
      details: { confirmedNewPerson: Boolean(confirmNewPerson) },
    });
    return row;
  });
  return { created: toClientView(created) };
}

async function duplicatesFor(deps: ClientDeps, actor: Actor, fields: repo.PersonInput) {
  const now = deps.clock.now();
  const found = await systemTx(deps.db, (tx) => findDuplicates(tx, actor.networkId, fields));
  if (!found.length) return [];
  const visibleIds = new Set(
    (
      await withTenant(deps.db, actor, (tx) =>
        Promise.all(found.map((c) => repo.findVisible(tx, actor, now, c.client.id))),
      )
    ).flatMap((r) => (r ? [r.id] : [])),
  );
  return found.map((c) => {
    const visible = isNetworkAdmin(actor) || visibleIds.has(c.client.id);
    return {
      score: Math.round(c.score * 1000) / 1000,
      // A hidden person's stored names must not leak through a reason such as "Bill is a nickname of William".
      reasons: visible
        ? c.reasons
        : c.reasons.map((r) => (mentionsStoredName(r, c.client) ? 'Names are forms of one name' : r)),
      visible,
      client: visible ? toClientView(c.client) : null,
      candidateToken: visible ? null : c.client.id,
    };
  });
}

function mentionsStoredName(reason: string, client: repo.ClientRow): boolean {
  const text = reason.toLowerCase();
  return [client.firstName, client.lastName].some((n) => n.length > 1 && text.includes(n.toLowerCase()));
}

/** MT-8/MT-9: profile edits (also from the consent form), audited by field name. */
export async function updateClient(
  { db, clock }: ClientDeps,
  actor: Actor,
  id: string,
  patch: Static<typeof ClientPatch>,
) {
  assertCan(actor, 'clients:write');
  const now = clock.now();
  const fields = normalizeProfile(patch, toDay(now));
  return withTenant(db, actor, async (tx) => {
    const current = await repo.findVisible(tx, actor, now, id);
    if (!current) throw notFound('Client');
    if (current.mergedIntoId) throw invalid('params.id', 'this client was merged into another; edit the survivor');
    const next = { ...current, ...fields };
    assertRequiredForNew(next);
    const updated = await repo.updateClient(tx, id, {
      ...fields,
      nameKeys: nameKeys(next.firstName, next.lastName),
    });
    await recordAudit(tx, auditContextOf(actor), {
      action: 'client.update',
      entityType: 'client',
      entityId: id,
      details: { fields: Object.keys(patch) },
    });
    if (!updated) throw notFound('Client');
    return toClientView(updated);
  });
}
