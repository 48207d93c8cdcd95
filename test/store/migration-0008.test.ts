/**
 * migrations/0008_block_record.sql on both databases, applied to a database that already holds rows of the
 * earlier schema: existing locations get their state's time zone, existing procedures and diary entries stay
 * valid (every new column empty, entries not "in recovery"), and the new checks hold.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/store/database.js';
import { MIGRATIONS_DIR, migrate } from '../../src/store/migrate.js';
import { freshPostgresUrl } from '../support/databases.js';

const before = mkdtempSync(join(tmpdir(), 'fp-mig-'));
for (const f of readdirSync(MIGRATIONS_DIR).filter((f) => f < '0008')) {
  copyFileSync(join(MIGRATIONS_DIR, f), join(before, f));
}
afterAll(() => rmSync(before, { recursive: true, force: true }));
/** 0008 and every migration after it: what the full directory applies to a database of before. */
const fromEight = readdirSync(MIGRATIONS_DIR)
  .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f) && f >= '0008')
  .sort();

const targets: { name: string; open(): Promise<Database> }[] = [
  { name: 'pglite', open: () => openDatabase({}) },
  { name: 'postgres', open: async () => openDatabase({ url: await freshPostgresUrl(), poolSize: 2 }) },
];

const P = '00000000-0000-4000-8000-000000000001';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe.each(targets)('migration 0008 on $name', (target) => {
  it('keeps the rows of before and gives locations their state’s zone', async () => {
    const db = await target.open();
    try {
      expect(await migrate(db, before)).not.toContain('0008_block_record.sql');
      await db.exec(`
        INSERT INTO practices (id, slug, name) VALUES ('${P}', 'mig', 'Migration test');
        INSERT INTO locations (id, practice_id, name, address, phone, state) VALUES
          ('${id(11)}', '${P}', 'Austin', 'a', '1', 'TX'),
          ('${id(12)}', '${P}', 'Boston', 'b', '2', 'MA'),
          ('${id(13)}', '${P}', 'Phoenix', 'c', '3', 'AZ'),
          ('${id(14)}', '${P}', 'San Juan', 'd', '4', 'PR');
        INSERT INTO patients (id, practice_id, given_name, family_name, birth_date)
          VALUES ('${id(21)}', '${P}', 'A', 'B', '1960-01-01');
        INSERT INTO episodes (id, practice_id, patient_id, region, complaint)
          VALUES ('${id(31)}', '${P}', '${id(21)}', 'lumbar', '{}');
        INSERT INTO procedures (id, practice_id, episode_id, patient_id, kind, intent, date, joints, guidance, sedation)
          VALUES ('${id(41)}', '${P}', '${id(31)}', '${id(21)}', 'mbb', 'diagnostic', '2026-01-12',
                  '[{"joint":"L4-L5","side":"bilateral"}]', 'fluoroscopy', 'local');
        INSERT INTO diary_entries (id, practice_id, procedure_id, minutes_after, score, idempotency_key, source)
          VALUES ('${id(51)}', '${P}', '${id(41)}', 30, 2, 'key-00000001', 'patient');
      `);
      expect(fromEight[0]).toBe('0008_block_record.sql');
      expect(await migrate(db)).toEqual(fromEight);
      const zones = await db.query<{ name: string; time_zone: string }>(
        'SELECT name, time_zone FROM locations ORDER BY name',
      );
      expect(zones).toEqual([
        { name: 'Austin', time_zone: 'America/Chicago' },
        { name: 'Boston', time_zone: 'America/New_York' },
        { name: 'Phoenix', time_zone: 'America/Phoenix' },
        { name: 'San Juan', time_zone: 'America/Puerto_Rico' },
      ]);
      const [p] = await db.query<Record<string, unknown>>(
        'SELECT started_at, time_zone, room, steroid, complications, observation_minutes FROM procedures',
      );
      expect(Object.values(p!).every((v) => v === null)).toBe(true);
      const [e] = await db.query<{ in_recovery: boolean }>('SELECT in_recovery FROM diary_entries');
      expect(e!.in_recovery).toBe(false);

      // The new checks: a start needs its zone; a patient's entry is never "in recovery"; one check each.
      await expect(
        db.exec(`UPDATE procedures SET started_at = '2026-01-12T14:05:00Z' WHERE id = '${id(41)}'`),
      ).rejects.toThrow();
      await expect(
        db.exec(`UPDATE diary_entries SET in_recovery = true WHERE id = '${id(51)}'`),
      ).rejects.toThrow();
      const recovery = (n: number, minutes: number) =>
        `INSERT INTO diary_entries (id, practice_id, procedure_id, minutes_after, score, idempotency_key, source, in_recovery)
           VALUES ('${id(n)}', '${P}', '${id(41)}', ${minutes}, 3, 'recovery:${n}', 'staff', true)`;
      await db.exec(recovery(52, 15));
      await expect(db.exec(recovery(53, 20))).rejects.toThrow();
    } finally {
      await db.close();
    }
  }, 60_000);
});
