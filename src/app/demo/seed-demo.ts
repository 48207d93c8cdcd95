/**
 * The demo practice, created on an empty database by `facetpath serve` (not with --no-demo): clearly
 * labelled demo data — three locations, staff of every role, and patients at every stage of the pathway,
 * dated relative to today so the worklist has something due. Everything goes through the use cases, so it
 * is validated, audited and put on the worklist exactly as real data would be. The sign-in is printed once.
 */
import { randomBytes } from 'node:crypto';
import { locationInput } from '../../contract/admin.js';
import { appointmentInput } from '../../contract/appointments.js';
import { episodeInput } from '../../contract/episodes.js';
import { coverageInput, patientInput } from '../../contract/patients.js';
import { diaryEntryInput, followUpInput, procedureInput } from '../../contract/procedures.js';
import { screeningRequestInput } from '../../contract/public.js';
import { addDays, addMonths } from '../../domain/dates.js';
import { countPractices } from '../../store/practices.js';
import type { RequestContext, Role } from '../actor.js';
import { createPractice } from '../admin/create-practice.js';
import { createLocation } from '../admin/locations.js';
import { createAppointment } from '../appointments/appointments.js';
import { createEpisode } from '../episodes/create-episode.js';
import { createPatient } from '../patients/create-patient.js';
import { setCoverage } from '../patients/set-coverage.js';
import { addDiaryEntry } from '../procedures/add-diary-entry.js';
import { addFollowUp } from '../procedures/add-follow-up.js';
import { createProcedure } from '../procedures/create-procedure.js';
import { signInterpretation } from '../procedures/interpretation.js';
import { submitScreeningRequest } from '../public/submit-screening-request.js';
import { type Services, today } from '../services.js';

export const DEMO_SLUG = 'demo';
const DOMAIN = 'demo.facetpath.test';

const STAFF: { email: string; name: string; role: Role }[] = [
  { email: `admin@${DOMAIN}`, name: 'Alex Admin (demo)', role: 'admin' },
  { email: `dr.rivera@${DOMAIN}`, name: 'Dr. Sofia Rivera (demo)', role: 'physician' },
  { email: `dr.chen@${DOMAIN}`, name: 'Dr. Martin Chen (demo)', role: 'physician' },
  { email: `coordinator@${DOMAIN}`, name: 'Jordan Coordinator (demo)', role: 'coordinator' },
];

const LUMBAR = [
  { joint: 'L4-L5', side: 'bilateral' },
  { joint: 'L5-S1', side: 'bilateral' },
] as const;
const CERVICAL = [
  { joint: 'C5-C6', side: 'right' },
  { joint: 'C6-C7', side: 'right' },
] as const;

/** Lidocaine diary of §4's worked example: 88 % relief lasting 60 min at 80 % — positive for lidocaine. */
const POSITIVE_LIDOCAINE: [number, number][] = [
  [15, 2],
  [30, 1],
  [60, 1],
  [120, 2],
  [180, 5],
  [240, 7],
];
const POSITIVE_BUPIVACAINE: [number, number][] = [
  [30, 1],
  [60, 0],
  [120, 1],
  [240, 1],
  [360, 2],
  [480, 4],
  [720, 6],
];
const NEGATIVE: [number, number][] = [
  [30, 6],
  [60, 5],
  [120, 6],
  [240, 7],
];

function complaint(region: 'lumbar' | 'cervical', onset: string, extra: Record<string, unknown> = {}) {
  return {
    onset,
    axial: true,
    radicular: 'none',
    neurogenicClaudication: false,
    nonFacetCause: 'none',
    diagnoses: [region === 'lumbar' ? 'M47.816' : 'M47.812'],
    baseline: { scale: 'NRS', score: 8, date: onset },
    function: { instrument: region === 'lumbar' ? 'ODI' : 'NDI', score: 44, date: onset },
    conservativeCare: [{ kind: 'physical-therapy', start: onset, end: addMonths(onset, 2), failed: true }],
    ...extra,
  };
}

