/**
 * `facetpath serve [--port N] [--data-dir DIR] [--no-demo]`: the server on the embedded database (or
 * DATABASE_URL), migrations applied at start-up, graceful shutdown on SIGTERM/SIGINT.
 */
import { type Config, configFromEnv, type StartHooks, startServer } from '../main.js';

export interface ServeArgs {
  port?: string;
  host?: string;
  dataDir?: string;
  demo: boolean;
}

export async function runServe(
  args: ServeArgs,
  hooks: StartHooks,
  out: (s: string) => void,
): Promise<number> {
  const config: Config = { ...configFromEnv() };
  if (args.port !== undefined) {
    const port = Number(args.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--port expects 0–65535, got "${args.port}"`);
    config.port = port;
  }
  if (args.host) config.host = args.host;
  if (args.dataDir) config.dataDir = args.dataDir;
  if (!args.demo) config.demo = false;
  const running = await startServer(config, config.demo ? hooks : { ...hooks, afterMigrate: undefined });
  out(
    `Facetpath listening on ${running.url} (database: ${running.database.kind}${running.database.kind === 'pglite' ? ` in ${config.dataDir}` : ''})\n` +
      `Patient site: ${running.url}/ · clinic: ${running.url}/clinic · API documentation: ${running.url}/api/docs\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      out(`${signal}: shutting down gracefully\n`);
      running.close().then(resolve, resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return 0;
}
