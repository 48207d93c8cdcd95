/**
 * A VALID request for every API route, built from resources seeded in one practice through the API.
 *
 * ADDING A ROUTE? Add its example to EXAMPLES below, keyed "METHOD /url/:params" exactly as registered
 * (HEAD routes reuse their GET example). test/http/security-matrix.test.ts fails while any route of the
 * running server has none, and it checks that the practice's own permitted roles get a 2xx with it — then
 * walks the route as every role of another practice, with unknown ids and with this practice's ids, and
 * test/http/fuzz.test.ts mutates the example field by field. If the route creates a new kind of record,
 * also add a creator to `creators` and a line to `seedPractice`.
 *
 * Examples are functions, called anew for every request: a body with a unique value (an email) or a
 * request that consumes its resource (revoke, accept, decline, sign-out) builds a fresh one each time.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Role } from '../../src/app/actor.js';
import { PASSWORD, type Session, type TestApp } from './app.js';
import { type Method, type RequestParts, type Route, send, urlOf } from './route-catalog.js';

export interface Seed {
  practice: number;
  practiceId: string;
  slug: string;
  /** A marker in every name this seed writes: another practice's answer must never contain it. */
  tag: string;
  users: Record<Role, { id: string; email: string }>;
  sessions: Record<Role, Session>;
  /** One of each resource, as far as the routes to create it exist. */
  ids: {
    location?: string;
    staff?: string;
    patient?: string;
    episode?: string;
    procedure?: string;
    plannedProcedure?: string;
    rfa?: string;
    diaryEntry?: string;
    followUp?: string;
    diaryLink?: string;
    appointment?: string;
    request?: string;
    feedback?: string;
  };
  diaryToken?: string;
  /** A staff account whose only use is the sign-in example (so fuzzing its password locks nobody else). */
  signInUser: { email: string; password: string };
}

export interface ExampleContext {
  t: TestApp;
  seed: Seed;
  create: Creators;
  /** A number never returned before (unique emails, idempotency keys, diary times). */
  unique(): number;
}

export interface Example {
  build(x: ExampleContext): RequestParts | Promise<RequestParts>;
  /** The request ends the caller's session (sign-out): callers use a throw-away session. */
  endsSession?: true;
}

let counter = 0;
const unique = () => ++counter;

const CASE_FILE = JSON.parse(
  readFileSync(new URL('../golden/medicare-lcd-facet/01-first-mbb-eligible.json', import.meta.url), 'utf8'),
).case;

// Creators: one resource each, through the API as the seed's practice. -----------------------------------

type Has = (key: string) => boolean;

