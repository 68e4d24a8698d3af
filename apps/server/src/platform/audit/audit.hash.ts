import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a chain hash covers, in the shape they are stored. */
export interface ChainedContent {
  networkId: string;
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  actingProgramId: string | null;
  organizationId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
  prevHash: string;
}

/** JSON with object keys sorted at every depth: jsonb reorders keys, so the hash must not depend on order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 of the row's content and its predecessor's hash. */
export function chainHash(c: ChainedContent): string {
  const content = canonicalJson({ ...c, occurredAt: c.occurredAt.toISOString(), seq: Number(c.seq) });
  return createHash('sha256').update(content).digest('hex');
}
