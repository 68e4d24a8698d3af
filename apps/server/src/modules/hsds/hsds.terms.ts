import type { Tx } from '../../db/client.js';
import { canonical, uuidFrom } from './hsds.map.js';
import * as repo from './hsds.repo.js';
import type { HsdsObject } from './hsds.tabular.js';

const str = (v: unknown) => (v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim());
const isObj = (v: unknown): v is HsdsObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Would writing these fields change the row? (an unchanged record is not rewritten) */
export function differs(existing: Record<string, unknown>, fields: Record<string, unknown>): boolean {
  return Object.entries(fields).some(([k, v]) => canonical(v ?? null) !== canonical(existing[k] ?? null));
}

type Outcome = 'created' | 'updated' | 'unchanged';
const OE_TAXONOMY = uuidFrom('taxonomy:open-eligibility');

/** HSDS taxonomy terms → Portico term ids: a shipped Open Eligibility term when code or name match, else the network's own. */
export class TermResolver {
  private readonly byId = new Map<string, repo.TermRow>();
  private readonly shippedByKey = new Map<string, repo.TermRow>();
  private readonly taxonomyIds = new Set<string>();
  private readonly seen = new Map<string, { id: string; outcome: Outcome }>();
  constructor(
    private readonly tx: Tx,
    private readonly networkId: string,
    terms: repo.TermRow[],
    taxonomies: {
      id: string;
      name: string;
      description: string;
      uri: string | null;
      version: string | null;
      networkId: string | null;
    }[],
  ) {
    for (const t of terms) {
      this.byId.set(t.id, t);
      if (!t.networkId && t.taxonomyId === OE_TAXONOMY) {
        this.shippedByKey.set(`code:${t.code.toLowerCase()}`, t);
        this.shippedByKey.set(`name:${t.name.toLowerCase()}`, t);
      }
    }
    this.taxonomies = new Map(taxonomies.map((t) => [t.id, t]));
    for (const t of taxonomies) this.taxonomyIds.add(t.id);
  }
  private readonly taxonomies: Map<
    string,
    { name: string; description: string; uri: string | null; version: string | null; networkId: string | null }
  >;

  async taxonomy(d: HsdsObject | null): Promise<Outcome> {
    return (await this.taxonomyId(d)).outcome;
  }

  private async taxonomyId(d: HsdsObject | null): Promise<{ id: string; outcome: Outcome }> {
    const hsdsId = str(d?.id);
    if (hsdsId && this.taxonomies.has(hsdsId) && !this.taxonomies.get(hsdsId)!.networkId)
      return { id: hsdsId, outcome: 'unchanged' };
    const id =
      hsdsId && this.taxonomies.has(hsdsId)
        ? hsdsId
        : uuidFrom(`hsds-taxonomy:${this.networkId}:${hsdsId ?? str(d?.name) ?? 'default'}`);
    const key = `taxonomy:${id}`;
    const cached = this.seen.get(key);
    if (cached) return { id, outcome: 'unchanged' };
    const fields = {
      name: str(d?.name) ?? 'Imported taxonomy',
      description: str(d?.description) ?? '',
      uri: str(d?.uri),
      version: str(d?.version),
    };
    const existing = this.taxonomies.get(id);
    let outcome: Outcome = 'unchanged';
    if (!existing) {
      await repo.insertTaxonomy(this.tx, { id, networkId: this.networkId, ...fields });
      outcome = 'created';
    } else if (differs(existing, fields)) {
      await repo.updateTaxonomy(this.tx, this.networkId, id, fields);
      outcome = 'updated';
    }
    this.taxonomies.set(id, { ...fields, networkId: this.networkId });
    this.seen.set(key, { id, outcome });
    return { id, outcome };
  }

  async term(t: HsdsObject): Promise<{ id: string; outcome: Outcome }> {
    const hsdsId = str(t.id);
    const code = str(t.code);
    const name = str(t.name);
    const known = hsdsId ? this.byId.get(hsdsId) : undefined;
    if (known && !known.networkId) return { id: known.id, outcome: 'unchanged' };
    const shipped =
      (code && this.shippedByKey.get(`code:${code.toLowerCase()}`)) ??
      (name && this.shippedByKey.get(`name:${name.toLowerCase()}`));
    if (!known && shipped) return { id: shipped.id, outcome: 'unchanged' };
    const id = known?.id ?? uuidFrom(`hsds-term:${this.networkId}:${hsdsId ?? code ?? name}`);
    const cached = this.seen.get(`term:${id}`);
    if (cached) return { id, outcome: 'unchanged' };
    const detail = isObj(t.taxonomy_detail) ? t.taxonomy_detail : { id: t.taxonomy_id, name: t.taxonomy };
    const taxonomyId = known?.taxonomyId ?? (await this.taxonomyId(detail)).id;
    const fields = {
      taxonomyId,
      code: code ?? hsdsId ?? name ?? id,
      name: name ?? code ?? id,
      description: str(t.description) ?? '',
    };
    // Two HSDS terms with one code in one taxonomy are one Portico term (the code is unique there).
    const sameCode = [...this.byId.values()].find(
      (x) => x.networkId === this.networkId && x.taxonomyId === taxonomyId && x.code === fields.code && x.id !== id,
    );
    const existing = known ?? sameCode ?? this.byId.get(id);
    let outcome: Outcome = 'unchanged';
    if (!existing) {
      await repo.insertTerm(this.tx, { id, networkId: this.networkId, ...fields });
      outcome = 'created';
    } else if (differs(existing, fields)) {
      await repo.updateTerm(this.tx, this.networkId, existing.id, fields);
      outcome = 'updated';
    }
    const finalId = existing?.id ?? id;
    this.byId.set(finalId, { ...fields, id: finalId, networkId: this.networkId, parentId: null, taxonomyName: '' });
    const result = { id: finalId, outcome };
    this.seen.set(`term:${id}`, result);
    return result;
  }
}
