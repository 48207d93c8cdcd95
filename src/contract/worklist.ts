import { z } from 'zod';
import { WORKLIST_KINDS } from '../domain/pathway/worklist.js';
import { isoDate } from './case.js';
import { pageQuery } from './common.js';

export const worklistQuery = z.strictObject({
  ...pageQuery,
  locationId: z.uuid().optional(),
  /** Only this episode's items (the chart's "what is missing"). */
  episodeId: z.uuid({ error: 'expected an episode id (UUID)' }).optional(),
  kind: z.enum(WORKLIST_KINDS).optional(),
  /** Items due on or before this date (default today). */
  until: isoDate.optional(),
});

export const worklistPage = z.object({
  items: z.array(
    z.object({
      episodeId: z.uuid(),
      patientId: z.uuid(),
      patientName: z.string(),
      locationId: z.uuid().nullable(),
      kind: z.enum(WORKLIST_KINDS),
      dueDate: z.string(),
      reason: z.string(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
  total: z.number().int(),
  totalIsCapped: z.boolean(),
  limit: z.number().int(),
  offset: z.number().int(),
  until: z.string(),
});
