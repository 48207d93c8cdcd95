/**
 * Drizzle table definitions mirroring migrations/*.sql (the SQL files are the source of truth for the
 * database; a test checks that every column here exists there with the same name).
 */
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Complication, Steroid } from '../contract/block-record.js';
import type { ComplaintFacts, CoverageKind, PainScale, Procedure } from '../domain/case.js';
import type { WorklistKind } from '../domain/pathway/worklist.js';
import type { JointSide, Region } from '../domain/spine/joints.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

// Columns whose values are the clinical core's enums and facts carry the domain's types ($type: types only,
// the SQL is unchanged). The values were checked by the contract on the way in.
type Optional<K extends keyof Procedure> = NonNullable<Procedure[K]>;

export const practices = pgTable('practices', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  phone: text('phone'),
  policyByCoverage: jsonb('policy_by_coverage')
    .$type<Partial<Record<CoverageKind, string>>>()
    .notNull()
    .default({}),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const locations = pgTable('locations', {
  id: uuid('id').primaryKey(),
  practiceId: uuid('practice_id').notNull(),
  name: text('name').notNull(),
  address: text('address').notNull(),
  phone: text('phone').notNull(),
  state: text('state').notNull(),
  rooms: jsonb('rooms').$type<string[]>().notNull().default([]),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
  // migrations/0008_block_record.sql — the IANA zone the location's clock times are read in.
  timeZone: text('time_zone').notNull().default('America/New_York'),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  practiceId: uuid('practice_id').notNull(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: text('role').$type<'admin' | 'physician' | 'coordinator'>().notNull(),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: ts('locked_until'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  practiceId: uuid('practice_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  expiresAt: ts('expires_at').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const patients = pgTable('patients', {
  id: uuid('id').primaryKey(),
  practiceId: uuid('practice_id').notNull(),
  mrn: text('mrn'),
  givenName: text('given_name').notNull(),
  familyName: text('family_name').notNull(),
  birthDate: day('birth_date').notNull(),
  phone: text('phone'),
  email: text('email'),
  language: text('language').$type<'en' | 'es'>().notNull().default('en'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const coverages = pgTable('coverages', {
  id: uuid('id').primaryKey(),
  practiceId: uuid('practice_id').notNull(),
  patientId: uuid('patient_id').notNull(),
  kind: text('kind').$type<CoverageKind>().notNull(),
  state: text('state').notNull(),
  payerName: text('payer_name'),
  memberId: text('member_id'),
  policy: text('policy'),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const episodes = pgTable('episodes', {
  id: uuid('id').primaryKey(),
  practiceId: uuid('practice_id').notNull(),
  patientId: uuid('patient_id').notNull(),
  locationId: uuid('location_id'),
  region: text('region').$type<Region>().notNull(),
  complaint: jsonb('complaint').$type<ComplaintFacts>().notNull(),
  status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const procedures = pgTable('procedures', {
  id: uuid('id').primaryKey(),
  practiceId: uuid('practice_id').notNull(),
  episodeId: uuid('episode_id').notNull(),
  patientId: uuid('patient_id').notNull(),
  locationId: uuid('location_id'),
  physicianId: uuid('physician_id'),
  status: text('status').$type<'planned' | 'done' | 'cancelled'>().notNull().default('done'),
  kind: text('kind').$type<Procedure['kind']>().notNull(),
  otherBlock: text('other_block').$type<Optional<'otherBlock'>>(),
  intent: text('intent').$type<Procedure['intent']>().notNull(),
  date: day('date').notNull(),
  joints: jsonb('joints').$type<JointSide[]>().notNull(),
  agent: text('agent').$type<Optional<'agent'>>(),
  volumeMlPerNerve: doublePrecision('volume_ml_per_nerve'),
  guidance: text('guidance').$type<Procedure['guidance']>().notNull(),
  sedation: text('sedation').$type<Procedure['sedation']>().notNull(),
  sedationJustified: boolean('sedation_justified'),
  technique: text('technique').$type<Optional<'technique'>>(),
  temperatureC: doublePrecision('temperature_c'),
  preScoreScale: text('pre_score_scale').$type<PainScale>(),
  preScore: doublePrecision('pre_score'),
  interpretedAt: ts('interpreted_at'),
  interpretedBy: uuid('interpreted_by'),
  // Migration 0009: the diary closed by staff, and the sign-off's note and override.
  diaryClosedAt: ts('diary_closed_at'),
  diaryClosedBy: uuid('diary_closed_by'),
  diaryCloseReason: text('diary_close_reason'),
  signNote: text('sign_note'),
  overrideResult: text('override_result').$type<'positive' | 'negative' | 'indeterminate'>(),
  overrideReason: text('override_reason'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  // migrations/0008_block_record.sql — the rest of the block record (facet-pathway.md §3; ADR 0013).
  startedAt: ts('started_at'),
  timeZone: text('time_zone'),
  room: text('room'),
  agentConcentrationPercent: doublePrecision('agent_concentration_percent'),
  steroid: text('steroid').$type<Steroid>(),
  steroidDoseMg: doublePrecision('steroid_dose_mg'),
  contrast: boolean('contrast'),
  complications: jsonb('complications').$type<Complication[]>(),
  complicationsNote: text('complications_note'),
  observationMinutes: integer('observation_minutes'),
});

export const diaryEntries = pgTable('diary_entries', {
  id: uuid('id').primaryKey(),
  practiceId: uuid('practice_id').notNull(),
  procedureId: uuid('procedure_id').notNull(),
  minutesAfter: integer('minutes_after').notNull(),
  score: doublePrecision('score').notNull(),
  activity: text('activity'),
  rescueMedication: boolean('rescue_medication'),
  idempotencyKey: text('idempotency_key').notNull(),
  source: text('source').$type<'patient' | 'staff'>().notNull(),
  recordedAt: ts('recorded_at').notNull().defaultNow(),
  // migrations/0008_block_record.sql — the provocation check, recorded by staff in the recovery area.
  inRecovery: boolean('in_recovery').notNull().default(false),
});

export const followUps = pgTable('follow_ups', {
  id: uuid('id').primaryKey(),
  practiceId: uuid('practice_id').notNull(),
  procedureId: uuid('procedure_id').notNull(),
  date: day('date').notNull(),
  reliefPercent: doublePrecision('relief_percent').notNull(),
  functionImprovementPercent: doublePrecision('function_improvement_percent'),
  nrs: doublePrecision('nrs'),
  // Migration 0009.
  functionScore: doublePrecision('function_score'),
  ableToDoActivities: boolean('able_to_do_activities'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const diaryLinks = pgTable('diary_links', {
  id: uuid('id').primaryKey(),
  practiceId: uuid('practice_id').notNull(),
  procedureId: uuid('procedure_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  expiresAt: ts('expires_at').notNull(),
  revokedAt: ts('revoked_at'),
  createdBy: uuid('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const appointments = pgTable('appointments', {
  id: uuid('id').primaryKey(),
  practiceId: uuid('practice_id').notNull(),
  patientId: uuid('patient_id').notNull(),
  locationId: uuid('location_id').notNull(),
  physicianId: uuid('physician_id'),
  room: text('room'),
  startsAt: ts('starts_at').notNull(),
  minutes: integer('minutes').notNull(),
  purpose: text('purpose').notNull(),
  status: text('status').$type<'booked' | 'done' | 'cancelled' | 'no-show'>().notNull().default('booked'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const screeningRequests = pgTable('screening_requests', {
  id: uuid('id').primaryKey(),
  practiceId: uuid('practice_id').notNull(),
  locationId: uuid('location_id').notNull(),
  answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
  contact: jsonb('contact').$type<Record<string, unknown>>().notNull(),
  insurance: jsonb('insurance').$type<Record<string, unknown> | null>(),
  language: text('language').notNull().default('en'),
  status: text('status').$type<'new' | 'accepted' | 'declined'>().notNull().default('new'),
  patientId: uuid('patient_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  // migrations/0003_admin_requests.sql
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at'),
  declineReason: text('decline_reason'),
});

export const worklistItems = pgTable(
  'worklist_items',
  {
    practiceId: uuid('practice_id').notNull(),
    episodeId: uuid('episode_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    locationId: uuid('location_id'),
    kind: text('kind').$type<WorklistKind>().notNull(),
    dueDate: day('due_date').notNull(),
    reason: text('reason').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.episodeId, t.kind] })],
);

export const worklistDirty = pgTable('worklist_dirty', {
  episodeId: uuid('episode_id').primaryKey(),
  practiceId: uuid('practice_id').notNull(),
  markedAt: ts('marked_at').notNull().defaultNow(),
});

export const auditEvents = pgTable('audit_events', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  at: ts('at').notNull(),
  practiceId: uuid('practice_id'),
  actorType: text('actor_type').$type<'user' | 'patient-link' | 'public' | 'system'>().notNull(),
  actorId: text('actor_id'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  patientId: uuid('patient_id'),
  requestId: text('request_id'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

export const schema = {
  practices,
  locations,
  users,
  sessions,
  patients,
  coverages,
  episodes,
  procedures,
  diaryEntries,
  followUps,
  diaryLinks,
  appointments,
  screeningRequests,
  worklistItems,
  worklistDirty,
  auditEvents,
};

// migrations/0007_feedback.sql — "would you recommend us?" answers (anonymous unless from a diary link).
export const feedback = pgTable('feedback', {
  id: uuid('id').primaryKey(),
  practiceId: uuid('practice_id').notNull(),
  locationId: uuid('location_id'),
  score: integer('score').notNull(),
  comment: text('comment'),
  language: text('language').$type<'en' | 'es'>().notNull(),
  diaryLinkId: uuid('diary_link_id'),
  procedureId: uuid('procedure_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
