/**
 * The decision panel of an episode: choose a planned procedure, run the payer-policy decision
 * (GET /episodes/:id/evaluation) and read the verdict, every criterion with its numbers and source, what is
 * missing and how to fix it, the earliest allowed date, the blocks and the coding lines; then download the
 * medical-necessity packet (GET /episodes/:id/packet.pdf) for the same decision.
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import {
  CRITERION_STATUS_TEXT,
  type EvaluationResult,
  earliestAllowed,
  VERDICT_TEXT,
  whenAllowed,
} from '../../../contract/decision';
import { ApiError, get, withQuery } from '../../shared/api';
import { Link } from '../../shared/Link';
import { navigate, queryParam, usePageTitle } from '../../shared/router';
import { Choices, Status } from '../../shared/ui';
import {
  type EpisodeChart,
  isDiagnosticBlock,
  jointsText,
  type PatientDto,
  type ProcedureWithRecordsDto,
  patientName,
  RESULT_BADGE,
} from '../decision/data';
import { formatDate, KIND_LABEL } from '../labels';
import { PageLoading, PageNotLoaded } from '../PageState';
import '../decision/decision.css';
import { factHref, fieldForReason } from '../chart/facts';
import { PlanForm } from '../decision/PlanForm';
import { formatMinutes, sign } from '../decision/ReliefChart';
import { reasonText } from '../decision/reasons';
import { useSession } from '../session';
import { TableWrap } from '../TableWrap';

const STATUS_BADGE: Record<string, string> = {
  met: 'badge badge-ok',
  'not-met': 'badge badge-err',
  unknown: 'badge badge-warn',
};

const NEXT_LABEL: Record<string, string> = {
  reschedule: 'Reschedule',
  'confirmatory-block': 'Confirmatory block',
  rfa: 'Radiofrequency ablation',
  'follow-up': 'Follow-up',
  'repeat-rfa': 'Repeat RFA',
  'repeat-therapeutic-injection': 'Repeat therapeutic injection',
  'provide-information': 'Provide information',
};

function procedureLabel(p: ProcedureWithRecordsDto): string {
  return `${KIND_LABEL[p.kind] ?? p.kind} on ${formatDate(p.date)} — ${jointsText(p.joints)}`;
}

const addDaysIso = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export default function Decision(props: { episodeId: string }) {
  const { user } = useSession();
  const [episode, setEpisode] = useState<EpisodeChart | null>(null);
  const [patient, setPatient] = useState<PatientDto | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [proposed, setProposed] = useState<string | null>(queryParam('proposed'));
  const [result, setResult] = useState<EvaluationResult | null>(null);
  const [resultFor, setResultFor] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<ApiError | null>(null);
  const [choiceError, setChoiceError] = useState<string | undefined>();

  usePageTitle(patient ? `Decision for ${patientName(patient)}` : 'Decision panel', 'Facetpath clinic');

  const loadEpisode = useCallback(async () => {
    try {
      const e = await get<EpisodeChart>(`/api/v1/episodes/${props.episodeId}`);
      setEpisode(e);
      setPatient(await get<PatientDto>(`/api/v1/patients/${e.patientId}`).catch(() => null));
      return e;
    } catch (err) {
      setLoadError(err instanceof ApiError ? err : new ApiError(0, 'ERROR', String(err)));
      return null;
    }
  }, [props.episodeId]);

  const run = useCallback(
    async (id: string) => {
      setRunning(true);
      setRunError(null);
      try {
        const r = await get<EvaluationResult>(`/api/v1/episodes/${props.episodeId}/evaluation`, {
          proposed: id,
        });
        setResult(r);
        setResultFor(id);
        navigate(withQuery(`/clinic/episodes/${props.episodeId}/decision`, { proposed: id }), {
          replace: true,
        });
      } catch (err) {
        setResult(null);
        setResultFor(null);
        setRunError(err instanceof ApiError ? err : new ApiError(0, 'ERROR', String(err)));
      } finally {
        setRunning(false);
      }
    },
    [props.episodeId],
  );

  useEffect(() => {
    void loadEpisode().then((e) => {
      const planned = e?.procedures.filter((p) => p.status === 'planned') ?? [];
      const fromUrl = queryParam('proposed');
      if (fromUrl && planned.some((p) => p.id === fromUrl)) void run(fromUrl);
      else if (planned.length === 1) setProposed(planned[0]!.id);
    });
  }, [loadEpisode, run]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!proposed) {
      setChoiceError('Choose the procedure to decide on.');
      return;
    }
    setChoiceError(undefined);
    void run(proposed);
  }

  if (loadError) {
    return (
      <PageNotLoaded
        title="Decision panel"
        error={loadError}
        notFound="This episode was not found in your practice."
        failed="The episode could not be loaded"
      />
    );
  }
  if (!episode) return <PageLoading title="Decision panel">Loading the episode…</PageLoading>;

  const planned = episode.procedures.filter((p) => p.status === 'planned');
  const blocks = episode.procedures.filter(isDiagnosticBlock).sort((a, b) => (a.date < b.date ? 1 : -1));
  const latestBlock = blocks[0];
  const diagnoses = (episode.complaint.diagnoses as string[] | undefined) ?? [];
  const packetHref = resultFor
    ? withQuery(`/api/v1/episodes/${props.episodeId}/packet.pdf`, { proposed: resultFor })
    : null;

  return (
    <>
      <p>
        {patient && (
          <Link href={`/clinic/patients/${episode.patientId}`}>{`Chart of ${patientName(patient)}`}</Link>
        )}
      </p>
      <h1>{patient ? `Decision for ${patientName(patient)}` : 'Decision panel'}</h1>
      <p className="muted">
        {`${episode.region[0]!.toUpperCase()}${episode.region.slice(1)} episode · ${blocks.length} diagnostic ${blocks.length === 1 ? 'block' : 'blocks'} done · ${planned.length} planned ${planned.length === 1 ? 'procedure' : 'procedures'}`}
      </p>

      {planned.length > 0 ? (
        <form onSubmit={submit} noValidate aria-labelledby="choose-h" className="card">
          <h2 id="choose-h">Proposed procedure</h2>
          <Choices
            legend="Decide on this planned procedure"
            name="proposed"
            type="radio"
            options={planned.map((p) => ({ value: p.id, label: procedureLabel(p) }))}
            selected={proposed ? [proposed] : []}
            onChange={(v) => setProposed(v[0] ?? null)}
            error={choiceError ?? runError?.issues.find((i) => i.path === 'querystring.proposed')?.message}
          />
          <button type="submit" disabled={running}>
            {running ? 'Running the decision…' : 'Run the decision'}
          </button>
        </form>
      ) : (
        <Status kind="info">
          <p>This episode has no planned procedure yet. A decision is made for a planned procedure.</p>
        </Status>
      )}

      {planned.length === 0 &&
        (user.role === 'physician' && latestBlock ? (
          <PlanForm
            episodeId={props.episodeId}
            from={latestBlock}
            defaultDate={addDaysIso(7)}
            onPlanned={(id) => {
              setProposed(id);
              void loadEpisode().then(() => run(id));
            }}
          />
        ) : (
          <p>
            {latestBlock
              ? 'A physician plans the procedure (RFA or a confirmatory block) from this page or the chart.'
              : 'Document the first diagnostic block before a decision: '}
            {!latestBlock && (
              <Link href={`/clinic/episodes/${props.episodeId}/blocks/new`}>document a block</Link>
            )}
          </p>
        ))}

      {runError && (
        <Status kind="error">
          <p>
            <strong>The decision could not be made.</strong> {runError.message}
          </p>
          {runError.issues.some((i) => i.path === 'coverage') && (
            <p>
              <Link href={`/clinic/patients/${episode.patientId}`}>
                Record the patient's coverage on the chart
              </Link>
            </p>
          )}
        </Status>
      )}

      {result && resultFor && (
        <DecisionResult
          result={result}
          proposed={planned.find((p) => p.id === resultFor) ?? null}
          diagnoses={diagnoses}
          packetHref={packetHref!}
          patientId={episode.patientId}
          episodeId={props.episodeId}
        />
      )}
    </>
  );
}

function DecisionResult(props: {
  result: EvaluationResult;
  proposed: ProcedureWithRecordsDto | null;
  diagnoses: string[];
  packetHref: string;
  patientId: string;
  episodeId: string;
}) {
  const r = props.result;
  const earliest = earliestAllowed(r);
  const open = r.criteria.filter(
    (c) => c.status !== 'met' && (c.severity === 'required' || c.status === 'not-met'),
  );
  const missingInfo = r.next.find((n) => n.action === 'provide-information');
  return (
    <section aria-labelledby="verdict-h">
      <h2 id="verdict-h">Decision</h2>
      <p className="visually-hidden" role="status">
        {`Decision ready: ${VERDICT_TEXT[r.verdict]}.`}
      </p>
      <div className={`verdict verdict-${r.verdict}`} data-testid="verdict">
        <p>
          <span className="verdict-word">{`Verdict: ${VERDICT_TEXT[r.verdict]}`}</span>
        </p>
        <p>
          {props.proposed
            ? `${procedureLabel(props.proposed)}.`
            : `${KIND_LABEL[r.proposed.kind] ?? r.proposed.kind} on ${formatDate(r.proposed.date)}.`}
        </p>
        <p data-testid="earliest">
          <strong>Earliest allowed date: </strong>
          {earliest.kind === 'planned-date'
            ? `${formatDate(earliest.date)} (the planned date)`
            : earliest.kind === 'from'
              ? `${formatDate(earliest.date)}${earliest.alreadyAllowed ? ` (already allowed on ${formatDate(r.asOf)})` : ''} — ${earliest.reason}`
              : earliest.reason}
        </p>
        <p className="source">
          {`Policy: ${r.policy.title} (${r.policy.id}), version ${r.policy.version}${r.policy.lcd ? `; ${r.policy.lcd}` : ''}${r.policy.contractor ? `, ${r.policy.contractor}` : ''}. Evaluated as of ${formatDate(r.asOf)}.`}
        </p>
      </div>

      <p className="actions">
        <a className="button" href={props.packetHref} download>
          Download medical-necessity packet (PDF)
        </a>
      </p>

      <h3>What is missing and how to fix it</h3>
      {open.length === 0 ? (
        <p data-testid="missing">Nothing is missing: every required criterion is met.</p>
      ) : (
        <ul className="fix-list" data-testid="missing">
          {open.map((c) => (
            <li key={c.rule}>
              <p>
                <span className={STATUS_BADGE[c.status]}>{CRITERION_STATUS_TEXT[c.status]}</span>{' '}
                <strong>{`Rule ${c.rule}: ${c.title}`}</strong>
                {c.severity === 'advisory' ? ' (advisory)' : ''}
              </p>
              <p>{c.message}</p>
              {c.reason && (
                <p>
                  <strong>How to fix it: </strong>
                  {reasonText(c.reason).fix} <span className="source">({c.reason})</span>
                </p>
              )}
              {c.reason && fieldForReason(c.reason) && (
                <p>
                  <Link href={factHref(props.patientId, props.episodeId, fieldForReason(c.reason))}>
                    {`Record “${fieldForReason(c.reason)!.label}” on the chart`}
                  </Link>
                </p>
              )}
              {c.earliestDate && <p>{`Allowed from ${formatDate(c.earliestDate)}.`}</p>}
              <p className="source">{`Source: ${c.source}`}</p>
            </li>
          ))}
        </ul>
      )}
      {missingInfo && <p>{missingInfo.reason}</p>}

      <h3>Every criterion</h3>
      <TableWrap label="Every criterion of the policy for this procedure">
        <table className="criteria" data-testid="criteria">
          <caption className="visually-hidden">Every criterion of the policy for this procedure</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Criterion</th>
              <th scope="col">Finding</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {r.criteria.map((c) => (
              <tr key={c.rule}>
                <td data-label="Status">
                  <span className={STATUS_BADGE[c.status]}>{CRITERION_STATUS_TEXT[c.status]}</span>
                </td>
                <td data-label="Criterion">
                  {`Rule ${c.rule}: ${c.title}`}
                  {c.severity === 'advisory' && <span className="source"> (advisory)</span>}
                </td>
                <td data-label="Finding">
                  {c.message}
                  {c.earliestDate ? ` Earliest: ${formatDate(c.earliestDate)}.` : ''}
                </td>
                <td className="source" data-label="Source">
                  {c.source}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <h3>Diagnostic blocks</h3>
      {r.blocks.length === 0 ? (
        <p>No diagnostic block has been done in this episode.</p>
      ) : (
        <TableWrap label="The episode’s diagnostic blocks as the decision read them">
          <table>
            <caption className="visually-hidden">
              The episode's diagnostic blocks as the decision read them
            </caption>
            <thead>
              <tr>
                <th scope="col">Block</th>
                <th scope="col">Agent</th>
                <th scope="col">Peak relief</th>
                <th scope="col">Duration</th>
                <th scope="col">Threshold</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {r.blocks.map((b) => (
                <tr key={b.id}>
                  <td>
                    <Link href={`/clinic/procedures/${b.id}`}>
                      {`${KIND_LABEL[b.kind] ?? b.kind} of ${formatDate(b.date)}`}
                    </Link>
                  </td>
                  <td>{b.agent ?? 'not recorded'}</td>
                  <td>{b.peakReliefPercent === null ? '—' : `${b.peakReliefPercent} %`}</td>
                  <td>{formatMinutes(b.durationMinutes)}</td>
                  <td>{`${sign(b.thresholdInclusive)} ${b.threshold} % (rule ${b.rule})`}</td>
                  <td>
                    <span className={RESULT_BADGE[b.result]!.cls}>{RESULT_BADGE[b.result]!.text}</span>
                    {b.reasons.length > 0 && <span className="source">{` ${b.reasons.join(', ')}`}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {r.comparative && (
        <p>
          <strong>Comparative blocks: </strong>
          {r.comparative.result === 'concordant'
            ? 'concordant — the long-acting block lasted longer than the short-acting one.'
            : 'discordant — the long-acting block did not last longer than the short-acting one.'}
        </p>
      )}

      <h3>Coding</h3>
      <TableWrap label="CPT lines for the proposed procedure">
        <table data-testid="coding">
          <caption className="visually-hidden">CPT lines for the proposed procedure</caption>
          <thead>
            <tr>
              <th scope="col">CPT</th>
              <th scope="col">Modifiers</th>
              <th scope="col">Units</th>
              <th scope="col">Levels</th>
              <th scope="col">Description</th>
              <th scope="col">Covered</th>
            </tr>
          </thead>
          <tbody>
            {r.coding.map((l) => (
              <tr key={`${l.code}-${l.levels.join()}`}>
                <td>{l.code}</td>
                <td>{l.modifiers.join(', ') || 'none'}</td>
                <td>{l.units}</td>
                <td>{l.levels.join(', ')}</td>
                <td>{l.description}</td>
                <td>{l.covered ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p>
        <strong>ICD-10: </strong>
        {props.diagnoses.length ? props.diagnoses.join(', ') : 'no diagnosis recorded'}
      </p>

      {r.next.length > 0 && (
        <>
          <h3>Next steps</h3>
          <ul>
            {r.next.map((n) => (
              <li key={n.action}>
                <strong>{NEXT_LABEL[n.action] ?? n.action}</strong>
                {n.earliestDate ? ` ${whenAllowed(n, r.asOf, formatDate)}` : ''}: {n.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
