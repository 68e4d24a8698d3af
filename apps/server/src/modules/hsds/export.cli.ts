import { writeFileSync } from 'node:fs';
import { loadConfig } from '../../config/config.js';
import { openDatabase } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { parseArgs } from './cli.args.js';
import { exportJson, exportZip } from './hsds.export.js';
import * as repo from './hsds.repo.js';

/** `npm run directory:export -- --network <preset code or id> --format json|csv --out <path>` */
const { flags } = parseArgs(process.argv.slice(2));
const format = flags.format ?? 'json';
if (!flags.network || !flags.out || !['json', 'csv'].includes(format)) {
  console.error(
    'usage: npm run directory:export -- --network <preset code or network id> --format json|csv --out <path>',
  );
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase(config);
try {
  await migrate(database);
  const network = await repo.findNetwork(database.db, flags.network);
  if (!network) throw new Error(`no network "${flags.network}"`);
  if (format === 'json') {
    const records = await exportJson(database.db, network.id);
    writeFileSync(flags.out, JSON.stringify(records, null, 2));
    console.log(`${flags.out}: ${records.length} HSDS records (services with their organizations)`);
  } else {
    writeFileSync(flags.out, await exportZip(database.db, network.id));
    console.log(`${flags.out}: HSDS tabular package (.zip)`);
  }
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
