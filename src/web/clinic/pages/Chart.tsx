/**
 * The patient chart: who the patient is and their coverage (recorded and changed here, see chart/Coverage.tsx), their episodes (opening one when there is none),
 * the selected episode's facts and what is missing (recorded here, see chart/EpisodeFacts.tsx), and its pathway as a timeline — screening, onset and conservative care, blocks with their
 * diaries and results, interpretation sign-offs, RFA and follow-ups — with the links to act on each.
 */

import { type FormEvent, useEffect, useId, useState } from 'react';
import type { EpisodeDto } from '../../../contract/episodes';
import type { PatientDto } from '../../../contract/patients';
import { REGIONS, takesDiary } from '../../../contract/preview';
import type { BlockInterpretationDto, ProcedureWithRecordsDto } from '../../../contract/procedures';
import { ApiError, type ApiIssue, get, post } from '../../shared/api';
import { Link } from '../../shared/Link';
import { navigate, queryParam, useLocation, usePageTitle } from '../../shared/router';
import { ErrorSummary, Field, Status } from '../../shared/ui';
import { CoverageSection, mayEditCoverage } from '../chart/Coverage';
import { type CoverageValue, coverageSummary, type ScreeningInsurance } from '../chart/coverage';
import { EpisodeFacts } from '../chart/EpisodeFacts';
import { Timeline } from '../chart/Timeline';
import { buildTimeline, type ComplaintLite, type ScreeningRequestLite } from '../chart/timeline';
import { ageOn, formatDate, REGION_LABEL } from '../labels';
import { useSession } from '../session';
import '../chart/chart.css';

type Coverage = CoverageValue;
type ScreeningRow = ScreeningRequestLite & {
  patientId: string | null;
  insurance?: ScreeningInsurance | null;
};
type EpisodeChart = EpisodeDto & { procedures: ProcedureWithRecordsDto[] };

interface Head {
  patient: PatientDto;
  coverage: Coverage | null;
  episodes: EpisodeDto[];
  screening: ScreeningRow[];
  names: Map<string, string>;
  locations: { id: string; name: string; active: boolean; state?: string }[];
}

const notFound = (e: unknown) => e instanceof ApiError && e.status === 404;

