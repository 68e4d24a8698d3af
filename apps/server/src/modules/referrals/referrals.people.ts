import { type Capability, ROLE_CODES } from '@portico/shared';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { PERMISSIONS } from '../../platform/access/permissions.js';
import { rolesArray } from '../agency-agreements/agency-agreements.repo.js';

export interface Member {
  id: string;
  name: string;
  email: string;
  regions: string[];
}

const rolesWith = (capability: Capability) => ROLE_CODES.filter((r) => PERMISSIONS[r].includes(capability));

/** Active members of a program whose roles give the capability (through program_members, migration 0015). */
export function membersWith(tx: Tx, networkId: string, programId: string, capability: Capability): Promise<Member[]> {
  return queryRows<Member>(
    tx,
    sql`SELECT user_id AS id, name, email, regions FROM program_members(${programId}::uuid, ${networkId}::uuid, ${rolesArray(rolesWith(capability))})`,
  );
}

/** MT-12 gatekeepers (ND-3: master and support administrators); with none, the network administrators answer. */
export async function gatekeepersOf(tx: Tx, networkId: string, programId: string): Promise<Member[]> {
  const gatekeepers = await membersWith(tx, networkId, programId, 'referrals:assign');
  if (gatekeepers.length) return gatekeepers;
  return queryRows<Member>(
    tx,
    sql`SELECT DISTINCT pm.user_id AS id, pm.name, pm.email, pm.regions
        FROM programs p, program_members(p.id, ${networkId}::uuid, ARRAY['network_admin']::text[]) pm
        WHERE p.network_id = ${networkId}`,
  );
}
