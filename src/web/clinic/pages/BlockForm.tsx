/**
 * Block documentation (physicians): the joints on a spine diagram of the episode's region, the clinical fields
 * procedureInput accepts, and live the nerves, levels and CPT lines. Saved with POST
 * /api/v1/episodes/:id/procedures; a diagnostic block then offers the patient's diary link with its QR code.
 */

import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { Complication, Steroid } from '../../../contract/block-record';
import type { EpisodeDto } from '../../../contract/episodes';
import type { PatientDto } from '../../../contract/patients';
import {
  AGENTS,
  GUIDANCE,
  INTENTS,
  type JointSide,
  OTHER_BLOCKS,
  PROCEDURE_KINDS,
  RFA_TECHNIQUES,
  SEDATION,
  takesDiary,
  VOLUME_ML_PER_NERVE,
} from '../../../contract/preview';
import type { ProcedureDto, ProcedureWithRecordsDto } from '../../../contract/procedures';
import { ApiError, type ApiIssue, get, post } from '../../shared/api';
import { Link } from '../../shared/Link';
import { usePageTitle } from '../../shared/router';
import { Choices, ErrorSummary, Field, Status } from '../../shared/ui';
import { DiaryLinkPanel } from '../blocks/DiaryLinkPanel';
import { LivePreview } from '../blocks/LivePreview';
import { type PayerCase, PayerCheck } from '../blocks/PayerCheck';
import { COMPLICATION_LABEL, COMPLICATIONS, STEROID_LABEL, STEROIDS } from '../blocks/record-labels';
import { SpineDiagram } from '../blocks/SpineDiagram';
import {
  AGENT_LABEL,
  formatDate,
  GUIDANCE_LABEL,
  INTENT_LABEL,
  jointsText,
  KIND_LABEL,
  OTHER_BLOCK_LABEL,
  REGION_LABEL,
  SEDATION_LABEL,
  TECHNIQUE_LABEL,
  todayIso,
} from '../labels';
import { PageLoadFailed, PageLoading } from '../PageState';
import { useSession } from '../session';
import '../blocks/blocks.css';

type EpisodeChart = EpisodeDto & { procedures: ProcedureWithRecordsDto[] };

interface Form {
  kind: (typeof PROCEDURE_KINDS)[number];
  otherBlock: string;
  intent: (typeof INTENTS)[number];
  status: 'done' | 'planned';
  date: string;
  joints: JointSide[];
  agent: string;
  volume: string;
  guidance: (typeof GUIDANCE)[number];
  sedation: (typeof SEDATION)[number];
  sedationJustified: boolean;
  technique: string;
  temperature: string;
  preScale: 'NRS' | 'VAS';
  preScore: string;
  locationId: string;
  physicianId: string;
  // The rest of the block record (§3), all optional.
  startTime: string;
  room: string;
  concentration: string;
  steroid: Steroid | '';
  steroidDose: string;
  contrast: '' | 'yes' | 'no';
  complicationsState: '' | 'none' | 'some';
  complications: Complication[];
  complicationsNote: string;
  observation: string;
  provMinutes: string;
  provScore: string;
  provActivity: string;
}

type Loc = { id: string; name: string; active: boolean; rooms: string[]; timeZone?: string };

const SEDATED = new Set(['moderate', 'mac', 'general']);

/** The request body: only the fields that apply to the kind, numbers as numbers (the server checks the rest). */
export function bodyOf(f: Form): Record<string, unknown> {
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s.replace(',', '.')));
  const body: Record<string, unknown> = {
    kind: f.kind,
    intent: f.intent,
    status: f.status,
    date: f.date,
    joints: f.joints,
    guidance: f.guidance,
    sedation: f.sedation,
  };
  if (f.kind === 'other-block' && f.otherBlock) body.otherBlock = f.otherBlock;
  if (f.kind !== 'rfa' && f.agent) body.agent = f.agent;
  const volume = num(f.volume);
  if (volume !== undefined) body.volumeMlPerNerve = volume;
  if (SEDATED.has(f.sedation)) body.sedationJustified = f.sedationJustified;
  if (f.kind === 'rfa') {
    if (f.technique) body.technique = f.technique;
    const t = num(f.temperature);
    if (t !== undefined) body.temperatureC = t;
  }
  const score = num(f.preScore);
  if (score !== undefined) body.preScore = { scale: f.preScale, score };
  if (f.locationId) body.locationId = f.locationId;
  if (f.physicianId) body.physicianId = f.physicianId;
  if (f.startTime.trim()) body.startTime = f.startTime.trim();
  if (f.room) body.room = f.room;
  const concentration = num(f.concentration);
  if (f.kind !== 'rfa' && concentration !== undefined) body.agentConcentrationPercent = concentration;
  if (f.steroid) body.steroid = { drug: f.steroid, doseMg: num(f.steroidDose) };
  if (f.contrast) body.contrast = f.contrast === 'yes';
  if (f.complicationsState === 'none') body.complications = { kinds: [] };
  if (f.complicationsState === 'some') {
    const note = f.complicationsNote.trim();
    body.complications = { kinds: f.complications, ...(note ? { note } : {}) };
  }
  const observation = num(f.observation);
  if (observation !== undefined) body.observationMinutes = observation;
  if (
    takesDiary(f) &&
    f.status === 'done' &&
    (f.provMinutes.trim() || f.provScore.trim() || f.provActivity.trim())
  ) {
    body.provocation = {
      minutesAfter: num(f.provMinutes),
      score: num(f.provScore),
      activity: f.provActivity.trim() || undefined,
    };
  }
  return body;
}

