/**
 * The composition root: configuration → database (PGlite folder or PostgreSQL) → migrations → policies →
 * services → HTTP server. The only place that reads the environment and the real clock for the server.
 */
import type { FastifyInstance } from 'fastify';
import { loadPolicyCatalog } from './app/policy-catalog.js';
import type { Services } from './app/services.js';
import { refreshAllDirty } from './app/worklist/refresh-dirty.js';
import { redactQueryParams } from './http/errors.js';
import { buildServer, type ServerOptions } from './http/server.js';
import { type Database, openDatabase } from './store/database.js';
import { migrate } from './store/migrate.js';

export interface Config {
  host: string;
  port: number;
  /** PGlite data folder (used when no database URL is given). */
  dataDir: string;
  databaseUrl?: string;
  policyDir?: string;
  /** Create the demo practice on an empty database. */
  demo: boolean;
  secureCookies: boolean;
  /** How often worklists marked by patients' diary entries are recomputed in the background. */
  worklistSweepMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** The practice whose patient site / opens (default: the only practice on the server). */
  homePractice?: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  return {
    host: env.HOST ?? '127.0.0.1',
    port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : 3000,
    dataDir: env.FACETPATH_DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    policyDir: env.FACETPATH_POLICY_DIR || undefined,
    demo: env.FACETPATH_DEMO !== 'false',
    secureCookies: env.FACETPATH_SECURE_COOKIES === 'true',
    worklistSweepMs: Math.max(200, Number(env.FACETPATH_WORKLIST_SWEEP_MS) || 2000),
    logLevel: (env.LOG_LEVEL as Config['logLevel']) || 'info',
    homePractice: env.FACETPATH_HOME_PRACTICE || undefined,
  };
}

export interface Running {
  app: FastifyInstance;
  database: Database;
  services: Services;
  url: string;
  close(): Promise<void>;
}

export interface StartHooks {
  /** Runs after migrations, before listening (the demo seed). */
  afterMigrate?: (svc: Services) => Promise<void>;
  plugins?: ServerOptions['plugins'];
}

export async function openServices(
  config: Pick<Config, 'dataDir' | 'databaseUrl' | 'policyDir'>,
): Promise<Services> {
  const policies = loadPolicyCatalog(config.policyDir);
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  await migrate(database);
  return { database, policies, clock: () => new Date() };
}

export async function startServer(config: Config, hooks: StartHooks = {}): Promise<Running> {
  const services = await openServices(config);
  await hooks.afterMigrate?.(services);
  const app = await buildServer(services, {
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    secureCookies: config.secureCookies,
    plugins: hooks.plugins,
    web: { homePractice: config.homePractice },
  });
  const url = await app.listen({ host: config.host, port: config.port });
  // Worklists marked by patients' diary entries are recomputed every few seconds (and before any read).
  let sweeping: Promise<void> | null = null;
  const sweeper = setInterval(() => {
    if (sweeping) return;
    sweeping = refreshAllDirty(services)
      .then(() => {})
      .catch((e: Error) =>
        app.log.error(
          { err: { name: e.name, message: redactQueryParams(e.message) } },
          'worklist sweep failed',
        ),
      )
      .finally(() => {
        sweeping = null;
      });
  }, config.worklistSweepMs);
  sweeper.unref();
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      clearInterval(sweeper);
      await app.close();
      await sweeping;
      await services.database.close();
    })();
    return closing;
  };
  return { app, database: services.database, services, url, close };
}
