/**
 * `facetpath audit verify`: walks the hash chain of the audit trail. Exit 0 when intact; 1 with the first
 * broken event's sequence number when an event was changed, removed or re-ordered.
 * `facetpath migrate`: applies pending migrations and lists them (the server also does this at start-up).
 */
import { parseArgs } from 'node:util';
import { configFromEnv } from '../main.js';
import { verifyAuditChain } from '../store/audit.js';
import { openDatabase } from '../store/database.js';
import { migrate } from '../store/migrate.js';
import { type Io, UsageError } from './evaluate-command.js';

function databaseConfig(dataDir: string | undefined) {
  const config = configFromEnv();
  if (dataDir) config.dataDir = dataDir;
  return config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir };
}

export async function runAudit(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify')
    throw new UsageError(sub ? `unknown audit command "${sub}"` : 'audit needs a command: verify');
  const { values } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' } } });
  const database = await openDatabase(databaseConfig(values['data-dir']));
  try {
    await migrate(database);
    const report = await verifyAuditChain(database.db);
    if (report.ok) {
      io.stdout.write(`audit chain intact: ${report.events} events\n`);
      return 0;
    }
    io.stderr.write(
      `facetpath: audit chain broken at seq ${report.firstBrokenSeq}: ${report.problem} ` +
        `(${report.events} events before it verified)\n`,
    );
    return 1;
  } finally {
    await database.close();
  }
}

export async function runMigrate(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } } });
  const database = await openDatabase(databaseConfig(values['data-dir']));
  try {
    const applied = await migrate(database);
    io.stdout.write(
      applied.length > 0
        ? `applied: ${applied.join(', ')}\n`
        : 'the database is up to date; nothing to apply\n',
    );
    return 0;
  } finally {
    await database.close();
  }
}
