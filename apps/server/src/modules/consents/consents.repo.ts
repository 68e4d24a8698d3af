import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { organizations, programs } from '../organizations/organizations.table.js';
import { consentDocuments, consentPrograms, consentSmsChallenges, consents } from './consents.table.js';

export type ConsentRow = typeof consents.$inferSelect;
export type SmsChallengeRow = typeof consentSmsChallenges.$inferSelect;
export type DocumentMeta = Omit<typeof consentDocuments.$inferSelect, 'content'>;

export interface ConsentRecord {
  consent: ConsentRow;
  programs: { id: string; name: string; organizationName: string }[];
  sms: SmsChallengeRow | null;
  document: DocumentMeta | null;
}

const documentMeta = {
  consentId: consentDocuments.consentId,
  networkId: consentDocuments.networkId,
  organizationId: consentDocuments.organizationId,
  fileName: consentDocuments.fileName,
  sizeBytes: consentDocuments.sizeBytes,
  sha256: consentDocuments.sha256,
  uploadedBy: consentDocuments.uploadedBy,
  uploadedAt: consentDocuments.uploadedAt,
};

/** The consents with their programs, text-message challenge and upload, in the order given. */
async function hydrate(tx: Tx, rows: ConsentRow[]): Promise<ConsentRecord[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  // One connection per transaction: its queries run one after another.
  const named = await tx
    .select({
      consentId: consentPrograms.consentId,
      id: programs.id,
      name: programs.name,
      organizationName: organizations.name,
    })
    .from(consentPrograms)
    .innerJoin(programs, eq(programs.id, consentPrograms.programId))
    .innerJoin(organizations, eq(organizations.id, consentPrograms.organizationId))
    .where(inArray(consentPrograms.consentId, ids))
    .orderBy(organizations.name, programs.name);
  const challenges = await tx.select().from(consentSmsChallenges).where(inArray(consentSmsChallenges.consentId, ids));
  const documents = await tx
    .select(documentMeta)
    .from(consentDocuments)
    .where(inArray(consentDocuments.consentId, ids));
  return rows.map((consent) => ({
    consent,
    programs: named.filter((p) => p.consentId === consent.id).map(({ consentId: _, ...p }) => p),
    sms: challenges.find((c) => c.consentId === consent.id) ?? null,
    document: documents.find((d) => d.consentId === consent.id) ?? null,
  }));
}

/** Who reads: one network, and one program of it unless a network administrator (programId null). */
export interface Reader {
  networkId: string;
  programId: string | null;
}

/** Consents of the network naming the program (the creator is always named), or all of them for a network admin. */
const readableBy = ({ networkId, programId }: Reader) =>
  and(
    eq(consents.networkId, networkId),
    programId === null
      ? undefined
      : sql`EXISTS (SELECT 1 FROM consent_programs kp WHERE kp.consent_id = ${consents.id} AND kp.program_id = ${programId})`,
  );

export async function findConsent(tx: Tx, id: string, reader: Reader, lock = false) {
  const query = tx
    .select()
    .from(consents)
    .where(and(eq(consents.id, id), readableBy(reader)));
  const [row] = lock ? await query.for('update') : await query;
  return row ? (await hydrate(tx, [row]))[0] : undefined;
}

export async function listForClient(tx: Tx, clientId: string, reader: Reader) {
  const rows = await tx
    .select()
    .from(consents)
    .where(and(eq(consents.clientId, clientId), readableBy(reader)))
    .orderBy(desc(consents.createdAt), desc(consents.id));
  return hydrate(tx, rows);
}

export async function insertConsent(
  tx: Tx,
  values: typeof consents.$inferInsert,
  named: { programId: string; organizationId: string }[],
): Promise<ConsentRow> {
  const [row] = await tx.insert(consents).values(values).returning();
  if (!row) throw new Error('insert returned nothing');
  await tx.insert(consentPrograms).values(named.map((p) => ({ consentId: row.id, networkId: row.networkId, ...p })));
  return row;
}

export async function updateConsent(tx: Tx, id: string, values: Partial<typeof consents.$inferInsert>) {
  await tx
    .update(consents)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(consents.id, id));
}

/** Programs of the network by id, with their organization (for naming them on a consent). */
export function programsByIds(tx: Tx, networkId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return tx
    .select({
      id: programs.id,
      name: programs.name,
      organizationId: programs.organizationId,
      organizationName: organizations.name,
    })
    .from(programs)
    .innerJoin(organizations, eq(organizations.id, programs.organizationId))
    .where(and(eq(programs.networkId, networkId), inArray(programs.id, ids)));
}

/** MT-15 report 1: every program of the network serving a region. */
export function programsOfRegion(tx: Tx, networkId: string, region: string) {
  return tx
    .select({ id: programs.id, name: programs.name, organizationName: organizations.name })
    .from(programs)
    .innerJoin(organizations, eq(organizations.id, programs.organizationId))
    .where(and(eq(programs.networkId, networkId), sql`${region} = ANY(${programs.regions})`))
    .orderBy(organizations.name, programs.name);
}

export async function upsertChallenge(tx: Tx, values: typeof consentSmsChallenges.$inferInsert) {
  await tx
    .insert(consentSmsChallenges)
    .values(values)
    .onConflictDoUpdate({
      target: consentSmsChallenges.consentId,
      set: {
        phone: values.phone,
        state: values.state ?? 'awaiting_reply',
        codeHash: null,
        codeExpiresAt: null,
        failedAttempts: 0,
        codesSent: 0,
        updatedAt: new Date(),
      },
    });
}

export async function updateChallenge(
  tx: Tx,
  consentId: string,
  values: Partial<typeof consentSmsChallenges.$inferInsert>,
) {
  await tx
    .update(consentSmsChallenges)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(consentSmsChallenges.consentId, consentId));
}

export async function readDocument(tx: Tx, consentId: string) {
  const [row] = await tx.select().from(consentDocuments).where(eq(consentDocuments.consentId, consentId));
  return row;
}

export async function saveDocument(tx: Tx, values: typeof consentDocuments.$inferInsert) {
  await tx
    .insert(consentDocuments)
    .values(values)
    .onConflictDoUpdate({
      target: consentDocuments.consentId,
      set: {
        fileName: values.fileName,
        sizeBytes: values.sizeBytes,
        sha256: values.sha256,
        content: values.content,
        uploadedBy: values.uploadedBy,
        uploadedAt: new Date(),
      },
    });
}

export async function deleteDocument(tx: Tx, consentId: string) {
  await tx.delete(consentDocuments).where(eq(consentDocuments.consentId, consentId));
}
