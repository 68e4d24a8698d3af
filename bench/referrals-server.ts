// The app of the referral benchmark, in its own process (as in production: the load generator does not
// share its event loop): buildApp on the PostgreSQL of DATABASE_URL, on 127.0.0.1 at a free port.
// Tells the parent its port over IPC; closes on SIGTERM.
import { buildApp } from '../apps/server/src/app.js';
import { openDatabase } from '../apps/server/src/db/client.js';
import { testDeps } from '../apps/server/src/test/app.js';

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' });
const app = await buildApp(await testDeps({ database }));
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });

process.on('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
