/**
 * "Would you recommend us?": the patient's short answer after a visit (public, no account) and the staff
 * summary (counts, Net Promoter Score, per location, the latest comments).
 */
import { z } from 'zod';
import { slugParam } from './public.js';

export { slugParam };

export const FEEDBACK_COMMENT_MAX = 1000;

export const feedbackInput = z.strictObject({
  /** "How likely are you to recommend us to a friend or family member?" 0 = not at all, 10 = extremely. */
  score: z
    .number({ error: 'expected a whole number from 0 to 10' })
    .int({ error: 'expected a whole number from 0 to 10' })
    .min(0, { error: 'expected a whole number from 0 to 10' })
    .max(10, { error: 'expected a whole number from 0 to 10' }),
  comment: z
    .string({ error: 'expected text' })
    .trim()
    .max(FEEDBACK_COMMENT_MAX, { error: `at most ${FEEDBACK_COMMENT_MAX} characters` })
    .optional(),
  /** Which of the practice's clinics the visit was at (from the practice's public page). */
  locationId: z.uuid({ error: 'expected a location id (UUID)' }).optional(),
  language: z.enum(['en', 'es'], { error: "expected 'en' or 'es'" }).default('en'),
  /**
   * The patient's diary link token, when they came from their diary: the answer is then linked to that
   * procedure (patient data, audited). A token that is unknown, of another practice, expired or withdrawn
   * is refused (400), so nobody can attach an answer to a patient by guessing.
   */
  diaryToken: z.string({ error: 'expected a diary link token' }).min(1).max(200).optional(),
});
export type FeedbackInput = z.output<typeof feedbackInput>;

export const feedbackCreated = z.object({ id: z.uuid() });

export const feedbackSummaryQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const counts = {
  total: z.number().int(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  /** Promoters (9–10) minus detractors (0–6), as a whole percentage of all answers; null with none. */
  nps: z.number().int().nullable(),
};

export const feedbackComment = z.object({
  id: z.uuid(),
  score: z.number().int(),
  comment: z.string(),
  language: z.enum(['en', 'es']),
  locationId: z.uuid().nullable(),
  locationName: z.string().nullable(),
  /** Sent from a patient's diary link (linked to a procedure; who it is is not shown here). */
  fromDiary: z.boolean(),
  createdAt: z.string(),
});
export type FeedbackCommentDto = z.infer<typeof feedbackComment>;

export const feedbackSummary = z.object({
  ...counts,
  /** Answers per score: scores[s] = how many answered s (0–10). */
  scores: z.array(z.number().int()).length(11),
  /** Every location with answers (by name); answers that named no clinic come last, with locationId null. */
  byLocation: z.array(z.object({ locationId: z.uuid().nullable(), name: z.string().nullable(), ...counts })),
  /** The latest answers with a comment, newest first. */
  comments: z.object({
    items: z.array(feedbackComment),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  }),
});
export type FeedbackSummaryDto = z.infer<typeof feedbackSummary>;
