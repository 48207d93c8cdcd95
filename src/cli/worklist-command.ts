/** `facetpath worklist refresh [--data-dir DIR]`: recomputes the worklist of every open episode. */
import { parseArgs } from 'node:util';
import { refreshAllWorklists } from '../app/worklist/refresh-all.js';
import { configFromEnv, openServices } from '../main.js';
import { type Io, UsageError } from './evaluate-command.js';

export async function runWorklist(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'refresh')
    throw new UsageError(sub ? `unknown worklist command "${sub}"` : 'worklist needs a command: refresh');
  const { values } = parseArgs({ args: rest, options: { 'data-dir': { type: 'string' } } });
  const config = configFromEnv();
  if (values['data-dir']) config.dataDir = values['data-dir'];
  const svc = await openServices(config);
  try {
    const n = await refreshAllWorklists(svc);
    io.stdout.write(`worklist recomputed for ${n} open episode(s)\n`);
    return 0;
  } finally {
    await svc.database.close();
  }
}
