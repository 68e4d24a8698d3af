import type { Db } from '../../db/client.js';
import { systemTx } from '../../db/tx.js';
import { type AuditContext, recordAudit } from '../../platform/audit/audit.service.js';
import { termIndex, toHsdsOrganization, toHsdsService } from './hsds.export.js';
import { canonical, organizationFromHsds, programFromHsds, termsOf } from './hsds.map.js';
import { type HsdsFile, type HsdsRecord, type ParseProblem, parseFiles } from './hsds.parse.js';
import * as repo from './hsds.repo.js';
import type { HsdsObject } from './hsds.tabular.js';
import { differs, TermResolver } from './hsds.terms.js';
import { recordLabel, validateRecord } from './hsds.validate.js';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}
export interface ImportResult extends ImportCounts {
  status: 'succeeded' | 'failed';
  total: number;
  errors: ParseProblem[];
}

const str = (v: unknown) => (v === undefined || v === null || String(v).trim() === '' ? null : String(v).trim());
const isObj = (v: unknown): v is HsdsObject => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Plan {
  organizations: { label: string; data: HsdsObject }[];
  services: { label: string; data: HsdsObject; orgId: string }[];
  taxonomies: HsdsObject[];
  terms: HsdsObject[];
}

/** Parse and check every record; a plan only when nothing is wrong (X-5: all or nothing). */
export async function planImport(db: Db, networkId: string, files: HsdsFile[]) {
  const { records, problems } = parseFiles(files);
  const errors = [...problems];
  const plan: Plan = { organizations: [], services: [], taxonomies: [], terms: [] };
  const orgIds = new Set<string>();
  const addOrg = (label: string, data: HsdsObject, standalone: boolean) => {
    const id = String(data.id);
    if (orgIds.has(id)) {
      // The organization's own record wins over a copy nested in one of its services.
      if (standalone)
        plan.organizations = plan.organizations.map((o) => (String(o.data.id) === id ? { label, data } : o));
      return;
    }
    orgIds.add(id);
    plan.organizations.push({ label, data });
  };
  const ordered = [...records].sort(
    (a, b) => (a.kind === 'organization' ? -1 : 0) - (b.kind === 'organization' ? -1 : 0),
  );
  const services: HsdsRecord[] = [];
  for (const r of ordered) {
    const label = recordLabel(r.kind, r.index, r.data);
    const found = validateRecord(r, label);
    errors.push(...found);
    // A bad service is still checked for its organization, so the report lists all its problems at once.
    if (found.length && r.kind !== 'service') continue;
    if (r.kind === 'organization') addOrg(label, r.data, true);
    else if (r.kind === 'taxonomy') plan.taxonomies.push(r.data);
    else if (r.kind === 'taxonomy_term') plan.terms.push(r.data);
    else if (services.some((x) => String(x.data.id) === String(r.data.id)))
      continue; // one service, listed twice
    else {
      services.push(r);
      if (isObj(r.data.organization)) {
        const orgLabel = `${label}.organization`;
        const nested = validateRecord({ kind: 'organization', index: r.index, data: r.data.organization }, orgLabel);
        errors.push(...nested);
        if (!nested.length) addOrg(orgLabel, r.data.organization, false);
      }
    }
  }
  // A service belongs to an organization of the file or one already in the network.
  const wanted = services.map((s) => str(s.data.organization_id) ?? str((s.data.organization as HsdsObject)?.id));
  const known = new Set([
    ...orgIds,
    ...(
      await repo.findOrganizationsByFeedId(
        db,
        networkId,
        wanted.filter((w): w is string => !!w),
      )
    ).map((o) => o.hsdsId ?? o.id),
  ]);
  services.forEach((s, i) => {
    const label = recordLabel(s.kind, s.index, s.data);
    const orgId = wanted[i];
    if (!orgId)
      errors.push({ record: label, field: 'organization_id', message: 'is required (or a nested organization)' });
    else if (!known.has(orgId))
      errors.push({
        record: label,
        field: 'organization_id',
        message: `names no organization of this file or network (${orgId})`,
      });
    else plan.services.push({ label, data: s.data, orgId });
  });
  const total = plan.organizations.length + plan.services.length + plan.taxonomies.length + plan.terms.length;
  if (!records.length && !errors.length) errors.push({ record: 'file', field: '', message: 'holds no HSDS record' });
  return { plan, errors, total };
}

/**
 * Writes a checked plan in ONE system transaction. Why the table owner and not the administrator's
 * tenant transaction: the same import runs from the CLI, where there is no actor, and it writes the
 * network's own taxonomy rows that RLS lets tenants only read; the caller has checked network:manage,
 * and every query below names the network, which is the tenant line here.
 */