/** The session as the payer check's case, or null while it cannot be one (no level, no coverage, …). */
function payerCase(
  f: Form,
  region: string,
  payer: { coverage: { kind: string; state: string } | null; policyId?: string | undefined },
): PayerCase | null {
  if (!payer.coverage || !f.joints.length || !/^\d{4}-\d{2}-\d{2}$/.test(f.date)) return null;
  if (f.kind === 'other-block' && !f.otherBlock) return null;
  const {
    status: _s,
    locationId: _l,
    physicianId: _p,
    preScore: _ps,
    startTime: _st,
    room: _r,
    agentConcentrationPercent: _ac,
    steroid: _sd,
    contrast: _c,
    complications: _cx,
    observationMinutes: _o,
    provocation: _pv,
    volumeMlPerNerve,
    temperatureC,
    ...rest
  } = bodyOf(f);
  const proposed: PayerCase['proposed'] = { ...rest, date: f.date, joints: f.joints };
  const inRange = (v: unknown, max: number) => typeof v === 'number' && v > 0 && v <= max;
  if (inRange(volumeMlPerNerve, VOLUME_ML_PER_NERVE.max)) proposed.volumeMlPerNerve = volumeMlPerNerve;
  if (inRange(temperatureC, 120)) proposed.temperatureC = temperatureC;
  return { coverage: payer.coverage, region, policyId: payer.policyId, proposed };
}

/** The latest diagnostic block of the episode that was done (the one a confirmatory block repeats). */
function lastDiagnostic(procedures: readonly ProcedureWithRecordsDto[]): ProcedureWithRecordsDto | null {
  const done = procedures.filter((p) => takesDiary(p) && p.status === 'done');
  return (
    done.sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt)).at(-1) ?? null
  );
}

/** The server's issue paths ("body.preScore.score", "body.joints[0].joint") without the "body." prefix. */
const fieldPath = (p: string) => p.replace(/^body\.?/, '');

function issueAt(issues: readonly ApiIssue[], field: string): string | undefined {
  const hit = issues.filter((i) => {
    const p = fieldPath(i.path);
    return p === field || p.startsWith(`${field}.`) || p.startsWith(`${field}[`);
  });
  return hit.length ? hit.map((i) => i.message).join('; ') : undefined;
}

/** The request field a form field fills. */
const API_FIELD: Partial<Record<keyof Form, string>> = {
  volume: 'volumeMlPerNerve',
  temperature: 'temperatureC',
  preScale: 'preScore',
  preScore: 'preScore',
  concentration: 'agentConcentrationPercent',
  steroid: 'steroid',
  steroidDose: 'steroid',
  complicationsState: 'complications',
  complications: 'complications',
  complicationsNote: 'complications',
  observation: 'observationMinutes',
  provMinutes: 'provocation',
  provScore: 'provocation',
  provActivity: 'provocation',
};

const FIELDS = [
  'kind',
  'otherBlock',
  'intent',
  'status',
  'date',
  'joints',
  'agent',
  'volumeMlPerNerve',
  'guidance',
  'sedation',
  'sedationJustified',
  'technique',
  'temperatureC',
  'preScore',
  'locationId',
  'physicianId',
  'startTime',
  'room',
  'agentConcentrationPercent',
  'steroid',
  'contrast',
  'complications',
  'observationMinutes',
  'provocation',
];

const LABEL: Record<string, string> = {
  kind: 'Procedure',
  otherBlock: 'Which other block',
  intent: 'Intent',
  status: 'Status',
  date: 'Date',
  joints: 'Joints',
  agent: 'Anaesthetic agent',
  volumeMlPerNerve: 'Volume per nerve',
  guidance: 'Guidance',
  sedation: 'Sedation',
  sedationJustified: 'Sedation justified',
  technique: 'RFA technique',
  temperatureC: 'Temperature',
  preScore: 'Pain before the block',
  locationId: 'Location',
  physicianId: 'Physician',
  startTime: 'Start time',
  room: 'Room',
  agentConcentrationPercent: 'Concentration',
  steroid: 'Steroid added',
  contrast: 'Contrast',
  complications: 'Complications',
  observationMinutes: 'Observation',
  provocation: 'Provocation check in recovery',
};

