import { type Capability, ROLE_CODES } from '@portico/shared';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import { PERMISSIONS } from '../../platform/access/permissions.js';
import { rolesArray } from '../agency-agreements/agency-agreements.repo.js';

/** A person to notify or assign: an active user with an active membership, and that membership's regions. */
export interface Member {
  id: string;
  name: string;
  email: string;
  regions: string[];
}

const rolesWith = (capability: Capability) => ROLE_CODES.filter((r) => PERMISSIONS[r].includes(capability));

/**
 * Active members of a program whose roles give the capability. Read through program_members()
 * (SECURITY DEFINER, migration 0015), so a tenant transaction may ask about another organization's program.
 */
export function membersWith(tx: Tx, networkId: string, programId: string, capability: Capability): Promise<Member[]> {
  return queryRows<Member>(
    tx,
    sql`SELECT user_id AS id, name, email, regions FROM program_members(${programId}::uuid, ${networkId}::uuid, ${rolesArray(rolesWith(capability))})`,
  );
}

/** membersWith; a program with nobody holding the capability is answered for by its network's administrators. */
export async function membersWithOrAdmins(
  tx: Tx,
  networkId: string,
  programId: string,
  capability: Capability,
): Promise<Member[]> {
  const members = await membersWith(tx, networkId, programId, capability);
  if (members.length) return members;
  // One row a person, though an administrator may be a member of several programs.
  return queryRows<Member>(
    tx,
    sql`SELECT DISTINCT ON (pm.user_id) pm.user_id AS id, pm.name, pm.email, pm.regions
        FROM programs p, program_members(p.id, ${networkId}::uuid, ARRAY['network_admin']::text[]) pm
        WHERE p.network_id = ${networkId}
        ORDER BY pm.user_id`,
  );
}
