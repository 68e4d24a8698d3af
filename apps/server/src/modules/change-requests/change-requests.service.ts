import { CHANGE_REQUEST_KINDS } from '@portico/shared';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { type TSchema, Type } from 'typebox';
import type { Db, Tx } from '../../db/client.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import type { Actor } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import { queueMail } from '../../platform/notify/mail.js';
import { scopeOf, withTenant } from '../../platform/tenancy/tenancy.js';
import { users } from '../identity/identity.table.js';
import { ContactCreate, MembershipPatch } from '../memberships/memberships.schema.js';
import { addContact, type InviteDeps, updateContact } from '../memberships/memberships.service.js';
import { notify } from '../notifications/notifications.service.js';
import { OrganizationPatch, ProgramPatch } from '../organizations/organizations.schema.js';
import { updateOrganization, updateProgram } from '../organizations/organizations.service.js';
import { applyChange } from './change-requests.apply.js';
import { editsNeedRequest } from './change-requests.open.js';
import { changeRequestPolicy as policy } from './change-requests.policy.js';
import * as repo from './change-requests.repo.js';
import type { ChangeRequestCreate, ChangeRequestListQuery } from './change-requests.schema.js';
import type { ChangeRequestKind } from './change-requests.table.js';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const Removal = Type.Object(
  { endsOn: Type.Optional(Type.String({ format: 'date' })) },
  { additionalProperties: false },
);
/** What `proposed` must look like for each kind: the schema of the direct edit it stands for. */
const PROPOSED: Record<ChangeRequestKind, TSchema> = {
  organization_details: OrganizationPatch,
  service_details: ProgramPatch,
  contact_create: ContactCreate,
  contact_update: MembershipPatch,
  contact_removal: Removal,
};
const validators = Object.fromEntries(
  Object.entries(PROPOSED).map(([kind, schema]) => [kind, ajv.compile(schema)]),
) as Record<ChangeRequestKind, ReturnType<typeof ajv.compile>>;

