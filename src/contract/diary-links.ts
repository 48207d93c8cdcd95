/** Patient diary links: staff create, list and revoke them; the patient reads the diary and adds entries. */
import { z } from 'zod';
import { diaryEntry } from './procedures.js';

export const MAX_LINK_HOURS = 336;

export const diaryLinkInput = z
  .strictObject({
    expiresInHours: z
      .number()
      .int({ error: 'expected whole hours' })
      .min(1)
      .max(MAX_LINK_HOURS, { error: `a link lasts at most ${MAX_LINK_HOURS} hours (14 days)` })
      .default(72),
  })
  .nullish();

export const diaryLinkCreated = z.object({
  linkId: z.uuid(),
  token: z.string(),
  url: z.string(),
  expiresAt: z.string(),
});

export const diaryLink = z.object({
  id: z.uuid(),
  procedureId: z.uuid(),
  status: z.enum(['active', 'expired', 'revoked']),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  createdBy: z.uuid(),
  createdAt: z.string(),
});
export type DiaryLinkDto = z.infer<typeof diaryLink>;
export const diaryLinkList = z.object({ items: z.array(diaryLink) });

/** The token in the path: 32 random bytes, base64url (43 characters). Anything else is simply unknown. */
export const tokenParam = z.strictObject({
  token: z.string().min(1).max(200),
});

/** A patient adds entries exactly as staff do (one contract, one use case: recordDiaryEntry). */
export { type DiaryEntryDto, type DiaryEntryInput, diaryEntry, diaryEntryInput } from './procedures.js';

export const patientDiary = z.object({
  procedure: z.object({
    date: z.string(),
    kind: z.string(),
    region: z.string(),
    joints: z.array(z.object({ joint: z.string(), side: z.string() })),
  }),
  patient: z.object({ givenName: z.string() }),
  /** The practice's public site (for "would you recommend us?" once the diary is done). */
  practice: z.object({ slug: z.string(), name: z.string() }),
  preScore: z.object({ scale: z.string(), score: z.number() }).nullable(),
  schedule: z.array(
    z.object({ label: z.string(), minutesAfter: z.number().int().nullable(), filled: z.boolean() }),
  ),
  entries: z.array(diaryEntry),
  nextDueMinutes: z.number().int().nullable(),
  expiresAt: z.string(),
  /**
   * When the block started, ISO 8601 with the location's offset (2026-03-14T14:05:00-04:00), and that zone:
   * the diary then shows clock times ("next entry at 14:30"). Null when the start time was not recorded.
   */
  startedAt: z.string().nullable(),
  timeZone: z.string().nullable(),
});
export type PatientDiaryDto = z.infer<typeof patientDiary>;
