import { buildApp } from './app.js';
import { loadConfig } from './config/config.js';
import { openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import { demoSignInsTable, seedDemoIfEmpty } from './demo/seed.js';
import { registerReminderJob } from './modules/agency-agreements/agency-agreements.reminders.js';
import { registerConsentExpiryJob } from './modules/consents/consents.expiry.js';
import { registerStaleReferralJob } from './modules/referrals/referrals.stale.js';
import { systemClock } from './platform/clock/clock.js';
import { Background } from './platform/jobs/background.js';
import { JobQueue } from './platform/jobs/queue.js';
import { MailDelivery } from './platform/notify/mail.js';
import { smsGatewayFromEnv } from './platform/sms/sms.config.js';

const config = loadConfig();
const database = await openDatabase(config);
await migrate(database);
const seeded = config.seedDemo ? await seedDemoIfEmpty(database.db, config.demoPassword) : 'skipped';
const mail = new MailDelivery(database.db, { smtpUrl: config.smtpUrl, from: config.mailFrom });
const background = new Background();
const sms = smsGatewayFromEnv(process.env);
const app = await buildApp({ config, database, clock: systemClock, mail, background, sms });
mail.start();
// Background jobs on PostgreSQL (pg-boss), shared by every process against this database; started after listen.
const jobs = new JobQueue(database, { log: app.log });
registerReminderJob(jobs, { db: database.db, clock: systemClock, mail });
registerConsentExpiryJob(jobs, { db: database.db, clock: systemClock, mail });
registerStaleReferralJob(jobs, { db: database.db, clock: systemClock, mail });

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  // Stop taking requests, finish the ones in flight, then close the database cleanly.
  await app.close();
  await jobs.stop();
  mail.stop();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
await jobs.start();
const where = config.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
console.log(`\nPortico is running at http://localhost:${config.port} on ${where}.`);
if (seeded !== 'skipped') {
  console.log(seeded === 'seeded' ? 'Demo data created.' : 'Demo data already present.');
  console.log(`\nDemo sign-ins (password: ${config.demoPassword}):\n${demoSignInsTable()}`);
}
console.log('API docs: /api/docs   Health: /healthz   Stop: Ctrl-C\n');
