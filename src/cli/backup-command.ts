/**
 * Backups of the embedded (PGlite) database. `facetpath backup --out FILE.tar.gz` writes the whole data
 * folder as one gzipped tarball; `facetpath restore --from FILE.tar.gz` loads one into an empty data folder
 * (a non-empty one only with --force, and then the old folder is kept beside it, renamed). Stop the server
 * first: PGlite's data folder has one user at a time. With DATABASE_URL set, use pg_dump / pg_restore.
 */
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { configFromEnv } from '../main.js';
import { verifyAuditChain } from '../store/audit.js';
import { openDatabase } from '../store/database.js';
import { migrate } from '../store/migrate.js';
import { type Io, UsageError } from './evaluate-command.js';

const PG_HINT =
  'DATABASE_URL is set: this command is for the embedded database; back up PostgreSQL with pg_dump ' +
  '(e.g. pg_dump --format=custom --file=facetpath.dump "$DATABASE_URL") and restore with pg_restore ' +
  '(see docs/operations.md)';

const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

export async function runBackup(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      'data-dir': { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  if (!values.out) throw new UsageError('backup needs --out FILE.tar.gz');
  const config = configFromEnv();
  if (config.databaseUrl) {
    io.stderr.write(`facetpath: ${PG_HINT}\n`);
    return 1;
  }
  const dir = values['data-dir'] || config.dataDir;
  if (!existsSync(`${dir}/PG_VERSION`)) {
    io.stderr.write(`facetpath: there is no database in ${dir} (set FACETPATH_DATA_DIR or --data-dir)\n`);
    return 1;
  }
  if (existsSync(values.out) && !values.force) {
    io.stderr.write(`facetpath: ${values.out} exists; choose another name or add --force to replace it\n`);
    return 1;
  }
  const database = await openDatabase({ dataDir: dir });
  try {
    const dump = await database.dump!();
    const bytes = Buffer.from(await dump.arrayBuffer());
    const tmp = `${values.out}.partial`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, values.out);
    io.stdout.write(`backed up ${dir} to ${values.out} (${bytes.length} bytes)\n`);
    return 0;
  } finally {
    await database.close();
  }
}

export async function runRestore(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      'data-dir': { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  if (!values.from) throw new UsageError('restore needs --from FILE.tar.gz');
  const config = configFromEnv();
  if (config.databaseUrl) {
    io.stderr.write(`facetpath: ${PG_HINT}\n`);
    return 1;
  }
  const dir = values['data-dir'] || config.dataDir;
  let bytes: Buffer;
  try {
    bytes = readFileSync(values.from);
  } catch (e) {
    io.stderr.write(`facetpath: cannot read ${values.from} (${(e as NodeJS.ErrnoException).code})\n`);
    return 1;
  }
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    io.stderr.write(`facetpath: ${values.from} is not a backup made by facetpath backup (not gzip)\n`);
    return 1;
  }
  let keptAside: string | undefined;
  if (!isEmptyDir(dir)) {
    if (!values.force) {
      io.stderr.write(
        `facetpath: ${dir} is not empty; restore into an empty data folder, or add --force to replace it ` +
          '(the current folder is kept beside it, renamed)\n',
      );
      return 1;
    }
    keptAside = `${dir.replace(/\/+$/, '')}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dir, keptAside);
  }
  const database = await openDatabase({ dataDir: dir, template: new Blob([bytes]) });
  try {
    const applied = await migrate(database);
    const chain = await verifyAuditChain(database.db);
    const [p] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM practices');
    io.stdout.write(
      `restored ${values.from} into ${dir}: ${p?.n ?? 0} practice(s), ${chain.events} audit events` +
        `${applied.length > 0 ? `; applied ${applied.join(', ')}` : ''}\n`,
    );
    if (keptAside) io.stdout.write(`the previous data folder was kept as ${keptAside}\n`);
    if (!chain.ok) {
      io.stderr.write(
        `facetpath: warning: the restored audit chain is broken at seq ${chain.firstBrokenSeq}: ${chain.problem}\n`,
      );
    }
    return 0;
  } finally {
    await database.close();
  }
}
