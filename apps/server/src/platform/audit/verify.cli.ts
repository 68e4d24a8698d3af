import { loadConfig } from '../../config/config.js';
import { openDatabase } from '../../db/client.js';
import { migrate } from '../../db/migrate.js';
import { verifyAuditChains } from './audit.verify.js';

/** `npm run audit:verify`: recomputes every chain and names the first broken row (exit code 1). */
const config = loadConfig();
const database = await openDatabase(config);
try {
  await migrate(database);
  const started = Date.now();
  const result = await verifyAuditChains(database.db);
  const took = ((Date.now() - started) / 1000).toFixed(1);
  if (result.firstBreak) {
    const b = result.firstBreak;
    console.error(
      `Audit chain BROKEN in network ${b.networkId} at seq ${b.seq}${b.id ? ` (row ${b.id})` : ''}: ${b.reason}`,
    );
    process.exitCode = 1;
  } else {
    console.log(`Audit chain intact: ${result.entries} entries in ${result.networks} networks, checked in ${took}s.`);
  }
} finally {
  await database.close();
}
