import type { Db } from '../../db/client.js';
import { invalid, notFound } from '../../http/errors.js';
import { type Actor, assertCan } from '../../platform/access/actor.js';
import { auditContextOf } from '../../platform/audit/audit.service.js';
import type { Background } from '../../platform/jobs/background.js';
import { exportJson, exportZip } from './hsds.export.js';
import { importFiles, recordImportResult } from './hsds.import.js';
import type { HsdsFile } from './hsds.parse.js';
import * as repo from './hsds.repo.js';

/**
 * Progress of the imports this process is running. On PGlite the write transaction holds the only
 * connection, so the page's polling is answered from here while an import runs; the row is written
 * at start and at the end (on both drivers alike).
 */
const running = new Map<string, repo.ImportRow>();

const MAX_FILES = 40;

/** Starts an HSDS import in the background and answers with its row (status queued). */
export async function startImport(db: Db, background: Background, actor: Actor, files: HsdsFile[]) {
  assertCan(actor, 'network:manage');
  if (!files.length) throw invalid('body.files', 'choose at least one file');
  if (files.length > MAX_FILES) throw invalid('body.files', `at most ${MAX_FILES} files in one import`);
  const fileName = files
    .map((f) => f.name)
    .join(', ')
    .slice(0, 500);
  const row = await repo.insertImport(db, {
    networkId: actor.networkId,
    createdBy: actor.userId,
    fileName,
    status: 'queued',
  });
  running.set(row.id, { ...row });
  const ctx = auditContextOf(actor);
  background.run('directory.import', async () => {
    const live = running.get(row.id)!;
    live.status = 'running';
    try {
      const result = await importFiles(
        db,
        actor.networkId,
        files,
        { ctx, importId: row.id, fileName },
        { total: (n) => (live.total = n), done: (n) => (live.done = n) },
      );
      await recordImportResult(db, row.id, result);
    } catch (err) {
      await repo.updateImport(db, row.id, {
        status: 'failed',
        errors: [
          { record: 'import', field: '', message: `could not be written: ${(err as Error).message.slice(0, 300)}` },
        ],
        finishedAt: new Date(),
      });
      throw err;
    } finally {
      running.delete(row.id);
    }
  });
  return row;
}

export async function getImport(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'network:manage');
  const live = running.get(id);
  if (live) {
    if (live.networkId !== actor.networkId) throw notFound('Import');
    return live;
  }
  const row = await repo.findImport(db, actor.networkId, id);
  if (!row) throw notFound('Import');
  return row;
}

export async function listImports(db: Db, actor: Actor) {
  assertCan(actor, 'network:manage');
  const rows = await repo.listImports(db, actor.networkId, 50);
  return { items: rows.map((r) => running.get(r.id) ?? r) };
}

export function exportDirectory(db: Db, actor: Actor, format: 'json'): Promise<unknown[]>;
export function exportDirectory(db: Db, actor: Actor, format: 'csv'): Promise<Uint8Array>;
/** The network's directory in HSDS: JSON array of nested services, or the zipped tabular package. */
export function exportDirectory(db: Db, actor: Actor, format: 'json' | 'csv'): Promise<unknown[] | Uint8Array> {
  assertCan(actor, 'network:manage');
  return format === 'json' ? exportJson(db, actor.networkId) : exportZip(db, actor.networkId);
}