export async function seedDemo(svc: Services, print: (s: string) => void): Promise<boolean> {
  if ((await countPractices(svc.database.db)) > 0) return false;
  const password = `demo-${randomBytes(9).toString('base64url')}`;
  const { practiceId, userIds } = await createPractice(svc, {
    name: 'Facetpath Demo Clinic — DEMO DATA, not real patients',
    slug: DEMO_SLUG,
    isDemo: true,
    staff: STAFF.map((s) => ({ ...s, password })),
  });
  const as = (i: number): RequestContext => ({
    actor: { kind: 'user', userId: userIds[i]!, practiceId, role: STAFF[i]!.role },
    requestId: 'demo-seed',
    now: svc.clock(),
  });
  const admin = as(0);
  const physician = as(1);
  const coordinator = as(3);
  const T = today(svc);

  const locations: Awaited<ReturnType<typeof createLocation>>[] = [];
  for (const l of [
    {
      name: 'Downtown Spine Center',
      address: '100 Market St, San Francisco, CA 94105',
      phone: '+1 415 555 0100',
      rooms: ['Procedure 1', 'C-arm 1', 'Consult A'],
    },
    {
      name: 'Northside Clinic',
      address: '2200 Oak Ave, Oakland, CA 94612',
      phone: '+1 510 555 0140',
      rooms: ['Procedure 2', 'C-arm 2'],
    },
    {
      name: 'Eastgate Pain Institute',
      address: '75 Eastgate Blvd, Walnut Creek, CA 94596',
      phone: '+1 925 555 0175',
      rooms: ['Procedure 3'],
    },
  ]) {
    locations.push(await createLocation(svc, admin, locationInput.parse({ ...l, state: 'CA' })));
  }

  const patient = async (
    p: { givenName: string; familyName: string; birthDate: string; language?: 'en' | 'es' },
    coverage: { kind: string; state: string } | null,
    region: 'lumbar' | 'cervical',
    onset: string,
    loc = 0,
    extra: Record<string, unknown> = {},
  ) => {
    const created = await createPatient(
      svc,
      coordinator,
      patientInput.parse({ ...p, phone: '+1 415 555 0199' }),
    );
    if (coverage) await setCoverage(svc, coordinator, created.id, coverageInput.parse(coverage));
    const episode = await createEpisode(
      svc,
      coordinator,
      created.id,
      episodeInput.parse({
        region,
        complaint: complaint(region, onset, extra),
        locationId: locations[loc]!.id,
      }),
    );
    return { patientId: created.id, episodeId: episode.id };
  };
  const block = async (
    episodeId: string,
    date: string,
    agent: 'lidocaine' | 'bupivacaine',
    diary: [number, number][],
    opts: { interpret?: boolean; joints?: readonly { joint: string; side: string }[] } = {},
  ) => {
    const p = await createProcedure(
      svc,
      physician,
      episodeId,
      procedureInput.parse({
        kind: 'mbb',
        intent: 'diagnostic',
        date,
        joints: opts.joints ?? LUMBAR,
        agent,
        volumeMlPerNerve: 0.5,
        guidance: 'fluoroscopy',
        sedation: 'local',
        preScore: { scale: 'NRS', score: 8 },
        status: 'done',
      }),
    );
    for (const [minutesAfter, score] of diary) {
      await addDiaryEntry(
        svc,
        coordinator,
        p.id,
        diaryEntryInput.parse({ minutesAfter, score, idempotencyKey: `demo-${p.id}-${minutesAfter}` }),
      );
    }
    if (opts.interpret) {
      // Signed when its diary had closed (the morning after the 24-hour window), before the next step, so
      // the timeline is chronologically true.
      const signedAt = new Date(Math.min(Date.parse(`${addDays(date, 2)}T09:00:00Z`), svc.clock().getTime()));
      await signInterpretation(svc, { ...physician, now: signedAt }, p.id);
    }
    return p;
  };
  // Medicare needs two positive blocks before RFA: lidocaine, then bupivacaine three weeks later (rule 9: ≥ 14 days).
  const twoPositiveBlocks = async (episodeId: string, first: string) => {
    await block(episodeId, first, 'lidocaine', POSITIVE_LIDOCAINE, { interpret: true });
    await block(episodeId, addDays(first, 21), 'bupivacaine', POSITIVE_BUPIVACAINE, { interpret: true });
  };
  const rfa = async (episodeId: string, date: string, status: 'done' | 'planned') =>
    createProcedure(
      svc,
      physician,
      episodeId,
      procedureInput.parse({
        kind: 'rfa',
        intent: 'therapeutic',
        date,
        joints: LUMBAR,
        guidance: 'fluoroscopy',
        sedation: 'local',
        technique: 'thermal',
        temperatureC: 85,
        status,
      }),
    );
  const medicare = { kind: 'medicare', state: 'CA' };

  // 1. A new episode with screening facts still missing (no baseline): "missing information".
  await patient(
    { givenName: 'María', familyName: 'López', birthDate: '1956-03-14', language: 'es' },
    medicare,
    'lumbar',
    addMonths(T, -5),
    0,
    { baseline: undefined },
  );
  // 2. A first block today, the diary under way.
  const carter = await patient(
    { givenName: 'James', familyName: 'Carter', birthDate: '1949-11-02' },
    medicare,
    'lumbar',
    addMonths(T, -8),
    0,
  );
  await block(carter.episodeId, T, 'lidocaine', POSITIVE_LIDOCAINE.slice(0, 3));
  // 3. A block three days ago, diary complete, awaiting the physician's interpretation.
  const khan = await patient(
    { givenName: 'Aisha', familyName: 'Khan', birthDate: '1961-07-21' },
    medicare,
    'lumbar',
    addMonths(T, -7),
    1,
  );
  await block(khan.episodeId, addDays(T, -3), 'lidocaine', POSITIVE_LIDOCAINE);
  // 4. A positive first block 20 days ago: the confirmatory block can be scheduled (rule 9: after 14 days).
  const nguyen = await patient(
    { givenName: 'Robert', familyName: 'Nguyen', birthDate: '1953-01-30' },
    medicare,
    'lumbar',
    addMonths(T, -9),
    0,
  );
  await block(nguyen.episodeId, addDays(T, -20), 'lidocaine', POSITIVE_LIDOCAINE, { interpret: true });
  // 5. Two positive blocks: eligible for RFA.
  const brooks = await patient(
    { givenName: 'Linda', familyName: 'Brooks', birthDate: '1958-05-09' },
    medicare,
    'lumbar',
    addMonths(T, -10),
    1,
  );
  await twoPositiveBlocks(brooks.episodeId, addDays(T, -40));
  // 6. Two positive blocks and an RFA planned next week, with its appointment.
  const wilson = await patient(
    { givenName: 'Patricia', familyName: 'Wilson', birthDate: '1951-09-17' },
    medicare,
    'lumbar',
    addMonths(T, -11),
    0,
  );
  await twoPositiveBlocks(wilson.episodeId, addDays(T, -45));
  await rfa(wilson.episodeId, addDays(T, 7), 'planned');
  await createAppointment(
    svc,
    coordinator,
    appointmentInput.parse({
      patientId: wilson.patientId,
      locationId: locations[0]!.id,
      physicianId: userIds[1],
      room: 'C-arm 1',
      startsAt: `${addDays(T, 7)}T16:00:00.000Z`,
      minutes: 60,
      purpose: 'rfa',
    }),
  );
  // 7. A negative block: this branch of the pathway ends.
  const kim = await patient(
    { givenName: 'David', familyName: 'Kim', birthDate: '1966-12-01' },
    medicare,
    'lumbar',
    addMonths(T, -6),
    2,
  );
  await block(kim.episodeId, addDays(T, -12), 'lidocaine', NEGATIVE, { interpret: true });
  // 8. An RFA two months ago: the 3-month follow-up is coming (then the 6-month one).
  const adams = await patient(
    { givenName: 'George', familyName: 'Adams', birthDate: '1947-04-25' },
    medicare,
    'lumbar',
    addMonths(T, -14),
    0,
  );
  await twoPositiveBlocks(adams.episodeId, addMonths(T, -4));
  await rfa(adams.episodeId, addMonths(T, -2), 'done');
  // 9. An RFA eight months ago that helped for more than 6 months: a repeat-RFA candidate.
  const ortiz = await patient(
    { givenName: 'Carmen', familyName: 'Ortiz', birthDate: '1955-08-12', language: 'es' },
    medicare,
    'lumbar',
    addMonths(T, -20),
    1,
  );
  await twoPositiveBlocks(ortiz.episodeId, addMonths(T, -10));
  const done = await rfa(ortiz.episodeId, addMonths(T, -8), 'done');
  await addFollowUp(
    svc,
    coordinator,
    done.id,
    followUpInput.parse({
      date: addMonths(T, -5),
      reliefPercent: 80,
      nrs: 2,
      functionScore: 18,
      ableToDoActivities: true,
    }),
  );
  await addFollowUp(
    svc,
    coordinator,
    done.id,
    followUpInput.parse({
      date: addMonths(T, -1),
      reliefPercent: 70,
      nrs: 3,
      functionScore: 24,
      ableToDoActivities: true,
    }),
  );
  // 10. Commercial coverage, cervical: one positive block is enough under consensus-2020.
  const garcia = await patient(
    { givenName: 'Elena', familyName: 'García', birthDate: '1970-02-11', language: 'es' },
    { kind: 'commercial', state: 'CA' },
    'cervical',
    addMonths(T, -6),
    2,
  );
  await block(garcia.episodeId, addDays(T, -10), 'lidocaine', POSITIVE_LIDOCAINE, {
    interpret: true,
    joints: CERVICAL,
  });

  // Today's schedule and two requests from the public website.
  await createAppointment(
    svc,
    coordinator,
    appointmentInput.parse({
      patientId: carter.patientId,
      locationId: locations[0]!.id,
      physicianId: userIds[1],
      room: 'Procedure 1',
      startsAt: `${T}T15:00:00.000Z`,
      minutes: 45,
      purpose: 'mbb',
      status: 'done',
    }),
  );
  await createAppointment(
    svc,
    coordinator,
    appointmentInput.parse({
      patientId: khan.patientId,
      locationId: locations[1]!.id,
      physicianId: userIds[2],
      room: 'Procedure 2',
      startsAt: `${T}T18:30:00.000Z`,
      minutes: 30,
      purpose: 'follow-up',
    }),
  );
  const publicCtx: RequestContext = { actor: { kind: 'public' }, requestId: 'demo-seed', now: svc.clock() };
  await submitScreeningRequest(
    svc,
    publicCtx,
    DEMO_SLUG,
    screeningRequestInput.parse({
      answers: {
        painArea: 'low-back',
        duration: '>6 months',
        worseWithMovement: true,
        radiation: 'above-knee',
        treatmentsTried: ['physical-therapy', 'medication'],
        imaging: 'mri',
        redFlags: ['none'],
      },
      locationId: locations[0]!.id,
      preferredTimes: 'Weekday mornings',
      contact: { givenName: 'Henry', familyName: 'Baker', phone: '+1 415 555 0123', birthDate: '1960-10-10' },
      insurance: { kind: 'medicare', payerName: 'Medicare Part B' },
      language: 'en',
    }),
  );
  await submitScreeningRequest(
    svc,
    publicCtx,
    DEMO_SLUG,
    screeningRequestInput.parse({
      answers: {
        painArea: 'neck',
        duration: '3-6 months',
        worseWithMovement: true,
        radiation: 'none',
        treatmentsTried: ['medication'],
        imaging: 'xray',
        redFlags: ['none'],
      },
      locationId: locations[1]!.id,
      contact: { givenName: 'Lucía', familyName: 'Fernández', phone: '+1 510 555 0188' },
      insurance: { kind: 'commercial', payerName: 'Blue Shield' },
      language: 'es',
    }),
  );

  print(
    [
      '',
      'Created the DEMO practice (demo data, not real patients): 3 locations, 10 patients at every stage.',
      `Sign in with any of these, password ${password} (shown only now):`,
      ...STAFF.map((s) => `  ${s.role.padEnd(12)} ${s.email}`),
      'A real deployment starts empty: facetpath serve --no-demo, then facetpath admin create.',
      '',
    ].join('\n'),
  );
  return true;
}
