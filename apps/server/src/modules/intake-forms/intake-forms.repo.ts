import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { users } from '../identity/identity.table.js';
import { programs } from '../organizations/organizations.table.js';
import { intakeForms } from './intake-forms.table.js';

const columns = {
  id: intakeForms.id,
  programId: intakeForms.programId,
  version: intakeForms.version,
  fields: intakeForms.fields,
  createdAt: intakeForms.createdAt,
  createdByName: users.name,
};

/** The newest version of a program's form, or undefined when it has none. */
export async function currentForm(tx: Tx, programId: string) {
  const [row] = await tx
    .select(columns)
    .from(intakeForms)
    .innerJoin(users, eq(users.id, intakeForms.createdBy))
    .where(eq(intakeForms.programId, programId))
    .orderBy(desc(intakeForms.version))
    .limit(1);
  return row;
}

export async function formById(tx: Tx, id: string) {
  const [row] = await tx
    .select(columns)
    .from(intakeForms)
    .innerJoin(users, eq(users.id, intakeForms.createdBy))
    .where(eq(intakeForms.id, id));
  return row;
}

export function versionsOf(tx: Tx, programId: string) {
  return tx
    .select(columns)
    .from(intakeForms)
    .innerJoin(users, eq(users.id, intakeForms.createdBy))
    .where(eq(intakeForms.programId, programId))
    .orderBy(desc(intakeForms.version));
}

export async function programOf(tx: Tx, networkId: string, programId: string) {
  const [row] = await tx
    .select({ id: programs.id, organizationId: programs.organizationId, name: programs.name })
    .from(programs)
    .where(and(eq(programs.id, programId), eq(programs.networkId, networkId)));
  return row;
}

export async function insertVersion(tx: Tx, values: typeof intakeForms.$inferInsert) {
  const [row] = await tx.insert(intakeForms).values(values).returning({ id: intakeForms.id });
  return row!.id;
}
