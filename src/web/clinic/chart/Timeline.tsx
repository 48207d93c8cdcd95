/** The episode's pathway as an ordered list of dated events, each with its numbers and a link to act on it. */
import type { BlockInterpretationDto } from '../../../contract/procedures';
import { formatDateTime } from '../../shared/i18n';
import { Link } from '../../shared/Link';
import {
  AGENT_LABEL,
  CARE_LABEL,
  formatDate,
  GUIDANCE_LABEL,
  jointsText,
  KIND_LABEL,
  KIND_SHORT,
  minutesText,
  OTHER_BLOCK_LABEL,
  REGION_LABEL,
  SEDATION_LABEL,
  TECHNIQUE_LABEL,
} from '../labels';
import type { TimelineEvent } from './timeline';

const SCREENING_FIELDS: [string, string][] = [
  ['painArea', 'Pain area'],
  ['duration', 'For'],
  ['worseWithMovement', 'Worse with movement'],
  ['radiation', 'Radiates'],
  ['treatmentsTried', 'Tried'],
  ['imaging', 'Imaging'],
  ['redFlags', 'Red flags'],
];
const words = (v: unknown): string =>
  Array.isArray(v)
    ? v.map(words).join(', ')
    : typeof v === 'boolean'
      ? v
        ? 'yes'
        : 'no'
      : String(v).replace(/([a-z])-(?=[a-z])/gi, '$1 ');

export function ResultBadge(props: { interpretation: BlockInterpretationDto | null }) {
  const i = props.interpretation;
  if (!i) return null;
  const cls = i.result === 'positive' ? 'badge-ok' : i.result === 'negative' ? 'badge-err' : 'badge-warn';
  const word = i.result === 'positive' ? 'Positive' : i.result === 'negative' ? 'Negative' : 'Indeterminate';
  return (
    <span className={`badge ${cls}`}>
      {word}
      {i.interpretedAt ? ' · signed' : ' · computed, not signed'}
    </span>
  );
}

function StatusBadge(props: { status: string }) {
  if (props.status === 'done') return null;
  return (
    <span className={props.status === 'cancelled' ? 'badge badge-err' : 'badge badge-warn'}>
      {props.status === 'cancelled' ? 'Cancelled' : 'Planned'}
    </span>
  );
}

function reliefText(i: BlockInterpretationDto): string {
  const peak =
    i.peakReliefPercent === null
      ? 'no relief measurable'
      : `peak relief ${Math.round(i.peakReliefPercent)} %`;
  return `${peak} (threshold ${i.thresholdInclusive ? '≥' : '>'} ${i.threshold} %), lasting ${minutesText(i.durationMinutes)} · policy ${i.policy.id} ${i.policy.version}`;
}

function title(e: TimelineEvent): string {
  switch (e.kind) {
    case 'screening':
      return 'Screening request from the website';
    case 'onset':
      return 'Pain began';
    case 'baseline':
      return 'Baseline recorded';
    case 'care':
      return `${CARE_LABEL[e.care.kind] ?? e.care.kind} (conservative care)`;
    case 'episode':
      return `${REGION_LABEL[e.region] ?? e.region} episode opened`;
    case 'procedure': {
      const p = e.procedure;
      const base =
        p.kind === 'other-block'
          ? `${KIND_LABEL[p.kind]}: ${OTHER_BLOCK_LABEL[p.otherBlock ?? 'other'] ?? p.otherBlock}`
          : KIND_LABEL[p.kind];
      return e.blockNumber ? `${KIND_SHORT[p.kind]} #${e.blockNumber} — ${base}` : (base ?? p.kind);
    }
    case 'decision':
      return `Interpretation signed${e.blockNumber ? ` for block #${e.blockNumber}` : ''}`;
    case 'follow-up':
      return `Follow-up after the ${KIND_SHORT[e.procedure.kind] ?? e.procedure.kind} of ${formatDate(e.procedure.date)}`;
  }
}

