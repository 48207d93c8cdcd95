/** Patients and their coverage; every function is scoped to one practice. */
import { and, asc, count, eq, ilike, or } from 'drizzle-orm';
import type { Executor } from './database.js';
import { coverages, patients } from './schema.js';

export type PatientRow = typeof patients.$inferSelect;
export type CoverageRow = typeof coverages.$inferSelect;

export async function insertPatient(tx: Executor, row: typeof patients.$inferInsert): Promise<PatientRow> {
  const [r] = await tx.insert(patients).values(row).returning();
  return r!;
}

export async function findPatient(
  tx: Executor,
  practiceId: string,
  id: string,
): Promise<PatientRow | undefined> {
  const [r] = await tx
    .select()
    .from(patients)
    .where(and(eq(patients.practiceId, practiceId), eq(patients.id, id)));
  return r;
}

export async function updatePatient(
  tx: Executor,
  practiceId: string,
  id: string,
  changes: Partial<typeof patients.$inferInsert>,
): Promise<PatientRow | undefined> {
  const [r] = await tx
    .update(patients)
    .set(changes)
    .where(and(eq(patients.practiceId, practiceId), eq(patients.id, id)))
    .returning();
  return r;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listPatients(
  tx: Executor,
  practiceId: string,
  q: { q?: string; limit: number; offset: number },
): Promise<{ rows: PatientRow[]; total: number }> {
  const term = q.q ? `%${escapeLike(q.q)}%` : undefined;
  const where = and(
    eq(patients.practiceId, practiceId),
    term
      ? or(ilike(patients.familyName, term), ilike(patients.givenName, term), ilike(patients.mrn, term))
      : undefined,
  );
  const rows = await tx
    .select()
    .from(patients)
    .where(where)
    .orderBy(asc(patients.familyName), asc(patients.givenName), asc(patients.id))
    .limit(q.limit)
    .offset(q.offset);
  const [t] = await tx.select({ n: count() }).from(patients).where(where);
  return { rows, total: Number(t?.n ?? 0) };
}

export async function insertCoverage(tx: Executor, row: typeof coverages.$inferInsert): Promise<CoverageRow> {
  // One active coverage per patient: a new one replaces the old.
  await tx
    .update(coverages)
    .set({ active: false, updatedAt: row.createdAt })
    .where(and(eq(coverages.practiceId, row.practiceId), eq(coverages.patientId, row.patientId)));
  const [r] = await tx.insert(coverages).values(row).returning();
  return r!;
}

export async function activeCoverage(
  tx: Executor,
  practiceId: string,
  patientId: string,
): Promise<CoverageRow | undefined> {
  const [r] = await tx
    .select()
    .from(coverages)
    .where(
      and(
        eq(coverages.practiceId, practiceId),
        eq(coverages.patientId, patientId),
        eq(coverages.active, true),
      ),
    );
  return r;
}