async function ok(
  t: TestApp,
  s: Session | null,
  method: Method,
  url: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const res = await send(t.app, s, { method, url, ...(body !== undefined ? { body } : {}) });
  if (res.statusCode >= 300) throw new Error(`seeding ${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

export function creators(t: TestApp, seed: Seed, has: Has) {
  const s = seed.sessions;
  const A = '/api/v1';
  return {
    async location(): Promise<string | undefined> {
      if (!has('POST /api/v1/locations')) return undefined;
      const r = await ok(t, s.admin, 'POST', `${A}/locations`, {
        name: `Clinic ${seed.tag} ${unique()}`,
        address: '1 Main Street, Springfield',
        phone: '+1 555 010 0100',
        state: 'CA',
        rooms: ['Room 1', 'C-arm 1'],
      });
      return r.id as string;
    },
    async staff(): Promise<string | undefined> {
      if (!has('POST /api/v1/staff')) return undefined;
      const r = await ok(t, s.admin, 'POST', `${A}/staff`, {
        email: `staff${unique()}.${seed.tag}@example.org`,
        name: `Staff ${seed.tag}`,
        role: 'coordinator',
        password: PASSWORD,
      });
      return r.id as string;
    },
    async patient(): Promise<string | undefined> {
      if (!has('POST /api/v1/patients')) return undefined;
      const r = await ok(t, s.coordinator, 'POST', `${A}/patients`, {
        givenName: 'Alma',
        familyName: `Leak${seed.tag}`,
        birthDate: '1958-04-12',
      });
      return r.id as string;
    },
    async episode(patientId = seed.ids.patient): Promise<string | undefined> {
      if (!patientId) return undefined;
      if (!has('POST /api/v1/patients/:id/episodes')) {
        // No route yet: a row, so the routes that read episodes can still be walked.
        const id = randomUUID();
        await t.svc.database.query(
          `INSERT INTO episodes (id, practice_id, patient_id, region, complaint) VALUES ($1, $2, $3, 'lumbar', '{}')`,
          [id, seed.practiceId, patientId],
        );
        return id;
      }
      const r = await ok(t, s.physician, 'POST', `${A}/patients/${patientId}/episodes`, {
        region: 'lumbar',
        complaint: CASE_FILE.complaint && { ...CASE_FILE.complaint, region: undefined },
      });
      return r.id as string;
    },
    async procedure(episodeId = seed.ids.episode): Promise<string | undefined> {
      if (!episodeId) return undefined;
      if (!has('POST /api/v1/episodes/:id/procedures')) {
        // No route yet: a row (a diagnostic MBB), so the routes that read procedures can still be walked.
        const id = randomUUID();
        await t.svc.database.query(
          `INSERT INTO procedures (id, practice_id, episode_id, patient_id, kind, intent, date, joints, agent,
             guidance, sedation, pre_score_scale, pre_score)
           SELECT $1, practice_id, id, patient_id, 'mbb', 'diagnostic', '2026-02-20',
             '[{"joint":"L4-L5","side":"bilateral"}]', 'lidocaine', 'fluoroscopy', 'local', 'NRS', 7
             FROM episodes WHERE id = $2`,
          [id, episodeId],
        );
        return id;
      }
      const r = await ok(t, s.physician, 'POST', `${A}/episodes/${episodeId}/procedures`, procedureBody());
      return r.id as string;
    },
    /** A block done today (the test clock's day): its 24-hour diary is open. */
    async openDiaryBlock(episodeId = seed.ids.episode): Promise<string | undefined> {
      if (!episodeId || !has('POST /api/v1/episodes/:id/procedures')) return undefined;
      const r = await ok(t, s.physician, 'POST', `${A}/episodes/${episodeId}/procedures`, {
        ...procedureBody(),
        date: new Date(t.svc.clock()).toISOString().slice(0, 10),
      });
      return r.id as string;
    },
    async plannedProcedure(episodeId = seed.ids.episode): Promise<string | undefined> {
      if (!episodeId || !has('POST /api/v1/episodes/:id/procedures')) return undefined;
      const r = await ok(t, s.physician, 'POST', `${A}/episodes/${episodeId}/procedures`, {
        ...procedureBody(),
        date: '2026-03-10',
        status: 'planned',
        preScore: undefined,
      });
      return r.id as string;
    },
    async rfa(episodeId = seed.ids.episode): Promise<string | undefined> {
      if (!episodeId || !has('POST /api/v1/episodes/:id/procedures')) return undefined;
      const r = await ok(t, s.physician, 'POST', `${A}/episodes/${episodeId}/procedures`, {
        kind: 'rfa',
        intent: 'therapeutic',
        date: '2026-02-25',
        joints: [{ joint: 'L4-L5', side: 'bilateral' }],
        guidance: 'fluoroscopy',
        sedation: 'local',
        technique: 'thermal',
        temperatureC: 80,
      });
      return r.id as string;
    },
    async diaryEntry(procedureId = seed.ids.procedure): Promise<string | undefined> {
      if (!procedureId || !has('POST /api/v1/procedures/:id/diary-entries')) return undefined;
      let last: string | undefined;
      for (const [minutesAfter, score] of [
        [30, 1],
        [60, 2],
        [240, 3],
      ] as const) {
        const r = await ok(t, s.coordinator, 'POST', `${A}/procedures/${procedureId}/diary-entries`, {
          minutesAfter,
          score,
          idempotencyKey: `seed-${seed.tag}-${minutesAfter}`,
        });
        last = r.id as string;
      }
      return last;
    },
    async followUp(procedureId = seed.ids.rfa): Promise<string | undefined> {
      if (!procedureId || !has('POST /api/v1/procedures/:id/follow-ups')) return undefined;
      const r = await ok(t, s.coordinator, 'POST', `${A}/procedures/${procedureId}/follow-ups`, {
        date: '2026-03-01',
        reliefPercent: 70,
      });
      return r.id as string;
    },
    async appointment(): Promise<string | undefined> {
      if (!seed.ids.patient || !seed.ids.location || !has('POST /api/v1/appointments')) return undefined;
      const r = await ok(t, s.coordinator, 'POST', `${A}/appointments`, appointmentBody(seed, unique()));
      return r.id as string;
    },
    async deactivatedStaff(): Promise<string | undefined> {
      const id = await this.staff();
      if (!id) return undefined;
      await ok(t, s.admin, 'POST', `${A}/staff/${id}/deactivate`);
      return id;
    },
    async diaryLink(procedureId = seed.ids.procedure): Promise<{ id: string; token: string } | undefined> {
      if (!procedureId || !has('POST /api/v1/procedures/:id/diary-links')) return undefined;
      const r = await ok(t, s.coordinator, 'POST', `${A}/procedures/${procedureId}/diary-links`, {
        expiresInHours: 72,
      });
      return { id: r.linkId as string, token: r.token as string };
    },
    async request(): Promise<string | undefined> {
      if (!seed.ids.location || !has('POST /api/v1/public/practices/:slug/screening-requests'))
        return undefined;
      const r = await ok(t, null, 'POST', `${A}/public/practices/${seed.slug}/screening-requests`, {
        ...screeningBody(seed),
      });
      return r.id as string;
    },
    async feedback(): Promise<string | undefined> {
      if (!has('POST /api/v1/public/practices/:slug/feedback')) return undefined;
      const r = await ok(t, null, 'POST', `${A}/public/practices/${seed.slug}/feedback`, feedbackBody(seed));
      return r.id as string;
    },
  };
}
export type Creators = ReturnType<typeof creators>;

/** "Would you recommend us?" with a comment, the seed's clinic and (when there is one) its diary link. */
const feedbackBody = (seed: Seed) => ({
  score: 9,
  comment: `Kind staff, short wait ${seed.tag}`,
  ...(seed.ids.location ? { locationId: seed.ids.location } : {}),
  ...(seed.diaryToken ? { diaryToken: seed.diaryToken } : {}),
  language: 'es',
});

const procedureBody = () => ({
  kind: 'mbb',
  intent: 'diagnostic',
  date: '2026-02-20',
  joints: [{ joint: 'L4-L5', side: 'bilateral' }],
  agent: 'lidocaine',
  volumeMlPerNerve: 0.5,
  guidance: 'fluoroscopy',
  sedation: 'local',
  preScore: { scale: 'NRS', score: 7 },
});

/** An appointment at a time of its own (n), so no two examples collide on the room or the physician. */
const appointmentBody = (seed: Seed, n: number) => ({
  patientId: seed.ids.patient,
  locationId: seed.ids.location,
  physicianId: seed.users.physician.id,
  room: 'Room 1',
  startsAt: new Date(Date.UTC(2026, 3, 1, 8) + n * 60 * 60_000).toISOString(),
  minutes: 30,
  purpose: 'mbb',
});

const screeningBody = (seed: Seed) => ({
  answers: {
    painArea: 'low-back',
    duration: '>6 months',
    worseWithMovement: true,
    radiation: 'none',
    treatmentsTried: ['physical-therapy'],
    imaging: 'none',
    redFlags: ['none'],
  },
  locationId: seed.ids.location,
  preferredTimes: 'mornings',
  contact: { givenName: 'Rosa', familyName: `Leak${seed.tag}`, phone: '+1 555 010 0142' },
  language: 'en',
});

/** Creates one of each resource in a practice, through its own users, as far as the routes exist. */
export async function seedPractice(
  t: TestApp,
  practice: number,
  sessions: Record<Role, Session>,
  routes: Route[],
): Promise<Seed> {
  const keys = new Set(routes.map((r) => r.key));
  const has: Has = (k) => keys.has(k);
  const practiceId = t.practices[practice]!.id;
  const [p] = await t.svc.database.query<{ slug: string }>('SELECT slug FROM practices WHERE id = $1', [
    practiceId,
  ]);
  const tag = `Q${randomBytes(5).toString('hex')}`;
  const seed: Seed = {
    practice,
    practiceId,
    slug: p!.slug,
    tag,
    users: t.practices[practice]!.users,
    sessions,
    ids: {},
    signInUser: { email: `signin.${tag.toLowerCase()}@example.org`, password: PASSWORD },
  };
  await addSignInUser(t, seed);
  const c = creators(t, seed, has);
  seed.ids.location = await c.location();
  seed.ids.staff = await c.staff();
  seed.ids.patient = await c.patient();
  seed.ids.episode = await c.episode();
  seed.ids.procedure = await c.procedure();
  seed.ids.plannedProcedure = await c.plannedProcedure();
  seed.ids.rfa = await c.rfa();
  seed.ids.diaryEntry = await c.diaryEntry();
  seed.ids.followUp = await c.followUp();
  seed.ids.appointment = await c.appointment();
  const link = await c.diaryLink();
  if (link) {
    seed.ids.diaryLink = link.id;
    seed.diaryToken = link.token;
  }
  seed.ids.request = await c.request();
  seed.ids.feedback = await c.feedback();
  return seed;
}

async function addSignInUser(t: TestApp, seed: Seed): Promise<void> {
  const { insertUser } = await import('../../src/store/practices.js');
  const { hashPassword } = await import('../../src/app/auth/passwords.js');
  await insertUser(t.svc.database.db, {
    id: randomUUID(),
    practiceId: seed.practiceId,
    email: seed.signInUser.email,
    name: `Sign-in ${seed.tag}`,
    role: 'coordinator',
    passwordHash: await hashPassword(seed.signInUser.password),
    createdAt: t.svc.clock(),
  });
}

// The examples. ------------------------------------------------------------------------------------------

const need = (v: string | undefined, what: string): string => {
  if (!v) throw new Error(`the seed has no ${what} (the route that creates it is missing)`);
  return v;
};

export const EXAMPLES: Record<string, Example> = {
  'GET /api/v1/health': { build: () => ({}) },
  'GET /api/v1/ready': { build: () => ({}) },
  'POST /api/v1/auth/sign-in': {
    build: ({ seed }) => ({ body: { email: seed.signInUser.email, password: seed.signInUser.password } }),
  },
  'GET /api/v1/auth/session': { build: () => ({}) },
  'POST /api/v1/auth/sign-out': { build: () => ({}), endsSession: true },

  // Patients and coverage
  'GET /api/v1/patients': {
    build: ({ seed }) => ({ query: { q: `Leak${seed.tag}`, limit: '20' } }),
  },
  'POST /api/v1/patients': {
    build: ({ seed }) => ({
      body: { givenName: 'Nora', familyName: `Leak${seed.tag}`, birthDate: '1961-05-30', language: 'es' },
    }),
  },
  'GET /api/v1/patients/:id': {
    build: ({ seed }) => ({ params: { id: need(seed.ids.patient, 'patient') } }),
  },
  'PATCH /api/v1/patients/:id': {
    build: ({ seed }) => ({
      params: { id: need(seed.ids.patient, 'patient') },
      body: { phone: '+1 555 010 0199' },
    }),
  },
  'GET /api/v1/patients/:id/coverage': {
    build: async ({ seed, t }) => {
      const id = need(seed.ids.patient, 'patient');
      // The patient needs a coverage to read: set one (idempotent).
      await ok(t, seed.sessions.coordinator, 'PUT', `/api/v1/patients/${id}/coverage`, coverageBody);
      return { params: { id } };
    },
  },
  'PUT /api/v1/patients/:id/coverage': {
    build: ({ seed }) => ({ params: { id: need(seed.ids.patient, 'patient') }, body: coverageBody }),
  },

  // Evaluation and worklist
  'POST /api/v1/evaluate': { build: () => ({ query: { policy: 'medicare-lcd-facet' }, body: CASE_FILE }) },
  'GET /api/v1/worklist': {
    build: ({ seed }) => ({
      query: { limit: '20', ...(seed.ids.location ? { locationId: seed.ids.location } : {}) },
    }),
  },

  // Public pages
  'GET /api/v1/public/practices/:slug': { build: ({ seed }) => ({ params: { slug: seed.slug } }) },
  'POST /api/v1/public/practices/:slug/screening-requests': {
    build: ({ seed }) => {
      need(seed.ids.location, 'location');
      return { params: { slug: seed.slug }, body: screeningBody(seed) };
    },
  },

  'POST /api/v1/public/practices/:slug/feedback': {
    build: ({ seed }) => ({ params: { slug: seed.slug }, body: feedbackBody(seed) }),
  },
  'GET /api/v1/feedback/summary': { build: () => ({ query: { limit: '5', offset: '0' } }) },

  // Diary links (staff) and the patient's diary
  'POST /api/v1/procedures/:id/diary-links': {
    build: ({ seed }) => ({
      params: { id: need(seed.ids.procedure, 'procedure') },
      body: { expiresInHours: 48 },
    }),
  },
  'GET /api/v1/procedures/:id/diary-links': {
    build: ({ seed }) => ({ params: { id: need(seed.ids.procedure, 'procedure') } }),
  },
  'DELETE /api/v1/diary-links/:id': {
    build: async ({ create }) => {
      const link = await create.diaryLink();
      return { params: { id: need(link?.id, 'diary link') } };
    },
  },
  'GET /api/v1/diary/:token': {
    build: ({ seed }) => ({ params: { token: need(seed.diaryToken, 'diary token') } }),
  },
  'POST /api/v1/diary/:token/entries': {
    build: ({ seed, unique }) => {
      const n = unique();
      return {
        params: { token: need(seed.diaryToken, 'diary token') },
        body: { minutesAfter: 10 + (n % 20_000), score: 3, idempotencyKey: `key-${seed.tag}-${n}` },
      };
    },
  },

  // Episodes, evaluation of an episode
  'POST /api/v1/patients/:id/episodes': {
    build: ({ seed }) => ({
      params: { id: need(seed.ids.patient, 'patient') },
      body: {
        region: 'cervical',
        complaint: { axial: true, radicular: 'none' },
        ...(seed.ids.location ? { locationId: seed.ids.location } : {}),
      },
    }),
  },
  'GET /api/v1/patients/:id/episodes': {
    build: ({ seed }) => ({ params: { id: need(seed.ids.patient, 'patient') } }),
  },
  'GET /api/v1/episodes/:id': {
    build: ({ seed }) => ({ params: { id: need(seed.ids.episode, 'episode') } }),
  },
  'PATCH /api/v1/episodes/:id': {
    build: ({ seed }) => ({
      params: { id: need(seed.ids.episode, 'episode') },
      body: { complaint: { ...CASE_FILE.complaint, region: undefined }, status: 'open' },
    }),
  },
  'GET /api/v1/episodes/:id/case': {
    build: ({ seed }) => ({
      params: { id: need(seed.ids.episode, 'episode') },
      query: { proposed: need(seed.ids.plannedProcedure, 'planned procedure'), asOf: '2026-03-02' },
    }),
  },
  'GET /api/v1/episodes/:id/evaluation': {
    build: ({ seed }) => ({
      params: { id: need(seed.ids.episode, 'episode') },
      query: { proposed: need(seed.ids.plannedProcedure, 'planned procedure'), asOf: '2026-03-02' },
    }),
  },

  'GET /api/v1/episodes/:id/packet.pdf': {
    build: async ({ seed, t }) => {
      // The decision needs an active coverage: set one (idempotent).
      const patient = need(seed.ids.patient, 'patient');
      await ok(t, seed.sessions.coordinator, 'PUT', `/api/v1/patients/${patient}/coverage`, coverageBody);
      return {
        params: { id: need(seed.ids.episode, 'episode') },
        query: { proposed: need(seed.ids.plannedProcedure, 'planned procedure'), asOf: '2026-03-02' },
      };
    },
  },

  // Procedures, diary entries, follow-ups, interpretation
  'POST /api/v1/episodes/:id/procedures': {
    build: ({ seed }) => ({
      params: { id: need(seed.ids.episode, 'episode') },
      body: {
        ...procedureBody(),
        date: '2026-03-20',
        status: 'planned',
        ...(seed.ids.location ? { locationId: seed.ids.location } : {}),
        physicianId: seed.users.physician.id,
      },
    }),
  },
  'GET /api/v1/episodes/:id/procedures': {
    build: ({ seed }) => ({ params: { id: need(seed.ids.episode, 'episode') } }),
  },
  'GET /api/v1/procedures/:id': {
    build: ({ seed }) => ({ params: { id: need(seed.ids.procedure, 'procedure') } }),
  },
  'PATCH /api/v1/procedures/:id': {
    build: ({ seed }) => ({
      params: { id: need(seed.ids.procedure, 'procedure') },
      body: { volumeMlPerNerve: 0.5, sedation: 'local' },
    }),
  },
  'POST /api/v1/procedures/:id/diary-entries': {
    build: ({ seed, unique }) => {
      const n = unique();
      return {
        params: { id: need(seed.ids.procedure, 'procedure') },
        body: { minutesAfter: 1000 + (n % 15_000), score: 4, idempotencyKey: `staff-${seed.tag}-${n}` },
      };
    },
  },
  'POST /api/v1/procedures/:id/follow-ups': {
    build: ({ seed }) => ({
      params: { id: need(seed.ids.rfa, 'RFA procedure') },
      body: {
        date: '2026-03-02',
        reliefPercent: 60,
        functionImprovementPercent: 40,
        nrs: 3,
        functionScore: 22,
        ableToDoActivities: true,
      },
    }),
  },
  'GET /api/v1/procedures/:id/interpretation': {
    build: ({ seed }) => ({ params: { id: need(seed.ids.procedure, 'procedure') } }),
  },
  'POST /api/v1/procedures/:id/interpretation': {
    build: ({ seed }) => ({
      params: { id: need(seed.ids.procedure, 'procedure') },
      body: {
        note: 'Relief matched the provoked activity.',
        override: { result: 'positive', reason: 'The 4 h entry was taken after a long drive.' },
      },
    }),
  },
  'POST /api/v1/procedures/:id/diary/close': {
    build: async ({ create }) => ({
      params: { id: need(await create.openDiaryBlock(), 'block with an open diary') },
      body: { reason: 'The patient stopped the diary after 4 hours; pain back to baseline.' },
    }),
  },

  // Appointments
  'GET /api/v1/appointments': {
    build: ({ seed }) => ({
      query: {
        date: '2026-04-01',
        tz: 'America/Los_Angeles',
        ...(seed.ids.location ? { locationId: seed.ids.location } : {}),
        physicianId: seed.users.physician.id,
      },
    }),
  },
  'POST /api/v1/appointments': {
    build: ({ seed, unique }) => {
      need(seed.ids.patient, 'patient');
      need(seed.ids.location, 'location');
      return { body: appointmentBody(seed, unique()) };
    },
  },
  'GET /api/v1/appointments/:id': {
    build: ({ seed }) => ({ params: { id: need(seed.ids.appointment, 'appointment') } }),
  },
  'PATCH /api/v1/appointments/:id': {
    build: ({ seed }) => ({
      params: { id: need(seed.ids.appointment, 'appointment') },
      body: { minutes: 45 },
    }),
  },
  'GET /api/v1/physicians': { build: () => ({}) },
  'DELETE /api/v1/appointments/:id': {
    build: async ({ create }) => ({ params: { id: need(await create.appointment(), 'appointment') } }),
  },

  // Screening requests (staff)
  'GET /api/v1/requests': {
    build: ({ seed }) => ({
      query: { status: 'new', ...(seed.ids.location ? { locationId: seed.ids.location } : {}) },
    }),
  },
  'POST /api/v1/requests/:id/accept': {
    build: async ({ create }) => ({
      params: { id: need(await create.request(), 'screening request') },
      body: { birthDate: '1960-01-15' },
    }),
  },
  'POST /api/v1/requests/:id/decline': {
    build: async ({ create }) => ({
      params: { id: need(await create.request(), 'screening request') },
      body: { reason: 'outside our area' },
    }),
  },

  // Practice administration: locations, staff, policies, access history
  'GET /api/v1/locations': { build: () => ({ query: { active: 'true' } }) },
  'GET /api/v1/locations/:id': {
    build: ({ seed }) => ({ params: { id: need(seed.ids.location, 'location') } }),
  },
  'POST /api/v1/locations': {
    build: ({ seed, unique }) => ({
      body: {
        name: `Annex ${seed.tag} ${unique()}`,
        address: '2 Side Street, Springfield',
        phone: '+1 555 010 0101',
        state: 'CA',
        rooms: ['Room A'],
      },
    }),
  },
  'PATCH /api/v1/locations/:id': {
    build: ({ seed }) => ({
      params: { id: need(seed.ids.location, 'location') },
      body: { rooms: ['Room 1', 'C-arm 1', 'Room 2'] },
    }),
  },
  'GET /api/v1/staff': { build: () => ({}) },
  'GET /api/v1/staff/:id': { build: ({ seed }) => ({ params: { id: need(seed.ids.staff, 'staff user') } }) },
  'POST /api/v1/staff': {
    build: ({ seed, unique }) => ({
      body: {
        email: `new${unique()}.${seed.tag.toLowerCase()}@example.org`,
        name: `New ${seed.tag}`,
        // Not a physician: practice B replays this body, and B's GET /physicians must not then carry A's tag.
        role: 'coordinator',
        password: PASSWORD,
      },
    }),
  },
  'PATCH /api/v1/staff/:id': {
    build: ({ seed }) => ({
      params: { id: need(seed.ids.staff, 'staff user') },
      body: { name: `Renamed ${seed.tag}` },
    }),
  },
  'POST /api/v1/staff/:id/deactivate': {
    build: async ({ create }) => ({ params: { id: need(await create.staff(), 'staff user') } }),
  },
  'POST /api/v1/staff/:id/reactivate': {
    build: async ({ create }) => ({ params: { id: need(await create.deactivatedStaff(), 'staff user') } }),
  },
  'POST /api/v1/staff/:id/reset-password': {
    build: ({ seed }) => ({
      params: { id: need(seed.ids.staff, 'staff user') },
      body: { password: 'another long passphrase 42' },
    }),
  },
  'GET /api/v1/practice/policies': { build: () => ({}) },
  'PUT /api/v1/practice/policies': {
    build: () => ({
      body: { policyByCoverage: { medicare: 'medicare-lcd-facet', commercial: 'example-commercial' } },
    }),
  },
  'GET /api/v1/patients/:id/access-history': {
    build: ({ seed }) => ({ params: { id: need(seed.ids.patient, 'patient') } }),
  },
};

const coverageBody = { kind: 'medicare', state: 'CA', payerName: 'Medicare', memberId: '1EG4-TE5-MK72' };

/** The example request for a route, or an error naming what is missing. */
export async function buildExample(route: Route, key: string, x: Omit<ExampleContext, 'unique'>) {
  const ex = EXAMPLES[key];
  if (!ex) throw new Error(`no example for ${key} in test/support/route-examples.ts`);
  const parts = await ex.build({ ...x, unique });
  urlOf(route, parts); // every path parameter is given
  return parts;
}
