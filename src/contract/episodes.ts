/**
 * Episodes over HTTP: a complaint in one region with its screening facts, baseline, function and
 * conservative care — the case format's complaint (src/contract/case.ts), stored as the episode's facts.
 */
import { z } from 'zod';
import { REGIONS } from '../domain/spine/joints.js';
import { complaintSchema } from './case.js';
import { procedureWithRecords } from './procedures.js';

/** The complaint facts without the region (the region is the episode's own and never changes). */
export const complaintFacts = complaintSchema.omit({ region: true }).superRefine((c, ctx) => {
  // The same checks the case file makes (caseSchema), so a stored episode always converts to a valid case.
  if (c.baseline?.scale === 'NRS' && !Number.isInteger(c.baseline.score)) {
    ctx.addIssue({
      code: 'custom',
      path: ['baseline', 'score'],
      message: 'an NRS score is a whole number 0–10',
    });
  }
  c.conservativeCare?.forEach((cc, i) => {
    if (cc.end < cc.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['conservativeCare', i, 'end'],
        message: `end (${cc.end}) is before start (${cc.start})`,
      });
    }
  });
});
export type ComplaintFacts = z.output<typeof complaintFacts>;

export const episodeStatus = z.enum(['open', 'closed']);

export const episodeInput = z.strictObject({
  region: z.enum(REGIONS),
  complaint: complaintFacts.default({}),
  locationId: z.uuid({ error: 'expected a location id (UUID)' }).optional(),
});

export const episodeUpdate = z.strictObject({
  /** Replaces the complaint facts as a whole (send what is known; leave out what is not). */
  complaint: complaintFacts.optional(),
  status: episodeStatus.optional(),
  locationId: z.uuid({ error: 'expected a location id (UUID)' }).nullable().optional(),
});

export const episode = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  locationId: z.uuid().nullable(),
  region: z.enum(REGIONS),
  complaint: z.record(z.string(), z.unknown()),
  status: episodeStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EpisodeDto = z.infer<typeof episode>;

/** The patient chart's data: the episode with its procedures, each with its diary and follow-ups. */
export const episodeChart = episode.extend({ procedures: z.array(procedureWithRecords) });

export const episodeList = z.object({ items: z.array(episode) });

export const evaluationQuery = z.strictObject({
  proposed: z.uuid({ error: 'expected the id (UUID) of a planned procedure of this episode' }),
  asOf: z.iso.date({ error: 'expected a calendar date YYYY-MM-DD' }).optional(),
});
