import { PRESET_POLICIES, roleLabel } from '@portico/shared';
import { count } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { systemTx } from '../db/tx.js';
import { clients } from '../modules/clients/clients.table.js';
import { hashPassword } from '../modules/identity/identity.password.js';
import { users } from '../modules/identity/identity.table.js';
import { memberships } from '../modules/memberships/memberships.table.js';
import { networks } from '../modules/networks/networks.table.js';
import { organizations, programs } from '../modules/organizations/organizations.table.js';
import { recordAudit, systemAuditContext } from '../platform/audit/audit.service.js';
import { seedAgencyAgreements } from './agency-agreements.demo.js';
import { DEMO_NEAR_DUPLICATES, demoClient } from './clients.demo.js';
import { seedDemoConsents } from './consents.demo.js';
import { DEMO_NETWORKS, type DemoNetwork } from './demo.data.js';
import { directoryFieldsOf } from './directory.demo.js';
import { seedDemoIntakeForms } from './intake-forms.demo.js';
import { seedOrganizationAdministration } from './organization-admin.demo.js';
import { seedDemoReferrals } from './referrals.demo.js';

const CLIENTS_PER_NETWORK = 12;
export const DEMO_PASSCODE = '135790';

async function seedNetwork(db: Db, n: DemoNetwork, password: string) {
  const hashes = new Map<string, string>();
  for (const u of n.users) hashes.set(u.email, await hashPassword(password));
  // NCC-1 networks ask for a passcode; demo users have DEMO_PASSCODE (no TOTP enrolled).
  const passcodeHash =
    PRESET_POLICIES[n.preset].security.secondFactor === 'passcode' ? await hashPassword(DEMO_PASSCODE) : null;
  await systemTx(db, async (tx) => {
    const [net] = await tx
      .insert(networks)
      .values({
        slug: n.preset,
        name: n.name,
        preset: n.preset,
        policy: PRESET_POLICIES[n.preset],
        directoryPublic: true,
      })
      .returning();
    if (!net) throw new Error('network insert returned nothing');
    const programIds = new Map<string, { id: string; organizationId: string }>();
    const userIds = new Map<string, { id: string; name: string }>();
    for (const o of n.organizations) {
      const [org] = await tx.insert(organizations).values({ networkId: net.id, name: o.name }).returning();
      if (!org) throw new Error('organization insert returned nothing');
      for (const pr of o.programs) {
        const { key, ...fields } = pr;
        const [row] = await tx
          .insert(programs)
          .values({
            ...fields,
            ...directoryFieldsOf(key),
            networkId: net.id,
            organizationId: org.id,
            addressLine1: '100 Main Street',
            postalCode: null,
          })
          .returning({ id: programs.id });
        programIds.set(key, { id: row!.id, organizationId: org.id });
      }
    }
    for (const u of n.users) {
      const [user] = await tx
        .insert(users)
        .values({
          email: u.email,
          name: u.name,
          passwordHash: hashes.get(u.email) ?? null,
          passcodeHash,
          passwordChangedAt: new Date(),
        })
        .returning({ id: users.id });
      userIds.set(u.email, { id: user!.id, name: u.name });
      for (const [key, roles] of u.memberships) {
        const pr = programIds.get(key);
        if (!pr) throw new Error(`demo data: unknown program ${key}`);
        await tx.insert(memberships).values({
          networkId: net.id,
          organizationId: pr.organizationId,
          programId: pr.id,
          userId: user!.id,
          roles,
          // ND-3: coordinators serve regions (here the counties the demo clients live in).
          regions: n.preset === 'nd-care-coordination' ? n.clientCounties : [],
          beginsOn: '2026-01-01',
        });
      }
    }
    // Clients belong to the service programs, not the network office (first organization).
    const servicePrograms = [...programIds.entries()].filter(
      ([, v]) => v.organizationId !== programIds.values().next().value?.organizationId,
    );
    const people = [];
    for (let i = 0; i < CLIENTS_PER_NETWORK; i++) {
      const [, pr] = servicePrograms[i % servicePrograms.length]!;
      const [person] = await tx
        .insert(clients)
        .values({
          networkId: net.id,
          organizationId: pr.organizationId,
          createdByProgramId: pr.id,
          ...demoClient(i, n.clientCounties),
        })
        .returning();
      people.push(person!);
    }
    // MT-7: near-duplicates the check finds (a nickname; the day and month of birth swapped).
    for (const [i, dup] of DEMO_NEAR_DUPLICATES.entries()) {
      const [, pr] = servicePrograms[(i + 1) % servicePrograms.length]!;
      await tx.insert(clients).values({
        networkId: net.id,
        organizationId: pr.organizationId,
        createdByProgramId: pr.id,
        ...demoClient(dup.of, n.clientCounties, dup.change),
      });
    }
    // MT-9/MT-10: consents in every state; the creator is a member of the client's program.
    const programNames = new Map(n.organizations.flatMap((o) => o.programs.map((p) => [p.key, p.name] as const)));
    const creators = new Map<string, string>();
    for (const u of n.users) {
      for (const [key] of u.memberships) {
        const pr = programIds.get(key);
        if (pr && !creators.has(pr.id)) creators.set(pr.id, userIds.get(u.email)!.id);
      }
    }
    const anyUser = userIds.values().next().value!.id;
    await seedDemoConsents(
      tx,
      net.id,
      n.name,
      people,
      servicePrograms.map(([key, v]) => ({ ...v, name: programNames.get(key) ?? key })),
      (programId) => creators.get(programId) ?? anyUser,
    );
    await seedAgencyAgreements(tx, n.preset, net.id, programIds, userIds);
    await seedOrganizationAdministration(tx, n.preset, net.id, programIds, userIds);
    await seedDemoIntakeForms(tx, net.id, (programId) => creators.get(programId) ?? anyUser);
    // MT-11..MT-16: after the consents they rest on and the agency agreements that let programs receive.
    await seedDemoReferrals(tx, net.id);
    await recordAudit(tx, systemAuditContext(net.id), {
      action: 'network.seed_demo',
      entityType: 'network',
      entityId: net.id,
      details: { preset: n.preset },
    });
  });
}

/** Creates the demo networks on an empty database; never called in production (see config). */
export async function seedDemoIfEmpty(db: Db, password: string): Promise<'seeded' | 'present'> {
  const [row] = await db.select({ n: count() }).from(networks);
  if (Number(row?.n ?? 0) > 0) return 'present';
  for (const n of DEMO_NETWORKS) await seedNetwork(db, n, password);
  return 'seeded';
}

/** One row per demo user: email | network preset | organization | program(s) | roles. */
export function demoSignInRows(): string[][] {
  return DEMO_NETWORKS.flatMap((n) =>
    n.users.map((u) => {
      const places = u.memberships.map(([key, roles]) => {
        const org = n.organizations.find((o) => o.programs.some((pr) => pr.key === key))!;
        return { org: org.name, program: org.programs.find((pr) => pr.key === key)!.name, roles };
      });
      return [
        u.email,
        n.preset,
        [...new Set(places.map((x) => x.org))].join('; '),
        places.map((x) => x.program).join('; '),
        [...new Set(places.flatMap((x) => x.roles.map(roleLabel)))].join(', '),
      ];
    }),
  );
}

/** The demo sign-ins as a Markdown table, for the console and the README. */
export function demoSignInsTable(): string {
  const head = ['email', 'network preset', 'organization', 'program(s)', 'roles'];
  return [head, head.map(() => '---'), ...demoSignInRows()].map((r) => `| ${r.join(' | ')} |`).join('\n');
}
