import { roleLabel } from '@portico/shared';
import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Db, Tx } from '../../db/client.js';
import { onUniqueViolation } from '../../db/errors.js';
import { systemTx } from '../../db/tx.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import type { Actor } from '../../platform/access/actor.js';
import { auditContextOf, recordAudit } from '../../platform/audit/audit.service.js';
import { queueMail } from '../../platform/notify/mail.js';
import { withTenant } from '../../platform/tenancy/tenancy.js';
import { addMembership, type InviteDeps } from '../memberships/memberships.service.js';
import { networks } from '../networks/networks.table.js';
import { notify } from '../notifications/notifications.service.js';
import * as organizations from '../organizations/organizations.repo.js';
import { PROVIDER_ADMIN_ROLE, registrationPolicy as policy } from './registrations.policy.js';
import * as repo from './registrations.repo.js';
import { normalizeProviderId, normalizeTaxId, normalizeZip } from './registrations.rules.js';
import type { RegistrationCreate, RegistrationListQuery } from './registrations.schema.js';

const DUPLICATE = 'An organization with this tax ID is already registered or has applied; contact the network team.';

/** Two applications racing past the check meet the unique index: the same refusal. */
const refuseDuplicates = <T>(work: () => Promise<T>) => onUniqueViolation(work, () => conflict(DUPLICATE));

/**
 * CS-1: a provider organization applies, without an account. The answer tells the applicant only
 * about their own application; a duplicate tax ID gets the same refusal whoever holds it.
 */
export function submitRegistration(
  db: Db,
  slug: string,
  input: Static<typeof RegistrationCreate>,
  request: { requestId: string; ip: string },
) {
  const taxId = normalizeTaxId(input.taxId);
  const zip = normalizeZip(input.zip);
  const providerId = normalizeProviderId(input.providerId);
  return refuseDuplicates(() =>
    systemTx(db, async (tx) => {
      const [net] = await tx.select().from(networks).where(eq(networks.slug, slug));
      if (!net) throw notFound('Network');
      if (await repo.taxIdTaken(tx, net.id, taxId)) throw conflict(DUPLICATE);
      const receipt = await repo.insertRegistration(tx, {
        networkId: net.id,
        legalName: input.legalName.trim(),
        taxId,
        providerId,
        zip,
        programName: input.programName.trim(),
        contactName: input.contactName.trim(),
        contactEmail: input.contactEmail,
        contactPhone: input.contactPhone ?? null,
      });
      await recordAudit(
        tx,
        { networkId: net.id, userId: null, programId: null, organizationId: null, ...request },
        { action: 'registration.submit', entityType: 'registration', entityId: receipt.id },
      );
      for (const { userId } of await repo.networkAdminIds(tx, net.id)) {
        await notify(tx, {
          networkId: net.id,
          userId,
          kind: 'registration.submitted',
          title: `New registration: ${receipt.legalName}`,
          body: 'Verify the tax ID, provider ID and ZIP, then approve or decline.',
          link: '/registrations',
        });
      }
      await queueMail(tx, {
        networkId: net.id,
        to: input.contactEmail,
        subject: `We received your registration with ${net.name}`,
        text: [
          `Hello ${input.contactName},`,
          '',
          `${net.name} received the registration of ${receipt.legalName}. The network team verifies it and`,
          'writes to you when it is approved or declined. Until then there is no account to sign in with.',
        ].join('\n'),
      });
      return receipt;
    }),
  );
}

function assertReviewer(actor: Actor) {
  if (!policy.review(actor)) throw forbidden('Only a network administrator reviews registrations.');
}

export function listRegistrations(db: Db, actor: Actor, query: Static<typeof RegistrationListQuery>) {
  assertReviewer(actor);
  const limit = query.limit ?? 50;
  return withTenant(db, actor, async (tx) => {
    const rows = await repo.listRegistrations(tx, actor.networkId, query.status, decodeCursor(query.cursor), limit);
    return toPage(rows, limit, (r) => [new Date(r.createdAt).toISOString(), r.id]);
  });
}

async function findOrRefuse(tx: Tx, actor: Actor, id: string, pending: boolean) {
  const r = await repo.findRegistration(tx, actor.networkId, id);
  if (!r) throw notFound('Registration');
  if (pending && !policy.open(r)) throw conflict(`This registration is already ${r.status}.`);
  return r;
}

