/**
 * `facetpath admin create --practice NAME --email E --name N [--password-stdin] [--data-dir DIR]`: creates a
 * practice and its first admin on the configured database (FACETPATH_DATA_DIR or DATABASE_URL), applying
 * migrations first. Without --password-stdin a password is generated and printed once.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createPractice } from '../app/admin/create-practice.js';
import { AppError } from '../app/errors.js';
import { email as emailSchema, personName } from '../contract/common.js';
import { configFromEnv, openServices } from '../main.js';
import { findPracticeBySlug } from '../store/practices.js';
import { findUserByEmail } from '../store/staff.js';
import { type Io, UsageError } from './evaluate-command.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export const slugify = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'practice';

export async function runAdmin(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create')
    throw new UsageError(sub ? `unknown admin command "${sub}"` : 'admin needs a command: create');
  const { values } = parseArgs({
    args: rest,
    options: {
      practice: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    },
  });
  const practiceName = personName.safeParse(values.practice ?? '');
  if (!practiceName.success) throw new UsageError('admin create needs --practice NAME');
  const email = emailSchema.safeParse(values.email ?? '');
  if (!email.success) throw new UsageError('admin create needs --email with an email address');
  const name = personName.safeParse(values.name ?? '');
  if (!name.success) throw new UsageError('admin create needs --name NAME (the admin’s name)');

  let password: string;
  let generated = false;
  if (values['password-stdin']) {
    password = (await readAll(io.stdin)).replace(/\r?\n$/, '');
  } else {
    password = randomBytes(18).toString('base64url');
    generated = true;
  }

  const config = configFromEnv();
  if (values['data-dir']) config.dataDir = values['data-dir'];
  const svc = await openServices(config);
  try {
    if (await findUserByEmail(svc.database.db, email.data)) {
      io.stderr.write(`facetpath: the email ${email.data} is already in use\n`);
      return 1;
    }
    let slug = slugify(practiceName.data);
    if (await findPracticeBySlug(svc.database.db, slug)) slug = `${slug}-${randomBytes(3).toString('hex')}`;
    const { practiceId, userIds } = await createPractice(svc, {
      name: practiceName.data,
      slug,
      staff: [{ email: email.data, name: name.data, role: 'admin', password }],
    });
    io.stdout.write(
      `Created practice "${practiceName.data}" (${practiceId}) with admin ${email.data} (${userIds[0]}) ` +
        `on ${svc.database.kind === 'pglite' ? config.dataDir : 'the PostgreSQL database'}.\n`,
    );
    if (generated) {
      io.stdout.write(`Initial password (shown once; change it after signing in): ${password}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      io.stderr.write(`facetpath: ${e.message}\n`);
      return 2;
    }
    throw e;
  } finally {
    await svc.database.close();
  }
}