export default function Chart(props: { patientId: string }) {
  const { user } = useSession();
  useLocation(); // re-render when ?episode= changes
  const [head, setHead] = useState<Head | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chart, setChart] = useState<{
    episode: EpisodeChart;
    interpretations: Map<string, BlockInterpretationDto>;
  } | null>(null);
  const [chartError, setChartError] = useState<string | null>(null);
  const [showNewEpisode, setShowNewEpisode] = useState(false);
  /** Bumped when the episode's facts are saved: the pathway is read again. */
  const [chartVersion, setChartVersion] = useState(0);

  const name = head ? `${head.patient.givenName} ${head.patient.familyName}` : 'Patient chart';
  usePageTitle(head ? `${name} — chart` : 'Patient chart', 'Facetpath clinic');

  useEffect(() => {
    let live = true;
    const id = props.patientId;
    (async () => {
      try {
        const [patient, coverage, episodes, requests, physicians, locations] = await Promise.all([
          get<PatientDto>(`/api/v1/patients/${id}`),
          get<Coverage>(`/api/v1/patients/${id}/coverage`).catch((e) => {
            if (notFound(e)) return null;
            throw e;
          }),
          get<{ items: EpisodeDto[] }>(`/api/v1/patients/${id}/episodes`),
          get<{ items: ScreeningRow[] }>('/api/v1/requests', {
            status: 'accepted',
            limit: 200,
          }).catch(() => ({ items: [] })),
          get<{ items: { id: string; name: string }[] }>('/api/v1/physicians').catch(() => ({ items: [] })),
          get<{ items: { id: string; name: string; active: boolean; state?: string }[] }>(
            '/api/v1/locations',
          ).catch(() => ({
            items: [],
          })),
        ]);
        if (!live) return;
        setHead({
          patient,
          coverage,
          episodes: episodes.items,
          screening: requests.items.filter((r) => r.patientId === id),
          names: new Map(physicians.items.map((p) => [p.id, p.name])),
          locations: locations.items.filter((l) => l.active),
        });
      } catch (e) {
        if (live)
          setLoadError(
            notFound(e)
              ? 'This patient does not exist, or belongs to another practice.'
              : e instanceof ApiError
                ? e.message
                : 'The chart could not be loaded.',
          );
      }
    })();
    return () => {
      live = false;
    };
  }, [props.patientId]);

  const episodes = head?.episodes ?? [];
  const wanted = queryParam('episode');
  const selected =
    episodes.find((e) => e.id === wanted) ?? episodes.find((e) => e.status === 'open') ?? episodes[0] ?? null;

  const selectedId = selected?.id;
  useEffect(() => {
    if (!selectedId || chartVersion < 0) return; // chartVersion: read again after the facts are saved
    let live = true;
    setChartError(null);
    (async () => {
      try {
        const episode = await get<EpisodeChart>(`/api/v1/episodes/${selectedId}`);
        const interpretations = new Map<string, BlockInterpretationDto>();
        await Promise.all(
          episode.procedures
            .filter((p) => takesDiary(p) && p.status === 'done' && p.diary.length > 0)
            .map((p) =>
              get<BlockInterpretationDto>(`/api/v1/procedures/${p.id}/interpretation`)
                .then((i) => interpretations.set(p.id, i))
                .catch(() => undefined),
            ),
        );
        if (live) setChart({ episode, interpretations });
      } catch (e) {
        if (live) setChartError(e instanceof ApiError ? e.message : 'The episode could not be loaded.');
      }
    })();
    return () => {
      live = false;
    };
  }, [selectedId, chartVersion]);

  if (loadError)
    return (
      <>
        <h1>Patient chart</h1>
        <Status kind="error">{loadError}</Status>
        <p>
          <Link href="/clinic/patients">Back to the patients</Link>
        </p>
      </>
    );
  if (!head)
    return (
      <>
        <h1>Patient chart</h1>
        <p role="status">Loading the chart…</p>
      </>
    );

  const p = head.patient;
  const cov = head.coverage;
  const shown = chart && selected && chart.episode.id === selected.id ? chart : null;
  const events = shown
    ? buildTimeline({
        episode: {
          region: shown.episode.region,
          createdAt: shown.episode.createdAt,
          complaint: shown.episode.complaint as ComplaintLite,
        },
        procedures: shown.episode.procedures,
        interpretations: shown.interpretations,
        screening: head.screening[0] ?? null,
      })
    : [];

  return (
    <>
      <section className="card chart-head" aria-labelledby="chart-h1">
        <div className="page-head">
          <h1 id="chart-h1">{name}</h1>
          <p className="row">
            <Link href="/clinic/patients">All patients</Link>
            <Link href={`/clinic/patients/${p.id}/access`}>Access history</Link>
          </p>
        </div>
        <dl>
          <div>
            <dt>Date of birth</dt>
            <dd>
              {formatDate(p.birthDate)} ({ageOn(p.birthDate)} years)
            </dd>
          </div>
          <div>
            <dt>MRN</dt>
            <dd>{p.mrn ?? 'Not recorded'}</dd>
          </div>
          <div>
            <dt>Coverage</dt>
            <dd>{cov ? coverageSummary(cov) : 'No coverage on file'}</dd>
          </div>
          <div>
            <dt>Contact</dt>
            <dd>{[p.phone, p.email].filter(Boolean).join(' · ') || 'None recorded'}</dd>
          </div>
          <div>
            <dt>Language</dt>
            <dd>{p.language === 'es' ? 'Spanish' : 'English'}</dd>
          </div>
        </dl>
      </section>

      <CoverageSection
        patientId={p.id}
        coverage={cov}
        canEdit={mayEditCoverage(user.role)}
        screening={head.screening.find((r) => r.insurance?.kind)?.insurance ?? null}
        defaultState={head.locations.find((l) => l.state)?.state ?? ''}
        onSaved={(c) => setHead((h) => (h ? { ...h, coverage: c } : h))}
      />

      <section aria-labelledby="episodes-h">
        <div className="page-head">
          <h2 id="episodes-h">Episodes</h2>
          {episodes.length > 0 && (
            <button
              type="button"
              className="secondary"
              aria-expanded={showNewEpisode}
              onClick={() => setShowNewEpisode((s) => !s)}
            >
              {showNewEpisode ? 'Close the new episode form' : 'Open another episode'}
            </button>
          )}
        </div>
        {episodes.length === 0 && (
          <p>No episode yet: open one for the region that hurts to start the pathway.</p>
        )}
        {(episodes.length === 0 || showNewEpisode) && (
          <NewEpisodeForm
            patientId={p.id}
            locations={head.locations}
            onCreated={(ep) => {
              setShowNewEpisode(false);
              setHead((h) => (h ? { ...h, episodes: [...h.episodes, ep] } : h));
              navigate(`/clinic/patients/${p.id}?episode=${ep.id}`, { replace: true });
            }}
          />
        )}
        {episodes.length > 0 && (
          <ul className="episode-list">
            {episodes.map((e) => (
              <li key={e.id}>
                <a
                  href={`/clinic/patients/${p.id}?episode=${e.id}`}
                  aria-current={selected?.id === e.id ? 'page' : undefined}
                >
                  {REGION_LABEL[e.region]} · opened {formatDate(e.createdAt)} · {e.status}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      {selected && (
        <section aria-labelledby="pathway-h">
          <h2 id="pathway-h">
            Pathway: {REGION_LABEL[selected.region]?.toLowerCase()} episode ({selected.status})
          </h2>
          <p className="row actions">
            {user.role === 'physician' ? (
              <Link className="button" href={`/clinic/episodes/${selected.id}/blocks/new`}>
                Document a block
              </Link>
            ) : (
              <span className="muted">Blocks are documented by a physician.</span>
            )}
            <Link className="button secondary" href={`/clinic/episodes/${selected.id}/decision`}>
              Decision
            </Link>
          </p>
          {chartError && <Status kind="error">{chartError}</Status>}
          {!shown && !chartError && <p role="status">Loading the pathway…</p>}
          {shown && <Timeline events={events} names={head.names} />}
        </section>
      )}

      {shown && (
        <EpisodeFacts
          key={shown.episode.id}
          episode={shown.episode}
          role={user.role}
          onSaved={(ep) => {
            setHead((h) => (h ? { ...h, episodes: h.episodes.map((e) => (e.id === ep.id ? ep : e)) } : h));
            setChartVersion((v) => v + 1);
          }}
        />
      )}
    </>
  );
}

const fieldOf = (path: string) => path.replace(/^body\.?/, '');

function NewEpisodeForm(props: {
  patientId: string;
  locations: { id: string; name: string }[];
  onCreated: (e: EpisodeDto) => void;
}) {
  const id = useId();
  const [region, setRegion] = useState<string>('lumbar');
  const [onset, setOnset] = useState('');
  const [locationId, setLocationId] = useState('');
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const err = (k: string) =>
    issues
      .filter((i) => fieldOf(i.path) === k || fieldOf(i.path).startsWith(`${k}.`))
      .map((i) => i.message)
      .join('; ') || undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    const body: Record<string, unknown> = { region, complaint: onset ? { onset } : {} };
    if (locationId) body.locationId = locationId;
    try {
      const created = await post<EpisodeDto>(`/api/v1/patients/${props.patientId}/episodes`, body);
      setIssues([]);
      props.onCreated(created);
    } catch (e2) {
      if (e2 instanceof ApiError && e2.issues.length) setIssues(e2.issues);
      else setError(e2 instanceof ApiError ? e2.message : 'The episode could not be opened.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card" noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Open an episode</h3>
      {error && <Status kind="error">{error}</Status>}
      <ErrorSummary title="The episode was not opened. Please correct:" items={issues} />
      <div className="grid-fields">
        <Field label="Region" error={err('region')}>
          {(f) => (
            <select
              id={f.id}
              aria-describedby={f.describedBy}
              value={region}
              onChange={(e) => setRegion(e.target.value)}
            >
              {REGIONS.map((r) => (
                <option key={r} value={r}>
                  {REGION_LABEL[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Pain began on" hint="Optional; more facts can follow." error={err('complaint.onset')}>
          {(f) => (
            <input
              id={f.id}
              type="date"
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid || undefined}
              value={onset}
              onChange={(e) => setOnset(e.target.value)}
            />
          )}
        </Field>
        <Field label="Location" error={err('locationId')}>
          {(f) => (
            <select
              id={f.id}
              aria-describedby={f.describedBy}
              value={locationId}
              onChange={(e) => setLocationId(e.target.value)}
            >
              <option value="">Not chosen</option>
              {props.locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <button type="submit" disabled={saving}>
        {saving ? 'Opening…' : 'Open the episode'}
      </button>
    </form>
  );
}
