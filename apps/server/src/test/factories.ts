import { randomUUID } from 'node:crypto';
import { PRESET_POLICIES, type PresetCode, type RoleCode } from '@portico/shared';
import type { Db } from '../db/client.js';
import { systemTx } from '../db/tx.js';
import { clients } from '../modules/clients/clients.table.js';
import { hashPassword } from '../modules/identity/identity.password.js';
import { users } from '../modules/identity/identity.table.js';
import { memberships } from '../modules/memberships/memberships.table.js';
import { networks } from '../modules/networks/networks.table.js';
import { organizations, programs } from '../modules/organizations/organizations.table.js';
import { TEST_PASSCODE, TEST_PASSWORD } from './app.js';

let passwordHash: Promise<string> | undefined;
// One argon2 hash for every test user: hashing is deliberately slow.
const testHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));
let passcodeHash: Promise<string> | undefined;
const testPasscodeHash = () => (passcodeHash ??= hashPassword(TEST_PASSCODE));
const unique = () => randomUUID().slice(0, 8);

export interface TestProgram {
  id: string;
  organizationId: string;
  networkId: string;
  name: string;
}

export async function makeNetwork(db: Db, preset: PresetCode = 'mt-referral-network') {
  const [net] = await db
    .insert(networks)
    .values({
      slug: `${preset}-${unique()}`,
      name: `Test network ${unique()}`,
      preset,
      policy: PRESET_POLICIES[preset],
    })
    .returning();
  return net!;
}

export async function makeOrganization(db: Db, networkId: string, name = `Org ${unique()}`) {
  const [org] = await db.insert(organizations).values({ networkId, name }).returning();
  return org!;
}

export async function makeProgram(
  db: Db,
  org: { id: string; networkId: string },
  fields: Partial<typeof programs.$inferInsert> = {},
): Promise<TestProgram> {
  const [p] = await db
    .insert(programs)
    .values({
      name: `Program ${unique()}`,
      regions: ['North'],
      counties: ['Cass'],
      ...fields,
      networkId: org.networkId,
      organizationId: org.id,
    })
    .returning();
  return { id: p!.id, organizationId: p!.organizationId, networkId: p!.networkId, name: p!.name };
}

/** A user who can sign in with TEST_PASSWORD, with roles in each given program. */
export async function makeUser(
  db: Db,
  member: [TestProgram, RoleCode[]][],
  fields: Partial<typeof users.$inferInsert> = {},
) {
  const hash = await testHash();
  return systemTx(db, async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({
        email: `user-${unique()}@example.test`,
        name: `User ${unique()}`,
        passwordHash: hash,
        passcodeHash: await testPasscodeHash(),
        ...fields,
      })
      .returning();
    for (const [p, roles] of member) {
      await tx
        .insert(memberships)
        .values({ networkId: p.networkId, organizationId: p.organizationId, programId: p.id, userId: u!.id, roles });
    }
    return u!;
  });
}

export async function makeClient(db: Db, p: TestProgram, fields: Partial<typeof clients.$inferInsert> = {}) {
  const [c] = await db
    .insert(clients)
    .values({
      firstName: 'Test',
      lastName: `Client ${unique()}`,
      birthDate: '1980-01-01',
      ...fields,
      networkId: p.networkId,
      organizationId: p.organizationId,
      createdByProgramId: p.id,
    })
    .returning();
  return c!;
}

/**
 * A network with two organizations, one program each, and an admin per side:
 * the usual starting point of an isolation test.
 */
export async function makeTenantPair(db: Db, preset: PresetCode = 'mt-referral-network') {
  const network = await makeNetwork(db, preset);
  const office = await makeProgram(db, await makeOrganization(db, network.id, 'Network office'));
  const a = await makeProgram(db, await makeOrganization(db, network.id));
  const b = await makeProgram(db, await makeOrganization(db, network.id));
  const adminRole: RoleCode =
    preset === 'nd-care-coordination'
      ? 'nd_master_admin'
      : preset === 'council-payments'
        ? 'ncc_administration'
        : 'mt_gatekeeper';
  const networkAdmin = await makeUser(db, [[office, ['network_admin']]]);
  const adminA = await makeUser(db, [[a, [adminRole]]]);
  const adminB = await makeUser(db, [[b, [adminRole]]]);
  return { network, office, a, b, networkAdmin, adminA, adminB };
}
