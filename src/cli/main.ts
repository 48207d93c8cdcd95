/**
 * The `facetpath` command. Each subcommand parses its own options; errors in the command line exit 2
 * with a usage line, faults exit 1 with a one-line message (no stack trace).
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { seedDemo } from '../app/demo/seed-demo.js';
import { loadPolicyCatalog } from '../app/policy-catalog.js';
import { DomainError } from '../domain/errors.js';
import { runAdmin } from './admin-command.js';
import { runAudit, runMigrate } from './audit-command.js';
import { runBackup, runRestore } from './backup-command.js';
import { type Io, runEvaluate, UsageError } from './evaluate-command.js';
import { runServe } from './serve-command.js';
import { runWorklist } from './worklist-command.js';

const USAGE = `Usage:
  facetpath evaluate [CASE.json|-] [--policy ID] [--as-of YYYY-MM-DD] [--format json|text] [--ndjson [--jobs N]]
                                     evaluate a case (without a file, or with -, read standard input)
  facetpath serve [--port N] [--host H] [--data-dir DIR] [--no-demo]
                                     run the server (env PORT, FACETPATH_DATA_DIR, DATABASE_URL)
  facetpath policies                 list the policies and the coverage each is the default for
  facetpath admin create --practice NAME --email E --name N [--password-stdin]
                                     create a practice and its first admin (password generated unless given)
  facetpath migrate                  apply pending database migrations
  facetpath worklist refresh         recompute every open episode's worklist (after policy changes)
  facetpath audit verify             check the audit trail's hash chain (exit 1 naming the first broken seq)
  facetpath backup --out FILE.tar.gz [--force]
  facetpath restore --from FILE.tar.gz [--force]
                                     back up / restore the embedded database (stop the server first)
                                     (these take --data-dir DIR; env FACETPATH_DATA_DIR, DATABASE_URL)
  facetpath help

Options:
  --policy-dir DIR   read policies from DIR instead of the shipped policies/ (env FACETPATH_POLICY_DIR)
`;

/**
 * When the reader of standard output goes away (`facetpath … | head`), stop quietly as other Unix tools
 * do, rather than die with an unhandled EPIPE and its stack trace.
 */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`facetpath: cannot write the output: ${e.code ?? e.message}\n`);
    process.exit(1);
  });
}

function defaultIo(): Io {
  quietOnClosedPipe();
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    today: () => new Date().toISOString().slice(0, 10),
  };
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'evaluate': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            policy: { type: 'string' },
            'as-of': { type: 'string' },
            format: { type: 'string', default: 'json' },
            ndjson: { type: 'boolean', default: false },
            jobs: { type: 'string' },
            'policy-dir': { type: 'string' },
          },
        });
        const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
        if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
          throw new UsageError(`--jobs expects a whole number from 1 to 64, got "${values.jobs}"`);
        }
        if (positionals.length > 1)
          throw new UsageError('evaluate takes one case file (or - for standard input)');
        // Like jq: no file means standard input, unless that is a terminal (nobody types a case there).
        if (positionals.length === 0 && io.stdin.isTTY)
          throw new UsageError('evaluate needs a case file, - or a pipe on standard input');
        if (values.format !== 'json' && values.format !== 'text') {
          throw new UsageError(`--format is json or text, not "${values.format}"`);
        }
        const policyDir = values['policy-dir'] || process.env.FACETPATH_POLICY_DIR || undefined;
        const policies = loadPolicyCatalog(policyDir);
        return await runEvaluate(
          {
            input: positionals[0] ?? '-',
            policy: values.policy,
            asOf: values['as-of'],
            format: values.format,
            ndjson: values.ndjson,
            jobs,
            policyDir,
          },
          policies,
          io,
        );
      }
      case 'serve': {
        const { values } = parseArgs({
          args: rest,
          options: {
            port: { type: 'string' },
            host: { type: 'string' },
            'data-dir': { type: 'string' },
            'no-demo': { type: 'boolean', default: false },
          },
        });
        return await runServe(
          { port: values.port, host: values.host, dataDir: values['data-dir'], demo: !values['no-demo'] },
          {
            afterMigrate: async (svc) => {
              await seedDemo(svc, (s) => io.stdout.write(s));
            },
          },
          (s) => io.stdout.write(s),
        );
      }
      case 'policies': {
        const { values } = parseArgs({ args: rest, options: { 'policy-dir': { type: 'string' } } });
        for (const p of loadPolicyCatalog(
          values['policy-dir'] || process.env.FACETPATH_POLICY_DIR || undefined,
        )) {
          const latest = p.versions[p.versions.length - 1]!;
          io.stdout.write(
            `${p.id.padEnd(22)} ${latest.version.padEnd(12)} ${(p.defaultFor.join(', ') || '(named only)').padEnd(30)} ${p.title}\n`,
          );
        }
        return 0;
      }
      case 'admin':
        return await runAdmin(rest, io);
      case 'audit':
        return await runAudit(rest, io);
      case 'migrate':
        return await runMigrate(rest, io);
      case 'worklist':
        return await runWorklist(rest, io);
      case 'backup':
        return await runBackup(rest, io);
      case 'restore':
        return await runRestore(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (e) {
    if (e instanceof UsageError || (e as NodeJS.ErrnoException)?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      io.stderr.write(`facetpath: ${(e as Error).message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof DomainError) {
      io.stderr.write(
        `facetpath: ${e.code.toLowerCase().replaceAll('_', ' ')}:\n${e.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}\n`,
      );
      return e.code === 'INVALID_POLICY' ? 1 : 2;
    }
    throw e;
  }
}