export function getRegistration(db: Db, actor: Actor, id: string) {
  assertReviewer(actor);
  return withTenant(db, actor, (tx) => findOrRefuse(tx, actor, id, false));
}

/**
 * CS-1: approving creates, in one transaction, the organization, its program, and the contact's
 * membership as the preset's provider administrator (a new user gets the invitation email).
 */
export function approveRegistration(db: Db, actor: Actor, invite: InviteDeps, id: string) {
  assertReviewer(actor);
  return refuseDuplicates(() =>
    withTenant(db, actor, async (tx) => {
      const r = await findOrRefuse(tx, actor, id, true);
      // An organization may have been added with this tax ID since the application arrived.
      if (await repo.organizationHasTaxId(tx, actor.networkId, r.taxId)) throw conflict(DUPLICATE);
      const [net] = await tx.select().from(networks).where(eq(networks.id, actor.networkId));
      const ctx = auditContextOf(actor);
      const org = await organizations.insertOrganization(tx, {
        networkId: actor.networkId,
        name: r.legalName,
        taxId: r.taxId,
        providerId: r.providerId,
        postcode: r.zip,
        email: r.contactEmail,
        phone: r.contactPhone,
      });
      await recordAudit(tx, ctx, { action: 'organization.create', entityType: 'organization', entityId: org.id });
      const program = await organizations.insertProgram(tx, {
        networkId: actor.networkId,
        organizationId: org.id,
        name: r.programName,
        postalCode: r.zip,
      });
      await recordAudit(tx, ctx, { action: 'program.create', entityType: 'program', entityId: program.id });
      const role = PROVIDER_ADMIN_ROLE[net!.preset] ?? PROVIDER_ADMIN_ROLE.default;
      await addMembership(
        tx,
        actor,
        invite,
        { email: r.contactEmail, name: r.contactName, phone: r.contactPhone },
        // The schema's role union types as never[]; the role comes from PROVIDER_ADMIN_ROLE.
        { programId: program.id, roles: [role] as never[] },
      );
      if (
        !(await repo.decide(tx, actor.networkId, id, {
          status: 'approved',
          decidedBy: actor.userId,
          organizationId: org.id,
        }))
      )
        throw conflict('This registration was decided meanwhile.');
      await recordAudit(tx, ctx, {
        action: 'registration.approve',
        entityType: 'registration',
        entityId: id,
        details: { organizationId: org.id, programId: program.id, role },
      });
      await queueMail(tx, {
        networkId: actor.networkId,
        to: r.contactEmail,
        subject: `${r.legalName} is registered with ${net!.name}`,
        text: [
          `Hello ${r.contactName},`,
          '',
          `${net!.name} approved the registration of ${r.legalName}. You are its ${roleLabel(role)} for ${r.programName}.`,
          'If you are new to Portico, a separate email has the link to set your password.',
        ].join('\n'),
      });
      return findOrRefuse(tx, actor, id, false);
    }),
  );
}

/** CS-1: declining emails the applicant the reason; nothing else is created. */
export function declineRegistration(db: Db, actor: Actor, id: string, reason: string) {
  assertReviewer(actor);
  return withTenant(db, actor, async (tx) => {
    const r = await findOrRefuse(tx, actor, id, true);
    const text = reason.trim();
    if (!(await repo.decide(tx, actor.networkId, id, { status: 'declined', decidedBy: actor.userId, reason: text })))
      throw conflict('This registration was decided meanwhile.');
    await recordAudit(tx, auditContextOf(actor), {
      action: 'registration.decline',
      entityType: 'registration',
      entityId: id,
    });
    const [net] = await tx.select({ name: networks.name }).from(networks).where(eq(networks.id, actor.networkId));
    await queueMail(tx, {
      networkId: actor.networkId,
      to: r.contactEmail,
      subject: `Your registration with ${net?.name ?? 'the network'} was declined`,
      text: [`Hello ${r.contactName},`, '', `The registration of ${r.legalName} was declined.`, `Reason: ${text}`].join(
        '\n',
      ),
    });
    return findOrRefuse(tx, actor, id, false);
  });
}
