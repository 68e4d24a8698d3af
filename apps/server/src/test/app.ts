import { buildApp } from '../app.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/client.js';
import type { App, AppDeps } from '../http/types.js';
import { type Clock, systemClock } from '../platform/clock/clock.js';
import { Background } from '../platform/jobs/background.js';
import { MailDelivery } from '../platform/notify/mail.js';
import type { SmsGateway } from '../platform/sms/sms.gateway.js';
import { SimulatorGateway } from '../platform/sms/sms.simulator.js';
import { testConfig, testDatabase } from './db.js';

export interface TestAppOptions {
  config?: Partial<Config>;
  clock?: Clock;
  database?: Database;
  sms?: SmsGateway;
}

/** Everything buildApp needs, on the worker's real database; mail goes to the outbox unless smtpUrl is set. */
export async function testDeps(options: TestAppOptions = {}): Promise<AppDeps> {
  const database = options.database ?? (await testDatabase());
  const config = { ...testConfig(), ...options.config };
  return {
    config,
    database,
    clock: options.clock ?? systemClock,
    mail: new MailDelivery(database.db, { smtpUrl: config.smtpUrl, from: config.mailFrom }),
    background: new Background(),
    sms: options.sms ?? new SimulatorGateway(),
  };
}

/** The real app on the worker's real database; close it in afterAll. */
export async function buildTestApp(options: TestAppOptions = {}): Promise<App> {
  const app = await buildApp(await testDeps(options));
  await app.ready();
  return app;
}

/** Signs in through the API and returns the Cookie header to send with later requests. */
export async function signIn(app: App, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'portico_session');
  if (!cookie) throw new Error('no session cookie');
  const header = `portico_session=${cookie.value}`;
  // Networks that ask for a passcode (NCC-1): every test user has TEST_PASSCODE.
  if (res.json().stage === 'second_factor') {
    const second = await app.inject({
      method: 'POST',
      url: '/api/session/passcode',
      headers: { cookie: header },
      payload: { passcode: TEST_PASSCODE },
    });
    if (second.statusCode !== 200) throw new Error(`passcode of ${email} failed: ${second.statusCode} ${second.body}`);
  }
  return header;
}

/** Signs in and chooses the program to act as. */
export async function actAs(app: App, email: string, programId: string): Promise<string> {
  const cookie = await signIn(app, email);
  const res = await app.inject({
    method: 'PUT',
    url: '/api/session/program',
    headers: { cookie },
    payload: { programId },
  });
  if (res.statusCode !== 200) throw new Error(`switch to ${programId} failed: ${res.statusCode} ${res.body}`);
  return cookie;
}

export const TEST_PASSWORD = 'Test-password-2026!';
export const TEST_PASSCODE = '135790';

/** MT-3: signs the network's current user agreement (if it has one) as the signed-in user, with their own name. */
export async function acceptUserAgreement(app: App, cookie: string, name: string): Promise<void> {
  const status = (await app.inject({ method: 'GET', url: '/api/agreement', headers: { cookie } })).json();
  if (!status.version || !status.due) return;
  const res = await app.inject({
    method: 'POST',
    url: '/api/agreement',
    headers: { cookie },
    payload: { version: status.version, typedName: name, accept: true },
  });
  if (res.statusCode >= 300) throw new Error(`agreement signature failed: ${res.statusCode} ${res.body}`);
}