function Body(props: { e: TimelineEvent; names: ReadonlyMap<string, string> }) {
  const { e } = props;
  switch (e.kind) {
    case 'screening': {
      const r = e.request;
      const assessment = r.answers.assessment as { result?: string } | undefined;
      return (
        <>
          <p>
            {SCREENING_FIELDS.filter(([k]) => r.answers[k] !== undefined)
              .map(([k, label]) => `${label}: ${words(r.answers[k])}`)
              .join(' · ')}
          </p>
          <p className="muted">
            {assessment?.result ? `Self-screening: ${words(assessment.result)}. ` : ''}
            Request {r.status}
            {r.decidedAt ? ` on ${formatDate(r.decidedAt)}` : ''}.
          </p>
        </>
      );
    }
    case 'onset':
    case 'baseline': {
      const c = e.complaint;
      const facts: string[] = [];
      if (e.kind === 'onset') {
        if (c.axial !== undefined) facts.push(c.axial ? 'axial pain' : 'not axial');
        if (c.radicular) facts.push(`radicular: ${c.radicular}`);
        if (c.diagnoses?.length) facts.push(`diagnoses ${c.diagnoses.join(', ')}`);
      }
      if (c.baseline && (e.kind === 'baseline' || c.baseline.date === c.onset))
        facts.push(`baseline pain ${c.baseline.scale} ${c.baseline.score}/10`);
      if (c.function && (e.kind === 'baseline' || c.function.date === c.onset))
        facts.push(`function ${c.function.instrument} ${c.function.score}`);
      if (e.kind === 'onset' && !c.baseline) facts.push('no baseline pain score recorded yet');
      return <p>{facts.join(' · ') || 'No further facts recorded.'}</p>;
    }
    case 'care':
      return (
        <p>
          {formatDate(e.care.start)} – {formatDate(e.care.end)} ·{' '}
          {e.care.failed ? (
            <span className="badge badge-warn">Failed to relieve</span>
          ) : (
            <span className="badge">Helped</span>
          )}
        </p>
      );
    case 'episode':
      return <p className="muted">Opened on {formatDateTime(e.date, 'en')}.</p>;
    case 'procedure': {
      const p = e.procedure;
      const details: string[] = [jointsText(p.joints)];
      if (p.agent) details.push(AGENT_LABEL[p.agent] ?? p.agent);
      if (p.volumeMlPerNerve !== null) details.push(`${p.volumeMlPerNerve} mL per nerve`);
      if (p.technique)
        details.push(
          `${TECHNIQUE_LABEL[p.technique]}${p.temperatureC !== null ? ` ${p.temperatureC} °C` : ''}`,
        );
      details.push(
        `${GUIDANCE_LABEL[p.guidance]} guidance`,
        `sedation: ${SEDATION_LABEL[p.sedation]?.toLowerCase()}`,
      );
      if (p.preScore) details.push(`pain before ${p.preScore.scale} ${p.preScore.score}`);
      const last = p.diary.reduce((m, d) => Math.max(m, d.minutesAfter), 0);
      return (
        <>
          <p className="row tight">
            <StatusBadge status={p.status} />
            <ResultBadge interpretation={e.interpretation} />
            <span className="muted">{p.intent === 'diagnostic' ? 'Diagnostic' : 'Therapeutic'}</span>
          </p>
          <p>{details.join(' · ')}</p>
          {e.blockNumber !== null && (
            <p>
              <strong>Pain diary:</strong>{' '}
              {p.diary.length
                ? `${p.diary.length} ${p.diary.length === 1 ? 'entry' : 'entries'}, the last ${minutesText(last)} after the block`
                : 'no entries yet'}
              {e.interpretation && <> · {reliefText(e.interpretation)}</>}
            </p>
          )}
          <p>
            <Link href={`/clinic/procedures/${p.id}`}>
              {e.blockNumber !== null ? 'Diary and interpretation' : 'Procedure details'}
              <span className="visually-hidden">
                {' '}
                of the {KIND_SHORT[p.kind]} on {formatDate(p.date)}
              </span>
            </Link>
          </p>
          {p.status === 'done' && (p.kind === 'rfa' || p.intent === 'therapeutic') && (
            <p>
              <Link href={`/clinic/procedures/${p.id}/follow-ups`}>
                {`Follow-ups (${p.followUps.length} recorded)`}
                <span className="visually-hidden">
                  {' '}
                  after the {KIND_SHORT[p.kind]} on {formatDate(p.date)}
                </span>
              </Link>
            </p>
          )}
        </>
      );
    }
    case 'decision': {
      const i = e.interpretation;
      const by = i.interpretedBy ? props.names.get(i.interpretedBy) : undefined;
      return (
        <>
          <p className="row tight">
            <ResultBadge interpretation={i} />
            <span>
              {by ? `by ${by}, ` : ''}
              {formatDateTime(i.interpretedAt!, 'en')}
            </span>
          </p>
          <p>
            {KIND_SHORT[e.procedure.kind]} of {formatDate(e.procedure.date)}: {reliefText(i)}.
          </p>
        </>
      );
    }
    case 'follow-up': {
      const f = e.followUp;
      const facts = [`${f.reliefPercent} % relief`];
      if (f.functionImprovementPercent !== null)
        facts.push(`function ${f.functionImprovementPercent} % better`);
      if (f.nrs !== null) facts.push(`pain NRS ${f.nrs}`);
      if (f.functionScore !== null) facts.push(`function score ${f.functionScore}`);
      if (f.ableToDoActivities !== null)
        facts.push(
          f.ableToDoActivities
            ? 'able to do the activities that hurt'
            : 'not yet able to do the activities that hurt',
        );
      return <p>{facts.join(' · ')}</p>;
    }
  }
}

function keyOf(e: TimelineEvent): string {
  switch (e.kind) {
    case 'screening':
      return `screening-${e.request.id}`;
    case 'care':
      return `care-${e.care.kind}-${e.care.start}-${e.care.end}`;
    case 'procedure':
    case 'decision':
      return `${e.kind}-${e.procedure.id}`;
    case 'follow-up':
      return `follow-up-${e.followUp.id}`;
    default:
      return e.kind;
  }
}

export function Timeline(props: { events: readonly TimelineEvent[]; names: ReadonlyMap<string, string> }) {
  return (
    <ol className="timeline">
      {props.events.map((e) => (
        <li key={keyOf(e)} className={`tl tl-${e.kind}`}>
          <time dateTime={e.date}>{formatDate(e.date)}</time>
          <div className="tl-body">
            <h3>{title(e)}</h3>
            <Body e={e} names={props.names} />
          </div>
        </li>
      ))}
    </ol>
  );
}