function assertProposed(kind: ChangeRequestKind, proposed: Record<string, unknown>) {
  const validate = validators[kind];
  if (validate(proposed)) return;
  const errors = (validate.errors ?? []).map((e) => {
    const extra = e.params as { missingProperty?: string; additionalProperty?: string };
    const name = extra.missingProperty ?? extra.additionalProperty;
    const path = ['body.proposed', ...e.instancePath.split('/').filter(Boolean), ...(name ? [name] : [])].join('.');
    return {
      field: path,
      message: e.keyword === 'additionalProperties' ? 'is not an accepted field' : (e.message ?? 'is invalid'),
    };
  });
  throw new AppError('validation', errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
}

export function listChangeRequests(db: Db, actor: Actor, query: Static<typeof ChangeRequestListQuery>) {
  if (!policy.list(actor)) throw forbidden('Your role does not allow seeing change requests.');
  const limit = query.limit ?? 50;
  return withTenant(db, actor, async (tx) => {
    const rows = await repo.listChangeRequests(
      tx,
      scopeOf(actor),
      {
        status: query.status ?? (query.includeHistorical ? null : 'pending'),
        kind: query.kind,
        organizationId: query.organizationId,
        from: query.from,
        to: query.to,
      },
      decodeCursor(query.cursor),
      limit,
    );
    return toPage(rows, limit, (r) => [new Date(r.requestedAt).toISOString(), r.id]);
  });
}

export function getChangeRequest(db: Db, actor: Actor, id: string) {
  if (!policy.list(actor)) throw forbidden('Your role does not allow seeing change requests.');
  return withTenant(db, actor, async (tx) => {
    const cr = await repo.findChangeRequest(tx, scopeOf(actor), id);
    if (!cr) throw notFound('Change request');
    return cr;
  });
}

/**
 * NCC-5: asks for a change explicitly (the Change requests page). The same rules as an edit of the
 * record itself apply, because it runs the same use case; here the network must be one that asks.
 */
export async function createChangeRequest(
  db: Db,
  actor: Actor,
  invite: InviteDeps,
  input: Static<typeof ChangeRequestCreate>,
) {
  if (!policy.request(actor, input.kind)) {
    throw forbidden(
      `Your role does not allow asking for a change of ${CHANGE_REQUEST_KINDS[input.kind].toLowerCase()}.`,
    );
  }
  if (!(await withTenant(db, actor, (tx) => editsNeedRequest(tx, actor)))) {
    throw conflict('Your edits apply at once in this network; edit the record itself instead.');
  }
  assertProposed(input.kind, input.proposed);
  const target = () => {
    if (!input.targetId) throw invalid('body.targetId', 'is required for this kind of change');
    return input.targetId;
  };
  const p = input.proposed as never;
  const result = await (async () => {
    switch (input.kind) {
      case 'organization_details':
        return updateOrganization(db, actor, target(), p);
      case 'service_details':
        return updateProgram(db, actor, target(), p);
      case 'contact_create':
        if (!input.programId) throw invalid('body.programId', 'is required for a new contact');
        return addContact(db, actor, invite, input.programId, p);
      case 'contact_update':
        if ('endsOn' in input.proposed) throw invalid('body.proposed.endsOn', 'ask for a contact removal instead');
        return updateContact(db, actor, target(), p);
      case 'contact_removal':
        return updateContact(db, actor, target(), {
          endsOn: (input.proposed.endsOn as string | undefined) ?? new Date().toISOString().slice(0, 10),
        });
    }
  })();
  if (!('changeRequest' in result)) throw new Error('an edit in a change-request network applied directly');
  return result.changeRequest;
}

/** The requester hears of the decision in the portal and by email. */
async function tellRequester(tx: Tx, cr: repo.ChangeRequestRow, outcome: 'accepted' | 'rejected', reason?: string) {
  const what = `${CHANGE_REQUEST_KINDS[cr.kind]} of ${cr.programName ?? cr.organizationName}`;
  const title = `Your change request was ${outcome}: ${what}`;
  const body = reason ? `Reason: ${reason}` : 'The change now applies.';
  await notify(tx, {
    networkId: cr.networkId,
    userId: cr.requestedBy,
    kind: `change_request.${outcome}`,
    title,
    body,
    link: '/change-requests',
  });
  const [to] = await tx.select({ email: users.email }).from(users).where(eq(users.id, cr.requestedBy));
  if (to) {
    await queueMail(tx, {
      networkId: cr.networkId,
      to: to.email,
      subject: title,
      text: [`Hello ${cr.requestedByName},`, '', `${title}.`, body, '', 'See Change requests in the portal.'].join(
        '\n',
      ),
    });
  }
}

async function pendingOrRefuse(tx: Tx, actor: Actor, id: string) {
  const cr = await repo.findChangeRequest(tx, scopeOf(actor), id);
  if (!cr) throw notFound('Change request');
  if (!policy.open(cr)) throw conflict(`This change request is already ${cr.status}.`);
  return cr;
}

async function decideOrRefuse(
  tx: Tx,
  actor: Actor,
  id: string,
  status: 'accepted' | 'rejected' | 'withdrawn',
  reason?: string,
) {
  // Only a pending row moves: of two reviewers deciding at once, the second gets the conflict.
  if (!(await repo.decide(tx, scopeOf(actor), id, { status, decidedBy: actor.userId, reason: reason ?? null }))) {
    throw conflict('This change request was decided meanwhile.');
  }
}

/** NCC-5: the network team accepts; the change applies in the same transaction, or nothing does. */
export function acceptChangeRequest(db: Db, actor: Actor, invite: InviteDeps, id: string) {
  if (!policy.decide(actor)) throw forbidden('Only the network team accepts change requests.');
  return withTenant(db, actor, async (tx) => {
    const cr = await pendingOrRefuse(tx, actor, id);
    await decideOrRefuse(tx, actor, id, 'accepted');
    await applyChange(tx, actor, invite, cr);
    await recordAudit(tx, auditContextOf(actor), {
      action: 'change_request.accept',
      entityType: 'change_request',
      entityId: id,
      details: { kind: cr.kind, targetId: cr.targetId },
    });
    await tellRequester(tx, cr, 'accepted');
    return (await repo.findChangeRequest(tx, scopeOf(actor), id))!;
  });
}

/** NCC-5: the network team rejects with a reason the requester reads. */
export function rejectChangeRequest(db: Db, actor: Actor, id: string, reason: string) {
  if (!policy.decide(actor)) throw forbidden('Only the network team rejects change requests.');
  return withTenant(db, actor, async (tx) => {
    const cr = await pendingOrRefuse(tx, actor, id);
    await decideOrRefuse(tx, actor, id, 'rejected', reason.trim());
    await recordAudit(tx, auditContextOf(actor), {
      action: 'change_request.reject',
      entityType: 'change_request',
      entityId: id,
      details: { kind: cr.kind },
    });
    await tellRequester(tx, cr, 'rejected', reason.trim());
    return (await repo.findChangeRequest(tx, scopeOf(actor), id))!;
  });
}

/** The requester takes back a request nobody has decided yet. */
export function withdrawChangeRequest(db: Db, actor: Actor, id: string) {
  return withTenant(db, actor, async (tx) => {
    const cr = await repo.findChangeRequest(tx, scopeOf(actor), id);
    if (!cr) throw notFound('Change request');
    if (!policy.withdraw(actor, cr)) throw forbidden('Only the person who asked for this change can withdraw it.');
    await pendingOrRefuse(tx, actor, id);
    await decideOrRefuse(tx, actor, id, 'withdrawn');
    await recordAudit(tx, auditContextOf(actor), {
      action: 'change_request.withdraw',
      entityType: 'change_request',
      entityId: id,
      details: { kind: cr.kind },
    });
    return (await repo.findChangeRequest(tx, scopeOf(actor), id))!;
  });
}