export default function BlockForm(props: { episodeId: string }) {
  const { user } = useSession();
  usePageTitle('Document a block', 'Facetpath clinic');
  const id = useId();
  const [episode, setEpisode] = useState<EpisodeChart | null>(null);
  const [patient, setPatient] = useState<PatientDto | null>(null);
  const [locations, setLocations] = useState<Loc[]>([]);
  const [physicians, setPhysicians] = useState<{ id: string; name: string }[]>([]);
  const [payer, setPayer] = useState<{ coverage: { kind: string; state: string } | null; policyId?: string }>(
    {
      coverage: null,
    },
  );
  const [loadError, setLoadError] = useState<string | null>(null);
  const [form, setForm] = useState<Form>({
    kind: 'mbb',
    otherBlock: '',
    intent: 'diagnostic',
    status: 'done',
    date: todayIso(),
    joints: [],
    agent: 'lidocaine',
    volume: '0.5',
    guidance: 'fluoroscopy',
    sedation: 'local',
    sedationJustified: false,
    technique: 'thermal',
    temperature: '80',
    preScale: 'NRS',
    preScore: '',
    locationId: '',
    physicianId: user.role === 'physician' ? user.id : '',
    startTime: '',
    room: '',
    concentration: '',
    steroid: '',
    steroidDose: '',
    contrast: '',
    complicationsState: '',
    complications: [],
    complicationsNote: '',
    observation: '',
    provMinutes: '',
    provScore: '',
    provActivity: '',
  });
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<ProcedureDto | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const savedRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const ep = await get<EpisodeChart>(`/api/v1/episodes/${props.episodeId}`);
        const [pt, locs, docs, coverage, policies] = await Promise.all([
          get<PatientDto>(`/api/v1/patients/${ep.patientId}`),
          get<{ items: Loc[] }>('/api/v1/locations').catch(() => ({
            items: [],
          })),
          get<{ items: { id: string; name: string }[] }>('/api/v1/physicians').catch(() => ({ items: [] })),
          get<{ kind: string; state: string }>(`/api/v1/patients/${ep.patientId}/coverage`).catch(() => null),
          get<{ policyByCoverage: Record<string, string> }>('/api/v1/practice/policies').catch(() => null),
        ]);
        if (!live) return;
        setEpisode(ep);
        setPatient(pt);
        setLocations(locs.items.filter((l) => l.active));
        setPhysicians(docs.items);
        setPayer({
          coverage: coverage ? { kind: coverage.kind, state: coverage.state } : null,
          policyId: coverage ? policies?.policyByCoverage[coverage.kind] : undefined,
        });
        // A comparative (confirmatory) block uses an agent of a different duration: after lidocaine, bupivacaine.
        const previous = lastDiagnostic(ep.procedures);
        setForm((f) => ({
          ...f,
          locationId: f.locationId || ep.locationId || '',
          agent: previous?.agent === 'lidocaine' ? 'bupivacaine' : f.agent,
        }));
      } catch (e) {
        if (live)
          setLoadError(
            e instanceof ApiError && e.status === 404
              ? 'This episode does not exist, or it belongs to another practice.'
              : e instanceof ApiError
                ? e.message
                : 'The episode could not be loaded.',
          );
      }
    })();
    return () => {
      live = false;
    };
  }, [props.episodeId]);

  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    // A field that changes drops its (now stale) messages; the others stay until the next save.
    const field = API_FIELD[k] ?? k;
    setIssues((list) => (issueAt(list, field) ? list.filter((i) => !issueAt([i], field)) : list));
  };
  const err = (field: string) => issueAt(issues, field);
  /** Messages at exactly this path (a check of the whole group), not at its parts. */
  const exact = (field: string) => {
    const hit = issues.filter((i) => fieldPath(i.path) === field);
    return hit.length ? hit.map((i) => i.message).join('; ') : undefined;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setSubmitError(null);
    try {
      const p = await post<ProcedureDto>(`/api/v1/episodes/${props.episodeId}/procedures`, bodyOf(form));
      setIssues([]);
      setSaved(p);
    } catch (e2) {
      if (e2 instanceof ApiError && e2.issues.length) {
        setIssues(e2.issues);
        setSubmitError(null);
      } else {
        setIssues([]);
        setSubmitError(e2 instanceof ApiError ? e2.message : 'The block could not be saved.');
      }
      queueMicrotask(() => summaryRef.current?.focus());
    } finally {
      setSaving(false);
    }
  };

  if (loadError) return <PageLoadFailed title="Document a block">{loadError}</PageLoadFailed>;
  if (!episode || !patient) return <PageLoading title="Document a block">Loading the episode…</PageLoading>;

  const name = `${patient.givenName} ${patient.familyName}`;
  const chartHref = `/clinic/patients/${patient.id}?episode=${episode.id}`;
  const earlierDiagnostic = episode.procedures.filter(
    (p) => takesDiary(p) && p.status !== 'planned' && p.date <= form.date,
  ).length;
  const previous = lastDiagnostic(episode.procedures);
  const sameLevels =
    previous !== null &&
    previous.joints.length === form.joints.length &&
    previous.joints.every((j, i) => form.joints[i]?.joint === j.joint && form.joints[i]?.side === j.side);

  if (user.role !== 'physician')
    return (
      <>
        <h1>Document a block</h1>
        <Status kind="info">
          <p>
            Blocks are documented by a physician. Signed in as {user.role}, you can open the chart instead.
          </p>
        </Status>
        <p>
          <Link href={chartHref}>Open {name}'s chart</Link>
        </p>
      </>
    );

  if (saved)
    return (
      <>
        <h1>Document a block</h1>
        <section className="card" aria-labelledby={`${id}-saved`}>
          <h2 id={`${id}-saved`} ref={savedRef} tabIndex={-1}>
            Block saved for {name}
          </h2>
          <dl className="facts">
            <dt>Procedure</dt>
            <dd>
              {KIND_LABEL[saved.kind]} ({INTENT_LABEL[saved.intent]?.toLowerCase()}), {saved.status}
            </dd>
            <dt>Date</dt>
            <dd>{formatDate(saved.date)}</dd>
            <dt>Joints</dt>
            <dd>{jointsText(saved.joints)}</dd>
            {saved.agent && (
              <>
                <dt>Agent</dt>
                <dd>
                  {AGENT_LABEL[saved.agent]}
                  {saved.agentConcentrationPercent !== null ? ` ${saved.agentConcentrationPercent} %` : ''}
                  {saved.volumeMlPerNerve !== null ? `, ${saved.volumeMlPerNerve} mL per nerve` : ''}
                </dd>
              </>
            )}
            {saved.startTime && (
              <>
                <dt>Start time</dt>
                <dd>
                  {saved.startTime} ({saved.timeZone})
                </dd>
              </>
            )}
            {saved.room && (
              <>
                <dt>Room</dt>
                <dd>{saved.room}</dd>
              </>
            )}
            {saved.steroid && (
              <>
                <dt>Steroid added</dt>
                <dd>
                  {STEROID_LABEL[saved.steroid.drug]} {saved.steroid.doseMg} mg
                </dd>
              </>
            )}
            {saved.contrast !== null && (
              <>
                <dt>Contrast</dt>
                <dd>{saved.contrast ? 'Yes' : 'No'}</dd>
              </>
            )}
            {saved.complications && (
              <>
                <dt>Complications</dt>
                <dd>
                  {saved.complications.kinds.length
                    ? saved.complications.kinds.map((k) => COMPLICATION_LABEL[k]).join(', ')
                    : 'None'}
                  {saved.complications.note ? ` — ${saved.complications.note}` : ''}
                </dd>
              </>
            )}
            {saved.observationMinutes !== null && (
              <>
                <dt>Observation</dt>
                <dd>{saved.observationMinutes} minutes</dd>
              </>
            )}
            {saved.provocation && (
              <>
                <dt>Provocation check</dt>
                <dd>
                  {saved.provocation.activity}: pain {saved.provocation.score} / 10,{' '}
                  {saved.provocation.minutesAfter} minutes after the block (the diary's first point)
                </dd>
              </>
            )}
          </dl>
          <p className="row">
            <Link href={chartHref}>Back to the chart</Link>
            <Link href={`/clinic/procedures/${saved.id}`}>Interpretation of this block</Link>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setSaved(null);
                setForm((f) => ({
                  ...f,
                  joints: [],
                  preScore: '',
                  startTime: '',
                  provMinutes: '',
                  provScore: '',
                  provActivity: '',
                  complicationsState: '',
                  complications: [],
                  complicationsNote: '',
                }));
              }}
            >
              Document another block
            </button>
          </p>
        </section>
        {takesDiary(saved) ? (
          <DiaryLinkPanel procedureId={saved.id} patient={patient} />
        ) : (
          <p className="muted">Only diagnostic blocks take a pain diary, so this one has no diary link.</p>
        )}
      </>
    );

  const chosenLocation = locations.find((l) => l.id === form.locationId);
  const rooms = chosenLocation?.rooms ?? [];
  const zone = chosenLocation?.timeZone;
  const volumeNumber = form.volume.trim() === '' ? undefined : Number(form.volume.replace(',', '.'));
  const payerInput = payerCase(form, episode.region, payer);
  const unknownIssues = issues.filter((i) => !FIELDS.some((f) => issueAt([i], f)));
  return (
    <>
      <h1>Document a block</h1>
      <p className="lede">
        <strong>{name}</strong>, born {formatDate(patient.birthDate)} · {REGION_LABEL[episode.region]} episode
        ·{' '}
        {form.intent === 'diagnostic' && form.kind !== 'rfa' && form.kind !== 'other-block'
          ? `diagnostic block #${earlierDiagnostic + 1} of this episode`
          : `${episode.procedures.length} earlier procedure(s) in this episode`}{' '}
        · <Link href={chartHref}>Chart</Link>
      </p>
      <div ref={summaryRef} tabIndex={-1} className="summary-anchor">
        {submitError && <Status kind="error">{submitError}</Status>}
        <ErrorSummary
          title="The block was not saved. Please correct:"
          items={issues.map((i) => ({
            path: LABEL[fieldPath(i.path).split(/[.[]/)[0] ?? ''] ?? fieldPath(i.path),
            message: i.message,
          }))}
        />
      </div>
      <form
        className="block-form"
        noValidate
        onSubmit={(e) => void submit(e)}
        aria-label="Block documentation"
      >
        <div className="block-layout">
          <div className="block-spine">
            {previous && (
              <p className="row previous-levels">
                <span>
                  The previous diagnostic block ({formatDate(previous.date)},{' '}
                  {previous.agent ? AGENT_LABEL[previous.agent]?.toLowerCase() : 'agent not recorded'}):{' '}
                  {jointsText(previous.joints)}.
                </span>
                <button
                  type="button"
                  className="secondary small"
                  disabled={sameLevels}
                  onClick={() =>
                    set(
                      'joints',
                      previous.joints.map((j) => ({ joint: j.joint, side: j.side })),
                    )
                  }
                >
                  {sameLevels ? 'Same levels chosen' : 'Use the same levels'}
                </button>
              </p>
            )}
            <SpineDiagram
              id={`${id}-joints`}
              region={episode.region}
              value={form.joints}
              onChange={(j) => set('joints', j)}
              error={err('joints')}
            />
          </div>
          <div className="block-side">
            <LivePreview
              input={{
                kind: form.kind,
                intent: form.intent,
                guidance: form.guidance,
                sedation: form.sedation,
                date: form.date,
                joints: form.joints,
                volumeMlPerNerve: volumeNumber,
              }}
            >
              <PayerCheck
                input={payerInput}
                reason={
                  payer.coverage
                    ? 'Choose a level to check it against the payer policy.'
                    : 'No coverage on file: the payer policy cannot be checked.'
                }
              />
            </LivePreview>
          </div>
          <div className="block-fields">
            <fieldset className="group">
              <legend>The procedure</legend>
              <div className="grid-fields">
                <Field label="Procedure" error={err('kind')}>
                  {(f) => (
                    <select
                      id={f.id}
                      aria-describedby={f.describedBy}
                      aria-invalid={f.invalid || undefined}
                      value={form.kind}
                      onChange={(e) => set('kind', e.target.value as Form['kind'])}
                    >
                      {PROCEDURE_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {KIND_LABEL[k]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {form.kind === 'other-block' && (
                  <Field label="Which other block" error={err('otherBlock')}>
                    {(f) => (
                      <select
                        id={f.id}
                        aria-describedby={f.describedBy}
                        aria-invalid={f.invalid || undefined}
                        value={form.otherBlock}
                        onChange={(e) => set('otherBlock', e.target.value)}
                      >
                        <option value="">Choose…</option>
                        {OTHER_BLOCKS.map((k) => (
                          <option key={k} value={k}>
                            {OTHER_BLOCK_LABEL[k]}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                )}
                <Field
                  label="Intent"
                  hint="Diagnostic blocks are followed by a pain diary."
                  error={err('intent')}
                >
                  {(f) => (
                    <select
                      id={f.id}
                      aria-describedby={f.describedBy}
                      aria-invalid={f.invalid || undefined}
                      value={form.intent}
                      onChange={(e) => set('intent', e.target.value as Form['intent'])}
                    >
                      {INTENTS.map((k) => (
                        <option key={k} value={k}>
                          {INTENT_LABEL[k]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label="Date" error={err('date')}>
                  {(f) => (
                    <input
                      id={f.id}
                      type="date"
                      aria-describedby={f.describedBy}
                      aria-invalid={f.invalid || undefined}
                      value={form.date}
                      onChange={(e) => set('date', e.target.value)}
                    />
                  )}
                </Field>
                <Field
                  label="Start time"
                  hint={`24-hour clock, e.g. 14:05, on the location's clock${zone ? ` (${zone})` : ''}. The patient's diary then shows clock times.`}
                  error={err('startTime')}
                >
                  {(f) => (
                    <input
                      id={f.id}
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      placeholder="hh:mm"
                      aria-describedby={f.describedBy}
                      aria-invalid={f.invalid || undefined}
                      value={form.startTime}
                      onChange={(e) => set('startTime', e.target.value)}
                    />
                  )}
                </Field>
                <Field label="Status" error={err('status')}>
                  {(f) => (
                    <select
                      id={f.id}
                      aria-describedby={f.describedBy}
                      aria-invalid={f.invalid || undefined}
                      value={form.status}
                      onChange={(e) => set('status', e.target.value as Form['status'])}
                    >
                      <option value="done">Done</option>
                      <option value="planned">Planned</option>
                    </select>
                  )}
                </Field>
              </div>
            </fieldset>
            <fieldset className="group">
              <legend>Injection</legend>
              <div className="grid-fields">
                {form.kind !== 'rfa' && (
                  <Field
                    label="Anaesthetic agent"
                    hint="Lidocaine for a first block; a long-acting agent for the comparative one."
                    error={err('agent')}
                  >
                    {(f) => (
                      <select
                        id={f.id}
                        aria-describedby={f.describedBy}
                        aria-invalid={f.invalid || undefined}
                        value={form.agent}
                        onChange={(e) => set('agent', e.target.value)}
                      >
                        <option value="">Not recorded</option>
                        {AGENTS.map((a) => (
                          <option key={a} value={a}>
                            {AGENT_LABEL[a]}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                )}
                {form.kind !== 'rfa' && (
                  <Field
                    label="Concentration (%)"
                    hint="E.g. 2 for 2 % lidocaine, 0.5 for 0.5 % bupivacaine."
                    error={err('agentConcentrationPercent')}
                  >
                    {(f) => (
                      <input
                        id={f.id}
                        type="text"
                        inputMode="decimal"
                        autoComplete="off"
                        aria-describedby={f.describedBy}
                        aria-invalid={f.invalid || undefined}
                        value={form.concentration}
                        onChange={(e) => set('concentration', e.target.value)}
                      />
                    )}
                  </Field>
                )}
                <Field
                  label="Volume per nerve (mL)"
                  hint={`Accepted: more than ${VOLUME_ML_PER_NERVE.exclusiveMin}, at most ${VOLUME_ML_PER_NERVE.max} mL. The 2020 consensus guidelines advise at most 0.5 mL per nerve for a medial branch block.`}
                  error={err('volumeMlPerNerve')}
                >
                  {(f) => (
                    <input
                      id={f.id}
                      type="number"
                      inputMode="decimal"
                      step="0.1"
                      min={0.1}
                      max={VOLUME_ML_PER_NERVE.max}
                      aria-describedby={f.describedBy}
                      aria-invalid={f.invalid || undefined}
                      value={form.volume}
                      onChange={(e) => set('volume', e.target.value)}
                    />
                  )}
                </Field>
                <Field label="Guidance" error={err('guidance')}>
                  {(f) => (
                    <select
                      id={f.id}
                      aria-describedby={f.describedBy}
                      aria-invalid={f.invalid || undefined}
                      value={form.guidance}
                      onChange={(e) => set('guidance', e.target.value as Form['guidance'])}
                    >
                      {GUIDANCE.map((g) => (
                        <option key={g} value={g}>
                          {GUIDANCE_LABEL[g]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label="Sedation" error={err('sedation')}>
                  {(f) => (
                    <select
                      id={f.id}
                      aria-describedby={f.describedBy}
                      aria-invalid={f.invalid || undefined}
                      value={form.sedation}
                      onChange={(e) => set('sedation', e.target.value as Form['sedation'])}
                    >
                      {SEDATION.map((s) => (
                        <option key={s} value={s}>
                          {SEDATION_LABEL[s]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label="Steroid added" error={exact('steroid') ?? err('steroid.drug')}>
                  {(f) => (
                    <select
                      id={f.id}
                      aria-describedby={f.describedBy}
                      aria-invalid={f.invalid || undefined}
                      value={form.steroid}
                      onChange={(e) => set('steroid', e.target.value as Form['steroid'])}
                    >
                      <option value="">None</option>
                      {STEROIDS.map((d) => (
                        <option key={d} value={d}>
                          {STEROID_LABEL[d]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {form.steroid && (
                  <Field label="Steroid dose (mg)" error={err('steroid.doseMg')}>
                    {(f) => (
                      <input
                        id={f.id}
                        type="text"
                        inputMode="decimal"
                        autoComplete="off"
                        aria-describedby={f.describedBy}
                        aria-invalid={f.invalid || undefined}
                        value={form.steroidDose}
                        onChange={(e) => set('steroidDose', e.target.value)}
                      />
                    )}
                  </Field>
                )}
                <Field label="Contrast" error={err('contrast')}>
                  {(f) => (
                    <select
                      id={f.id}
                      aria-describedby={f.describedBy}
                      aria-invalid={f.invalid || undefined}
                      value={form.contrast}
                      onChange={(e) => set('contrast', e.target.value as Form['contrast'])}
                    >
                      <option value="">Not recorded</option>
                      <option value="yes">Yes, contrast was used</option>
                      <option value="no">No contrast</option>
                    </select>
                  )}
                </Field>
              </div>
              {SEDATED.has(form.sedation) && (
                <div className={err('sedationJustified') ? 'field field-error' : 'field'}>
                  {err('sedationJustified') && (
                    <p className="error-text" id={`${id}-sj-error`}>
                      {err('sedationJustified')}
                    </p>
                  )}
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={form.sedationJustified}
                      aria-describedby={err('sedationJustified') ? `${id}-sj-error` : undefined}
                      onChange={(e) => set('sedationJustified', e.target.checked)}
                    />
                    <span>Sedation is medically justified and documented (payers ask for the reason)</span>
                  </label>
                </div>
              )}
              {form.kind === 'rfa' && (
                <div className="grid-fields">
                  <Field label="RFA technique" error={err('technique')}>
                    {(f) => (
                      <select
                        id={f.id}
                        aria-describedby={f.describedBy}
                        aria-invalid={f.invalid || undefined}
                        value={form.technique}
                        onChange={(e) => set('technique', e.target.value)}
                      >
                        {RFA_TECHNIQUES.map((t) => (
                          <option key={t} value={t}>
                            {TECHNIQUE_LABEL[t]}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field label="Temperature (°C)" hint="0 to 120 °C" error={err('temperatureC')}>
                    {(f) => (
                      <input
                        id={f.id}
                        type="number"
                        inputMode="decimal"
                        aria-describedby={f.describedBy}
                        aria-invalid={f.invalid || undefined}
                        value={form.temperature}
                        onChange={(e) => set('temperature', e.target.value)}
                      />
                    )}
                  </Field>
                </div>
              )}
            </fieldset>
            <fieldset className="group">
              <legend>Pain before the block</legend>
              <div className="grid-fields">
                <Field label="Scale" error={undefined}>
                  {(f) => (
                    <select
                      id={f.id}
                      value={form.preScale}
                      onChange={(e) => set('preScale', e.target.value as Form['preScale'])}
                    >
                      <option value="NRS">NRS (0–10, whole points)</option>
                      <option value="VAS">VAS (0–10 cm, one decimal)</option>
                    </select>
                  )}
                </Field>
                <Field
                  label="Pain score before the block"
                  hint="The diary's relief is measured from this score."
                  error={err('preScore')}
                >
                  {(f) => (
                    <input
                      id={f.id}
                      type="number"
                      inputMode="decimal"
                      min={0}
                      max={10}
                      step={form.preScale === 'NRS' ? 1 : 0.1}
                      aria-describedby={f.describedBy}
                      aria-invalid={f.invalid || undefined}
                      value={form.preScore}
                      onChange={(e) => set('preScore', e.target.value)}
                    />
                  )}
                </Field>
              </div>
            </fieldset>
            <fieldset className="group">
              <legend>After the block</legend>
              <div className="grid-fields">
                <Field
                  label="Observation (minutes)"
                  hint="How long the patient was observed in recovery."
                  error={err('observationMinutes')}
                >
                  {(f) => (
                    <input
                      id={f.id}
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      aria-describedby={f.describedBy}
                      aria-invalid={f.invalid || undefined}
                      value={form.observation}
                      onChange={(e) => set('observation', e.target.value)}
                    />
                  )}
                </Field>
                <Field label="Complications" error={exact('complications')}>
                  {(f) => (
                    <select
                      id={f.id}
                      aria-describedby={f.describedBy}
                      aria-invalid={f.invalid || undefined}
                      value={form.complicationsState}
                      onChange={(e) =>
                        set('complicationsState', e.target.value as Form['complicationsState'])
                      }
                    >
                      <option value="">Not recorded</option>
                      <option value="none">None</option>
                      <option value="some">Yes (list them)</option>
                    </select>
                  )}
                </Field>
              </div>
              {form.complicationsState === 'some' && (
                <>
                  <Choices
                    legend="Which complications"
                    name={`${id}-complications`}
                    type="checkbox"
                    options={COMPLICATIONS.map((c) => ({ value: c, label: COMPLICATION_LABEL[c] }))}
                    selected={form.complications}
                    onChange={(next) => set('complications', next)}
                    error={err('complications.kinds')}
                  />
                  <Field
                    label="Note on the complications"
                    hint="Optional, at most 500 characters; required for “other”."
                    error={err('complications.note')}
                  >
                    {(f) => (
                      <textarea
                        id={f.id}
                        rows={2}
                        aria-describedby={f.describedBy}
                        aria-invalid={f.invalid || undefined}
                        value={form.complicationsNote}
                        onChange={(e) => set('complicationsNote', e.target.value)}
                      />
                    )}
                  </Field>
                </>
              )}
              {takesDiary(form) && form.status === 'done' && (
                <fieldset className="group nested">
                  <legend>Provocation check in recovery</legend>
                  <p className="hint">
                    The patient tries the activity that hurts (e.g. walking, bending) before leaving. The
                    score is the diary's first point, marked as recorded by staff in recovery.
                  </p>
                  {exact('provocation') && <p className="error-text">{exact('provocation')}</p>}
                  <div className="grid-fields">
                    <Field label="Minutes after the block" error={err('provocation.minutesAfter')}>
                      {(f) => (
                        <input
                          id={f.id}
                          type="text"
                          inputMode="numeric"
                          autoComplete="off"
                          aria-describedby={f.describedBy}
                          aria-invalid={f.invalid || undefined}
                          value={form.provMinutes}
                          onChange={(e) => set('provMinutes', e.target.value)}
                        />
                      )}
                    </Field>
                    <Field label="Activity tried" error={err('provocation.activity')}>
                      {(f) => (
                        <input
                          id={f.id}
                          type="text"
                          autoComplete="off"
                          aria-describedby={f.describedBy}
                          aria-invalid={f.invalid || undefined}
                          value={form.provActivity}
                          onChange={(e) => set('provActivity', e.target.value)}
                        />
                      )}
                    </Field>
                    <Field
                      label="Pain score during the activity"
                      hint="0–10, on the scale of the score before the block."
                      error={err('provocation.score')}
                    >
                      {(f) => (
                        <input
                          id={f.id}
                          type="text"
                          inputMode="decimal"
                          autoComplete="off"
                          aria-describedby={f.describedBy}
                          aria-invalid={f.invalid || undefined}
                          value={form.provScore}
                          onChange={(e) => set('provScore', e.target.value)}
                        />
                      )}
                    </Field>
                  </div>
                </fieldset>
              )}
            </fieldset>
            <fieldset className="group">
              <legend>Where and by whom</legend>
              <div className="grid-fields">
                <Field label="Location" error={err('locationId')}>
                  {(f) => (
                    <select
                      id={f.id}
                      aria-describedby={f.describedBy}
                      aria-invalid={f.invalid || undefined}
                      value={form.locationId}
                      onChange={(e) => {
                        set('locationId', e.target.value);
                        set('room', '');
                      }}
                    >
                      <option value="">Not recorded</option>
                      {locations.map((l) => (
                        <option key={l.id} value={l.id}>
                          {l.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                {(rooms.length > 0 || err('room')) && (
                  <Field label="Room" error={err('room')}>
                    {(f) => (
                      <select
                        id={f.id}
                        aria-describedby={f.describedBy}
                        aria-invalid={f.invalid || undefined}
                        value={form.room}
                        onChange={(e) => set('room', e.target.value)}
                      >
                        <option value="">Not recorded</option>
                        {rooms.map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                )}
                <Field label="Physician" error={err('physicianId')}>
                  {(f) => (
                    <select
                      id={f.id}
                      aria-describedby={f.describedBy}
                      aria-invalid={f.invalid || undefined}
                      value={form.physicianId}
                      onChange={(e) => set('physicianId', e.target.value)}
                    >
                      <option value="">Not recorded</option>
                      {physicians.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
            </fieldset>
            {unknownIssues.length > 0 && (
              <Status kind="error">
                {unknownIssues.map((i) => (
                  <p key={i.path + i.message}>{i.message}</p>
                ))}
              </Status>
            )}
            <p className="row">
              <button type="submit" disabled={saving}>
                {saving ? 'Saving…' : 'Save the block'}
              </button>
              <Link href={chartHref}>Cancel</Link>
            </p>
          </div>
        </div>
      </form>
    </>
  );
}
