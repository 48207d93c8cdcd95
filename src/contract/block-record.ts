/**
 * The rest of the block record (facet-pathway.md §3; issue 11): start time, room, the agent's concentration, a
 * steroid added, contrast, complications, observation minutes and the post-procedure provocation check. They
 * are documentation, not evaluation inputs, so they live beside the case format's fields rather than in it;
 * every one is optional, so older clients stay valid. Every message says in words what is expected.
 */
import { z } from 'zod';

export const STEROIDS = ['dexamethasone', 'triamcinolone', 'methylprednisolone', 'betamethasone'] as const;
export type Steroid = (typeof STEROIDS)[number];

export const COMPLICATIONS = [
  'vasovagal',
  'bleeding',
  'hematoma',
  'increased-pain',
  'numbness',
  'weakness',
  'intravascular-uptake',
  'dural-puncture',
  'allergic-reaction',
  'infection',
  'other',
] as const;
export type Complication = (typeof COMPLICATIONS)[number];

/** The bounds the contract enforces (the web form shows them as hints). */
export const BLOCK_RECORD_LIMITS = {
  concentrationPercentMax: 10,
  steroidDoseMgMax: 200,
  observationMinutesMax: 1440,
  provocationMinutesMax: 240,
  complicationsNoteMax: 500,
  activityMax: 200,
  roomMax: 40,
} as const;

const L = BLOCK_RECORD_LIMITS;

/** A local clock time, 24-hour, as written on the procedure sheet. */
export const localTime = z
  .string({ error: 'expected a time of day such as 14:05' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time of day as hours:minutes, e.g. 14:05' });

const number = (what: string) => z.number({ error: `expected ${what} as a number` });

const wholeMinutes = (max: number, what: string) =>
  number(what)
    .int({ error: `${what} is a whole number of minutes` })
    .min(0, { error: `${what} is at least 0 minutes` })
    .max(max, { error: `${what} is at most ${max} minutes` });

const painScore = number('a pain score')
  .min(0, { error: 'a pain score is at least 0' })
  .max(10, { error: 'a pain score is at most 10' })
  .refine((n) => Number.isInteger(Math.round(n * 10 * 1e6) / 1e6), {
    error: 'a pain score has at most one decimal',
  });

const words = (max: number, what: string) =>
  z
    .string({ error: `expected ${what} in words` })
    .trim()
    .min(1, { error: `${what} cannot be empty; leave it out instead` })
    .max(max, { error: `${what} has at most ${max} characters` });

export const steroidInput = z.strictObject({
  drug: z.enum(STEROIDS, { error: `expected one of ${STEROIDS.join(', ')}` }),
  doseMg: number('the steroid dose in mg')
    .positive({ error: 'the steroid dose is more than 0 mg' })
    .max(L.steroidDoseMgMax, { error: `the steroid dose is at most ${L.steroidDoseMgMax} mg` }),
});

export const complicationsInput = z
  .strictObject({
    /** Empty: no complications. */
    kinds: z
      .array(z.enum(COMPLICATIONS, { error: `expected one of ${COMPLICATIONS.join(', ')}` }))
      .max(COMPLICATIONS.length, { error: 'each complication is listed once' })
      .refine((k) => new Set(k).size === k.length, { error: 'each complication is listed once' }),
    note: words(L.complicationsNoteMax, 'the note on complications').optional(),
  })
  .superRefine((c, ctx) => {
    if (c.kinds.includes('other') && !c.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'say which other complication' });
    }
  });

export const provocationInput = z.strictObject({
  minutesAfter: wholeMinutes(L.provocationMinutesMax, 'the check').refine((m) => m > 0, {
    error: 'the check is at least 1 minute after the block',
  }),
  score: painScore,
  activity: words(L.activityMax, 'the activity tried'),
});

/** The fields, for a new procedure (each optional). */
export const blockRecordShape = {
  /** Local time at the procedure's location (its time zone); with `date` it makes the start instant. */
  startTime: localTime.optional(),
  room: words(L.roomMax, 'the room').optional(),
  agentConcentrationPercent: number('the concentration in %')
    .positive({ error: 'the concentration is more than 0 %' })
    .max(L.concentrationPercentMax, { error: `the concentration is at most ${L.concentrationPercentMax} %` })
    .optional(),
  steroid: steroidInput.optional(),
  contrast: z.boolean({ error: 'expected yes (true) or no (false)' }).optional(),
  complications: complicationsInput.optional(),
  observationMinutes: wholeMinutes(L.observationMinutesMax, 'the observation').optional(),
  provocation: provocationInput.optional(),
};

/** The same fields in a change: null clears one. */
export const blockRecordUpdateShape = {
  startTime: localTime.nullable().optional(),
  room: blockRecordShape.room.unwrap().nullable().optional(),
  agentConcentrationPercent: blockRecordShape.agentConcentrationPercent.unwrap().nullable().optional(),
  steroid: steroidInput.nullable().optional(),
  contrast: blockRecordShape.contrast.unwrap().nullable().optional(),
  complications: complicationsInput.nullable().optional(),
  observationMinutes: blockRecordShape.observationMinutes.unwrap().nullable().optional(),
  provocation: provocationInput.nullable().optional(),
};

interface BlockRecordFields {
  kind: string;
  status?: string | null | undefined;
  agent?: string | null | undefined;
  agentConcentrationPercent?: number | null | undefined;
  provocation?: unknown;
}

interface Sink {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void;
}

/** Checks across fields, for a new record and for a merged change. */
export function checkBlockRecord(r: BlockRecordFields, ctx: Sink): void {
  if (r.agentConcentrationPercent != null && !r.agent) {
    ctx.addIssue({
      code: 'custom',
      path: ['agentConcentrationPercent'],
      message: 'a concentration needs its agent; choose the anaesthetic agent',
    });
  }
  if (r.provocation != null) {
    if (r.kind !== 'mbb' && r.kind !== 'intra-articular') {
      ctx.addIssue({
        code: 'custom',
        path: ['provocation'],
        message: 'the provocation check is for medial branch blocks and intra-articular injections only',
      });
    } else if (r.status === 'planned') {
      ctx.addIssue({
        code: 'custom',
        path: ['provocation'],
        message: 'a planned block has no provocation check yet; record it once the block is done',
      });
    }
  }
}

// Responses ----------------------------------------------------------------------------------------------

export const blockRecordDtoShape = {
  /** The start as an instant with the location's offset (e.g. 2026-03-14T14:05:00-04:00), or null. */
  startedAt: z.string().nullable(),
  /** The IANA zone the start time was read in (the location's at the time). */
  timeZone: z.string().nullable(),
  /** The local start time, hours:minutes, in `timeZone`. */
  startTime: z.string().nullable(),
  room: z.string().nullable(),
  agentConcentrationPercent: z.number().nullable(),
  steroid: z.object({ drug: z.enum(STEROIDS), doseMg: z.number() }).nullable(),
  contrast: z.boolean().nullable(),
  /** Null: not recorded; `kinds: []`: none. */
  complications: z.object({ kinds: z.array(z.enum(COMPLICATIONS)), note: z.string().nullable() }).nullable(),
  observationMinutes: z.number().int().nullable(),
  /** The provocation check in recovery: the diary's first point (its entry is marked `inRecovery`). */
  provocation: z
    .object({ minutesAfter: z.number().int(), score: z.number(), activity: z.string().nullable() })
    .nullable(),
};
