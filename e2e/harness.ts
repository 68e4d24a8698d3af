import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config/config.js';
import { type Database, openDatabase } from '../apps/server/src/db/client.js';
import { migrate } from '../apps/server/src/db/migrate.js';
import { seedDemoIfEmpty } from '../apps/server/src/demo/seed.js';
import type { App } from '../apps/server/src/http/types.js';
import { systemClock } from '../apps/server/src/platform/clock/clock.js';
import { Background } from '../apps/server/src/platform/jobs/background.js';
import { MailDelivery } from '../apps/server/src/platform/notify/mail.js';
import { mailOutbox } from '../apps/server/src/platform/notify/mail.table.js';
import { SimulatorGateway } from '../apps/server/src/platform/sms/sms.simulator.js';

export const DEMO_PASSWORD = 'E2e-demo-password-2026!';
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Portal {
  baseUrl: string;
  browser: Browser;
  /** The portal's database, for checks the browser cannot make. */
  database: Database;
  newPage(): Promise<{ page: Page; context: BrowserContext }>;
  /** The text of the newest email to `to` in the outbox (no SMTP in tests: bodies stay), or null. */
  latestMailBody(to: string): Promise<string | null>;
  stop(): Promise<void>;
}

/** The path and query of the first link in an email to `path` ('/set-password'), for page.goto on the test portal. */
export function linkIn(body: string | null, path: string): string {
  const match = body && new RegExp(`https?://[^\\s]+${path}\\?[^\\s]+`).exec(body);
  if (!match) throw new Error(`no ${path} link in the email: ${body}`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}

/** Signs in with email and password from the sign-in page (steps owed after it are the caller's). */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** MT-3: on the agreement page, ticks the box and types the account's name to sign. */
export async function signAgreement(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name: 'User agreement', level: 1 }).waitFor();
  await page.getByLabel('I have read and accept this agreement').check();
  await page.getByLabel(/^Type your full name to sign/).fill(name);
  await page.getByRole('button', { name: 'Sign agreement' }).click();
  await page.getByText('Agreement signed').waitFor();
}

/** A port free on loopback now: the portal's public URL (email links, SSO callback) must name it. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * The real portal (built web app, demo data, embedded database in a temp dir) and headless Debian Chromium.
 * Playwright gives every launch a fresh, empty profile directory.
 */
export async function startPortal(): Promise<Portal> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portico-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({ NODE_ENV: 'test' }, { dataDir, port, publicUrl: baseUrl });
  const database: Database = await openDatabase(config);
  await migrate(database);
  await seedDemoIfEmpty(database.db, DEMO_PASSWORD);
  const mail = new MailDelivery(database.db, { smtpUrl: undefined, from: config.mailFrom });
  // MT-10: text messages stay in the portal; the Phone simulator page plays the client's phone.
  const sms = new SimulatorGateway();
  const app: App = await buildApp({ config, database, clock: systemClock, mail, background: new Background(), sms });
  await app.listen({ port, host: '127.0.0.1' });
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
    database,
    async latestMailBody(to) {
      const [row] = await database.db
        .select({ body: mailOutbox.body })
        .from(mailOutbox)
        .where(eq(mailOutbox.to, to))
        .orderBy(desc(mailOutbox.createdAt))
        .limit(1);
      return row?.body ?? null;
    },
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
  /** Where, and axe's explanation (for contrast: the colours it measured). */
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the portal's CSP (script-src 'self') stays on for the test.
  await page.evaluate(axeSource);
  let violations: AxeViolation[] = [];
  // A toast or dialog fading in or out has see-through text, and axe would measure it half-way: the run
  // starts once nothing moves, and runs again when something started moving meanwhile (a toast closing).
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.waitForFunction(() =>
      document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    );
    const run = await page.evaluate(async () => {
      let moved = false;
      const mark = () => {
        moved = true;
      };
      for (const kind of ['transitionrun', 'animationstart'] as const) document.addEventListener(kind, mark, true);
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
      const { violations } = await axe.run();
      for (const kind of ['transitionrun', 'animationstart'] as const) document.removeEventListener(kind, mark, true);
      return { violations, moved };
    });
    violations = run.violations;
    if (!run.moved) break;
  }
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
}
