import { loadConfig } from '../../config/config.js';
import { openDatabase } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { parseArgs, progressBar, readUnit } from './cli.args.js';
import { importFiles, recordImportResult } from './hsds.import.js';
import * as repo from './hsds.repo.js';

/**
 * `npm run directory:import -- --network <preset code (slug) or network id> FILE...`
 * Imports each file (JSON, or a tabular package: its folder, datapackage.json or .zip) into the
 * network's directory, with the same rules as the API; exits 1 when a file failed validation.
 */
const { flags, rest } = parseArgs(process.argv.slice(2));
if (!flags.network || !rest.length) {
  console.error('usage: npm run directory:import -- --network <preset code or network id> FILE...');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase(config);
let failed = 0;
try {
  await migrate(database);
  const network = await repo.findNetwork(database.db, flags.network);
  if (!network) throw new Error(`no network "${flags.network}" (give its slug, e.g. mt-referral-network, or its id)`);
  for (const arg of rest) {
    const unit = readUnit(arg);
    const row = await repo.insertImport(database.db, { networkId: network.id, fileName: unit.name, status: 'running' });
    const bar = progressBar(unit.name);
    const ctx = {
      networkId: network.id,
      userId: null,
      programId: null,
      organizationId: null,
      requestId: null,
      ip: null,
    };
    const result = await importFiles(
      database.db,
      network.id,
      unit.files,
      { ctx, importId: row.id, fileName: unit.name },
      bar,
    );
    bar.end();
    await recordImportResult(database.db, row.id, result);
    if (result.status === 'succeeded') {
      console.log(`${unit.name}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`);
    } else {
      failed++;
      console.error(`${unit.name}: NOT imported (nothing was written), ${result.errors.length} problem(s):`);
      for (const e of result.errors) console.error(`  ${e.record}${e.field ? `: ${e.field}` : ''}: ${e.message}`);
    }
  }
} catch (err) {
  console.error((err as Error).message);
  failed++;
} finally {
  await database.close();
}
process.exitCode = failed ? 1 : 0;
