import type { Static } from 'typebox';
import type { Tx } from '../../db/client.js';
import { conflict } from '../../http/errors.js';
import type { Actor } from '../../platform/access/actor.js';
import { scopeOf } from '../../platform/tenancy/tenancy.js';
import * as contacts from '../memberships/memberships.repo.js';
import type { ContactCreate, MembershipPatch } from '../memberships/memberships.schema.js';
import {
  applyContactPatch,
  applyNewContact,
  contactValues,
  type InviteDeps,
} from '../memberships/memberships.service.js';
import * as organizations from '../organizations/organizations.repo.js';
import type { OrganizationPatch, ProgramPatch } from '../organizations/organizations.schema.js';
import { applyOrganizationPatch, applyProgramPatch } from '../organizations/organizations.service.js';
import { pick } from './change-requests.open.js';
import type { ChangeRequestRow } from './change-requests.repo.js';

/** JSON with object keys sorted, so two equal contact forms compare equal whatever their key order. */
const canonical = (v: unknown): string =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? `{${Object.keys(v)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k] ?? null)}`)
        .join(',')}}`
    : JSON.stringify(v ?? null);
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * Fields the request would overwrite that changed since it was made (to something other than what it
 * proposes): accepting would silently undo someone else's edit, so the reviewer is told instead.
 */
export function staleFields(
  now: Record<string, unknown>,
  then: Record<string, unknown>,
  proposed: Record<string, unknown>,
): string[] {
  return Object.keys(then)
    .filter((f) => !same(now[f], then[f]) && !same(now[f], proposed[f]))
    .sort();
}

function assertUnchanged(what: string, now: Record<string, unknown>, cr: ChangeRequestRow) {
  const stale = staleFields(now, cr.current, cr.proposed);
  if (stale.length) {
    throw conflict(
      `The ${what} changed since this request was made (${stale.join(', ')}); reject it and ask for a new request.`,
    );
  }
}

/**
 * NCC-5: applies an accepted request as the reviewing network administrator, inside the caller's
 * transaction, through the same use cases a direct edit runs (so the same audit entries and checks).
 */
export async function applyChange(tx: Tx, admin: Actor, invite: InviteDeps, cr: ChangeRequestRow): Promise<void> {
  const scope = scopeOf(admin);
  switch (cr.kind) {
    case 'organization_details': {
      const org = cr.targetId ? await organizations.findOrganization(tx, scope, cr.targetId) : undefined;
      if (!org) throw conflict('The organisation of this request no longer exists.');
      assertUnchanged('organisation', pick(org, Object.keys(cr.current)), cr);
      await applyOrganizationPatch(tx, admin, org.id, cr.proposed as Static<typeof OrganizationPatch>);
      return;
    }
    case 'service_details': {
      const program = cr.targetId ? await organizations.findProgram(tx, scope, cr.targetId) : undefined;
      if (!program) throw conflict('The service of this request no longer exists.');
      assertUnchanged('service', pick(program, Object.keys(cr.current)), cr);
      await applyProgramPatch(tx, admin, program.id, cr.proposed as Static<typeof ProgramPatch>);
      return;
    }
    case 'contact_create': {
      if (!cr.programId) throw conflict('The service of this request no longer exists.');
      await applyNewContact(tx, admin, invite, cr.programId, cr.proposed as Static<typeof ContactCreate>);
      return;
    }
    case 'contact_update':
    case 'contact_removal': {
      const contact = cr.targetId ? await contacts.findContact(tx, scope, cr.targetId) : undefined;
      if (!contact?.active) throw conflict("This contact's access has already ended.");
      if (cr.kind === 'contact_update') {
        assertUnchanged('contact', contactValues(contact, Object.keys(cr.current)), cr);
        await applyContactPatch(tx, admin, contact, cr.proposed as Static<typeof MembershipPatch>);
      } else {
        // An end date that has passed by now ends access at once (endsAtFor).
        await applyContactPatch(tx, admin, contact, { endsOn: String(cr.proposed.endsOn) });
      }
      return;
    }
  }
}
