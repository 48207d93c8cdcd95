/** Practice data the diary tests need, inserted directly (location, patient, episode, procedure). */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/store/database.js';
import { episodes, locations, patients, procedures } from '../../src/store/schema.js';

export interface SeededProcedure {
  locationId: string;
  patientId: string;
  episodeId: string;
  procedureId: string;
}

export async function seedProcedure(
  database: Database,
  practiceId: string,
  over: Partial<typeof procedures.$inferInsert> = {},
  patient: { givenName?: string; familyName?: string } = {},
): Promise<SeededProcedure> {
  const db = database.db;
  const locationId = randomUUID();
  const patientId = randomUUID();
  const episodeId = randomUUID();
  const procedureId = randomUUID();
  await db.insert(locations).values({
    id: locationId,
    practiceId,
    name: 'Main clinic',
    address: '1 Spine Way, Springfield',
    phone: '+1 555 010 0100',
    state: 'IL',
  });
  await db.insert(patients).values({
    id: patientId,
    practiceId,
    givenName: patient.givenName ?? 'Rosa',
    familyName: patient.familyName ?? 'Delgado-Whitfield',
    birthDate: '1957-09-21',
  });
  await db.insert(episodes).values({ id: episodeId, practiceId, patientId, region: 'lumbar', complaint: {} });
  await db.insert(procedures).values({
    id: procedureId,
    practiceId,
    episodeId,
    patientId,
    locationId,
    kind: 'mbb',
    intent: 'diagnostic',
    date: '2026-03-02',
    joints: [
      { joint: 'L4-L5', side: 'bilateral' },
      { joint: 'L5-S1', side: 'bilateral' },
    ],
    agent: 'lidocaine',
    guidance: 'fluoroscopy',
    sedation: 'none',
    preScoreScale: 'NRS',
    preScore: 8,
    ...over,
  });
  return { locationId, patientId, episodeId, procedureId };
}