export async function writePlan(
  db: Db,
  networkId: string,
  plan: Plan,
  audit: { ctx: AuditContext; importId: string | null; fileName: string },
  onProgress: (done: number) => void = () => {},
): Promise<ImportCounts> {
  return systemTx(db, async (tx) => {
    const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    const tally = (k: keyof ImportCounts) => counts[k]++;
    let done = 0;
    const step = () => onProgress(++done);
    const terms = new TermResolver(
      tx,
      networkId,
      await repo.visibleTerms(tx, networkId),
      await repo.visibleTaxonomies(tx, networkId),
    );
    for (const t of plan.taxonomies) {
      tally(await terms.taxonomy(t));
      step();
    }
    for (const t of plan.terms) {
      tally((await terms.term(t)).outcome);
      step();
    }
    const orgFeedIds = plan.organizations.map((o) => String(o.data.id));
    const existingOrgs = new Map(
      (await repo.findOrganizationsByFeedId(tx, networkId, [...orgFeedIds, ...plan.services.map((s) => s.orgId)])).map(
        (o) => [o.hsdsId ?? o.id, o],
      ),
    );
    const orgRowId = new Map<string, string>();
    for (const [feed, row] of existingOrgs) orgRowId.set(feed, row.id);
    for (const { data } of plan.organizations) {
      const { hsdsId, ...fields } = organizationFromHsds(data);
      const existing = existingOrgs.get(hsdsId);
      if (existing && sameAs(data, toHsdsOrganization(existing))) tally('unchanged');
      else if (!existing) {
        const row = await repo.insertOrganization(tx, { ...fields, hsdsId, networkId });
        orgRowId.set(hsdsId, row.id);
        tally('created');
      } else if (differs(existing, fields)) {
        await repo.updateOrganization(tx, networkId, existing.id, fields);
        tally('updated');
      } else tally('unchanged');
      step();
    }
    const serviceIds = plan.services.map((s) => String(s.data.id));
    const existingPrograms = new Map<string, repo.ProgramRow>();
    for (const p of await repo.programsByHsdsId(tx, networkId, serviceIds)) existingPrograms.set(p.hsdsId!, p);
    const born = serviceIds.filter((id) => repo.isUuid(id) && !existingPrograms.has(id));
    for (const id of born) {
      const found = await repo.findProgramByFeedId(tx, networkId, id);
      if (found) existingPrograms.set(id, found.program);
    }
    const exportTerms = await termIndex(tx, networkId);
    const orgsOfPrograms = new Map(
      (
        await repo.organizationsByIds(tx, networkId, [
          ...new Set([...existingPrograms.values()].map((p) => p.organizationId)),
        ])
      ).map((o) => [o.id, o]),
    );
    for (const s of plan.services) {
      const { hsdsId, ...mapped } = programFromHsds(s.data);
      const current = existingPrograms.get(hsdsId);
      const currentOrg = current && orgsOfPrograms.get(current.organizationId);
      // A record equal to Portico's own export of the row (Portico-born ones included) changes nothing.
      if (
        current &&
        currentOrg &&
        feedIdOf(currentOrg) === s.orgId &&
        sameAs(s.data, toHsdsService(current, currentOrg, exportTerms, false))
      ) {
        tally('unchanged');
        step();
        continue;
      }
      const serviceTermIds: string[] = [];
      for (const t of termsOf(s.data)) {
        const id = (await terms.term(t)).id;
        if (!serviceTermIds.includes(id)) serviceTermIds.push(id);
      }
      const existing = existingPrograms.get(hsdsId);
      // HSDS has no regions field: a Portico-born program keeps its regions unless the locations name some.
      const regions = mapped.regions.length || !existing || existing.hsdsId ? mapped.regions : existing.regions;
      const fields = { ...mapped, regions, organizationId: orgRowId.get(s.orgId)!, serviceTermIds };
      if (!existing) {
        await repo.insertProgram(tx, { ...fields, hsdsId, networkId });
        tally('created');
      } else if (differs(existing, fields)) {
        await repo.updateProgram(tx, networkId, existing.id, fields);
        tally('updated');
      } else tally('unchanged');
      step();
    }
    await recordAudit(tx, audit.ctx, {
      action: 'directory.import',
      entityType: 'directory_import',
      entityId: audit.importId,
      details: { file: audit.fileName, ...counts },
    });
    return counts;
  });
}

const feedIdOf = (r: { id: string; hsdsId: string | null }) => r.hsdsId ?? r.id;
/** Same HSDS record, nested organization and services aside. */
function sameAs(incoming: HsdsObject, exported: HsdsObject): boolean {
  const strip = (o: HsdsObject) => {
    const { organization: _o, services: _s, ...rest } = o;
    return dropEmpty(rest);
  };
  return canonical(strip(incoming)) === canonical(strip(exported));
}
/** Empty texts and lists are absent in a CSV cell: compare without them. */
function dropEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropEmpty);
  if (!isObj(v)) return v;
  const out: HsdsObject = {};
  for (const [k, x] of Object.entries(v))
    if (x !== null && x !== undefined && x !== '' && !(Array.isArray(x) && !x.length)) out[k] = dropEmpty(x);
  return out;
}

/** Plan and write one import; the result says what happened (no exception for bad records). */
export async function importFiles(
  db: Db,
  networkId: string,
  files: HsdsFile[],
  audit: { ctx: AuditContext; importId: string | null; fileName: string },
  progress: { total?: (n: number) => void; done?: (n: number) => void } = {},
): Promise<ImportResult> {
  const { plan, errors, total } = await planImport(db, networkId, files);
  progress.total?.(total);
  if (errors.length) return { status: 'failed', total, errors, created: 0, updated: 0, unchanged: 0 };
  const counts = await writePlan(db, networkId, plan, audit, progress.done);
  return { status: 'succeeded', total, errors: [], ...counts };
}

/** Stores how an import ended on its directory_imports row (the page and the CLI read it back). */
export function recordImportResult(db: Db, importId: string, result: ImportResult) {
  return repo.updateImport(db, importId, {
    status: result.status,
    total: result.total,
    done: result.status === 'succeeded' ? result.total : 0,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    errors: result.errors,
    finishedAt: new Date(),
  });
}
