import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config/config.js';
import { type Database, openDatabase } from '../apps/server/src/db/client.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import { seedDemoIfEmpty } from '../apps/server/src/demo/seed.js';
import type { App } from '../apps/server/src/http/types.js';
import { systemClock } from '../apps/server/src/platform/clock/clock.js';
import { MailDelivery } from '../apps/server/src/platform/notify/mail.js';

export const DEMO_PASSWORD = 'E2e-demo-password-2026!';
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Portal {
  baseUrl: string;
  browser: Browser;
  newPage(): Promise<{ page: Page; context: BrowserContext }>;
  stop(): Promise<void>;
}

/**
 * The real portal (built web app, demo data, embedded database in a temp dir) and headless Debian Chromium.
 * Playwright gives every launch a fresh, empty profile directory.
 */
export async function startPortal(): Promise<Portal> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portico-e2e-'));
  const config = loadConfig({ NODE_ENV: 'test' }, { dataDir, port: 0 });
  const database: Database = await openDatabase(config);
  await migrate(database);
  await seedDemoIfEmpty(database.db, DEMO_PASSWORD);
  const mail = new MailDelivery(database.db, { smtpUrl: undefined, from: config.mailFrom });
  const app: App = await buildApp({ config, database, clock: systemClock, mail });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    baseUrl,
    browser,
    async newPage() {
      const context = await browser.newContext({ baseURL: baseUrl });
      return { page: await context.newPage(), context };
    },
    async stop() {
      await browser.close();
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the portal's CSP (script-src 'self') stays on for the test.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
}
