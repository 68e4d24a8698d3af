import path from 'node:path';

/** Everything Portico reads from the environment, checked once at start-up. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent Portico runs on embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Where the embedded database lives; `memory://` keeps it in memory (tests). */
  dataDir: string;
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: string;
  demoPassword: string;
  /** Seed demo data on an empty database (never in production). */
  seedDemo: boolean;
  /** Trust X-Forwarded-* from a reverse proxy (decides Secure cookies behind TLS termination). */
  trustProxy: boolean;
  /** Sign-in attempts per IP address per minute before 429 with Retry-After. */
  signInRateLimit: number;
  webDist: string;
  /** smtp(s)://user:pass@host:port; unset keeps mail in the outbox ("Sent mail" page). */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Base of the links in emails, e.g. https://portal.example.org. */
  publicUrl: string;
}

export class ConfigError extends Error {}

const NODE_ENVS = ['development', 'production', 'test'] as const;

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** Reads and checks the environment; `overrides` lets tests set values without touching process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const nodeEnv = (env.NODE_ENV ?? 'development') as Config['nodeEnv'];
  if (!NODE_ENVS.includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be one of ${NODE_ENVS.join(', ')}, got "${env.NODE_ENV}"`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
  const port = int(env, 'PORT', 3000, 0, 65535);
  const root = path.resolve(import.meta.dirname, '../../../..');
  const config: Config = {
    port,
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    dataDir: env.DATA_DIR || path.join(process.cwd(), 'data'),
    nodeEnv,
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    demoPassword: env.PORTICO_DEMO_PASSWORD || 'Portico-demo-2026!',
    seedDemo: nodeEnv !== 'production' && bool(env, 'PORTICO_SEED_DEMO', true),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    signInRateLimit: int(env, 'SIGN_IN_RATE_LIMIT', 20, 1, 100_000),
    webDist: env.WEB_DIST || path.join(root, 'apps/web/dist'),
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'Portico <no-reply@portico.localhost>',
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    ...overrides,
  };
  if (config.nodeEnv === 'production') config.seedDemo = false;
  return config;
}
