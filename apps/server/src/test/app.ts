import { buildApp } from '../app.js';
import type { App } from '../http/types.js';
import { testConfig, testDatabase } from './db.js';

/** The real app on the worker's real database; close it in afterAll. */
export async function buildTestApp(): Promise<App> {
  const database = await testDatabase();
  const app = await buildApp({ config: testConfig(), database });
  await app.ready();
  return app;
}

/** Signs in through the API and returns the Cookie header to send with later requests. */
export async function signIn(app: App, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'portico_session');
  if (!cookie) throw new Error('no session cookie');
  return `portico_session=${cookie.value}`;
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
