/**
 * The interpretation view of a diagnostic block: the diary curve with the threshold line and the agent's
 * expected window, peak relief, duration, result, reasons and warnings in plain words with their source
 * (rule and policy version), the comparison with the episode's other block, and the physician's sign-off.
 * Every number comes from the server's interpretation (GET /procedures/:id/interpretation).
 */
import { useCallback, useEffect, useState } from 'react';
import { compareBlocks } from '../../../contract/decision';
import { ApiError, get } from '../../shared/api';
import { Link } from '../../shared/Link';
import { usePageTitle } from '../../shared/router';
import { Status } from '../../shared/ui';
import {
  type BlockInterpretationDto,
  type EpisodeChart,
  formatWhen,
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
import { formatMinutes, percent, ReliefChart, ReliefTable, sign } from '../decision/ReliefChart';
import { reasonText } from '../decision/reasons';
import { SignOff } from '../decision/SignOff';
import { useSession } from '../session';
import { TableWrap } from '../TableWrap';

interface OtherBlock {
  procedure: ProcedureWithRecordsDto;
  interpretation: BlockInterpretationDto | null;
}

interface Loaded {
  procedure: ProcedureWithRecordsDto;
  patient: PatientDto | null;
  interpretation: BlockInterpretationDto | null;
  /** Why there is no interpretation (a planned block, not a diagnostic one). */
  unavailable: string | null;
  /** The episode's diagnostic blocks (this one included), in date order, with their interpretations. */
  blocks: OtherBlock[];
}

function exact(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export default function Interpretation(props: { procedureId: string }) {
  const { user } = useSession();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const title = data
    ? `Interpretation: ${(KIND_LABEL[data.procedure.kind] ?? data.procedure.kind).toLowerCase()} of ${formatDate(data.procedure.date)}`
    : 'Block interpretation';
  usePageTitle(title, 'Facetpath clinic');

  const load = useCallback(async () => {
    setError(null);
    try {
      const procedure = await get<ProcedureWithRecordsDto>(`/api/v1/procedures/${props.procedureId}`);
      const [patient, episode] = await Promise.all([
        get<PatientDto>(`/api/v1/patients/${procedure.patientId}`).catch(() => null),
        get<EpisodeChart>(`/api/v1/episodes/${procedure.episodeId}`),
      ]);
      let interpretation: BlockInterpretationDto | null = null;
      let unavailable: string | null = null;
      try {
        interpretation = await get<BlockInterpretationDto>(
          `/api/v1/procedures/${procedure.id}/interpretation`,
        );
      } catch (e) {
        if (e instanceof ApiError && e.status === 422) unavailable = e.message;
        else throw e;
      }
      const diagnostic = episode.procedures
        .filter(isDiagnosticBlock)
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const blocks: OtherBlock[] = [];
      for (const p of diagnostic) {
        if (p.id === procedure.id) {
          blocks.push({ procedure: p, interpretation });
          continue;
        }
        const i = await get<BlockInterpretationDto>(`/api/v1/procedures/${p.id}/interpretation`).catch(
          () => null,
        );
        blocks.push({ procedure: p, interpretation: i });
      }
      setData({ procedure, patient, interpretation, unavailable, blocks });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'ERROR', String(e)));
    }
  }, [props.procedureId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) {
    return (
      <PageNotLoaded
        title="Block interpretation"
        error={error}
        notFound="This block was not found in your practice."
        failed="The interpretation could not be loaded"
      />
    );
  }
  if (!data) return <PageLoading title="Block interpretation">Loading the block and its diary…</PageLoading>;

  const { procedure: p, patient, interpretation: i } = data;
  const comparable = data.blocks
    .filter((b) => b.interpretation)
    .map((b) => ({
      id: b.procedure.id,
      agent: b.interpretation!.agent,
      result: b.interpretation!.result,
      durationMinutes: b.interpretation!.durationMinutes,
    }));
  const comparison = compareBlocks(comparable);
  const others = data.blocks.filter((b) => b.procedure.id !== p.id);
  const byId = new Map(data.blocks.map((b) => [b.procedure.id, b]));

  return (
    <>
      <p>
        {patient ? (
          <Link href={`/clinic/patients/${p.patientId}`}>{`Chart of ${patientName(patient)}`}</Link>
        ) : (
          <Link href="/clinic/patients">Patients</Link>
        )}
      </p>
      <h1>{title}</h1>
      <p className="muted">
        {[
          patient ? `${patientName(patient)}, born ${formatDate(patient.birthDate)}` : null,
          jointsText(p.joints),
          p.agent
            ? `${p.agent}${p.volumeMlPerNerve !== null ? ` ${p.volumeMlPerNerve} mL per nerve` : ''}`
            : null,
          p.guidance,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>

      {!i ? (
        <Status kind="info">
          <p>{`This procedure has no interpretation: ${data.unavailable ?? 'it is not a diagnostic block.'}`}</p>
        </Status>
      ) : (
        <>
          {i.diary.status === 'open' && (
            <Status kind="info">
              <p data-testid="provisional">
                <strong>{`Provisional — diary open until ${formatWhen(i.diary.openUntil)}.`}</strong> The
                result below is the result so far; it can change with the entries still due, and it can be
                signed once the diary is complete or closed.
              </p>
            </Status>
          )}
          <section aria-labelledby="result-h" className="card">
            <h2 id="result-h">{i.diary.status === 'open' ? 'Result so far (provisional)' : 'Result'}</h2>
            <p>
              <span className={RESULT_BADGE[i.result]!.cls} data-testid="result-badge">
                {RESULT_BADGE[i.result]!.text}
              </span>{' '}
              {i.explanation}
            </p>
            <dl className="facts">
              <div>
                <dt>Peak relief</dt>
                <dd data-testid="peak-relief">
                  {i.peakReliefPercent === null ? 'Not computable' : percent(i.peakReliefPercent)}
                </dd>
                {i.peakReliefPercent !== null && !Number.isInteger(i.peakReliefPercent) && (
                  <dd className="source">{`exactly ${exact(i.peakReliefPercent)} %`}</dd>
                )}
              </div>
              <div>
                <dt>Duration at the threshold</dt>
                <dd data-testid="duration">{formatMinutes(i.durationMinutes)}</dd>
                {i.censored && <dd className="source">the diary stops while relief still holds</dd>}
              </div>
              <div>
                <dt>Threshold</dt>
                <dd>{`${sign(i.thresholdInclusive)} ${i.threshold} %`}</dd>
              </div>
              <div>
                <dt>Pre-block pain (B)</dt>
                <dd>{i.baselineScore === null ? 'Not recorded' : `${i.baselineScore} / 10`}</dd>
              </div>
              <div>
                <dt>Agent window</dt>
                <dd>
                  {i.agentWindow ? `${i.agentWindow.fromMinutes}–${i.agentWindow.toMinutes} min` : 'No agent'}
                </dd>
              </div>
            </dl>
            <p className="source">
              {`Relief = (B − score) / B. Source: rule ${i.rule} of policy ${i.policy.id}, version ${i.policy.version}; peak read within ${i.observationWindowMinutes} min, relief must start within ${i.onsetWindowMinutes} min.`}
            </p>
            {(i.reasons.length > 0 || i.warnings.length > 0) && (
              <>
                <h3>{i.reasons.length ? 'Why it is not positive' : 'Warnings'}</h3>
                <ul className="fix-list">
                  {[...i.reasons, ...i.warnings].map((code) => (
                    <li key={code}>
                      <p>
                        <strong>{reasonText(code).meaning}</strong> <span className="source">({code})</span>
                      </p>
                      <p>{`What to do: ${reasonText(code).fix}`}</p>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>

          <section aria-labelledby="curve-h">
            <h2 id="curve-h">Diary curve</h2>
            {i.points.length === 0 ? (
              <p>No diary entries have been recorded for this block.</p>
            ) : (
              <>
                <ReliefChart
                  points={i.points}
                  threshold={i.threshold}
                  thresholdInclusive={i.thresholdInclusive}
                  agent={i.agent}
                  agentWindow={i.agentWindow}
                  peakReliefPercent={i.peakReliefPercent}
                  durationMinutes={i.durationMinutes}
                />
                <ul className="chart-legend">
                  <li>
                    <span className="swatch swatch-curve" aria-hidden="true" />
                    Relief reported by the patient
                  </li>
                  <li>
                    <span className="swatch swatch-threshold" aria-hidden="true" />
                    {`Threshold ${sign(i.thresholdInclusive)} ${i.threshold} %`}
                  </li>
                  {i.agentWindow && (
                    <li>
                      <span className="swatch swatch-window" aria-hidden="true" />
                      {`Expected ${i.agent} window (${i.agentWindow.fromMinutes}–${i.agentWindow.toMinutes} min)`}
                    </li>
                  )}
                </ul>
                <ReliefTable points={i.points} caption="Diary entries and relief" />
              </>
            )}
          </section>

          <section aria-labelledby="compare-h">
            <h2 id="compare-h">Comparative blocks</h2>
            {comparison ? (
              <p data-testid="comparison">
                <span className={comparison.result === 'concordant' ? 'badge badge-ok' : 'badge badge-warn'}>
                  {comparison.result === 'concordant' ? 'Concordant' : 'Discordant'}
                </span>{' '}
                {`The long-acting block (${byId.get(comparison.longBlockId)!.interpretation!.agent}, ${formatDate(byId.get(comparison.longBlockId)!.procedure.date)}) gave relief for ${byId.get(comparison.longBlockId)!.interpretation!.durationMinutes} min; the short-acting block (${byId.get(comparison.shortBlockId)!.interpretation!.agent}, ${formatDate(byId.get(comparison.shortBlockId)!.procedure.date)}) for ${byId.get(comparison.shortBlockId)!.interpretation!.durationMinutes} min. ${comparison.result === 'concordant' ? 'The long-acting agent lasted longer, as expected.' : 'The long-acting agent did not last longer: consider a placebo response.'}`}
              </p>
            ) : (
              <p data-testid="comparison">
                {others.length === 0
                  ? 'This is the only diagnostic block of the episode so far; a comparison needs a second block.'
                  : 'No comparison: it needs two positive blocks, one with a short-acting agent (lidocaine) and one with a long-acting agent (bupivacaine or ropivacaine).'}
              </p>
            )}
            {others.length > 0 && (
              <TableWrap label="The episode’s other diagnostic blocks">
                <table>
                  <caption className="visually-hidden">The episode's other diagnostic blocks</caption>
                  <thead>
                    <tr>
                      <th scope="col">Other block</th>
                      <th scope="col">Agent</th>
                      <th scope="col">Peak relief</th>
                      <th scope="col">Duration</th>
                      <th scope="col">Result</th>
                    </tr>
                  </thead>
                  <tbody>
                    {others.map((b) => (
                      <tr key={b.procedure.id}>
                        <td>
                          <Link href={`/clinic/procedures/${b.procedure.id}`}>
                            {`${KIND_LABEL[b.procedure.kind] ?? b.procedure.kind} of ${formatDate(b.procedure.date)}`}
                          </Link>
                        </td>
                        <td>{b.procedure.agent ?? 'not recorded'}</td>
                        <td>
                          {b.interpretation?.peakReliefPercent != null
                            ? percent(b.interpretation.peakReliefPercent)
                            : '—'}
                        </td>
                        <td>{b.interpretation ? formatMinutes(b.interpretation.durationMinutes) : '—'}</td>
                        <td>
                          {b.interpretation ? (
                            <span className={RESULT_BADGE[b.interpretation.result]!.cls}>
                              {RESULT_BADGE[b.interpretation.result]!.text}
                            </span>
                          ) : (
                            'not available'
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
          </section>

          <SignOff
            interpretation={i}
            role={user.role}
            onChange={(next) => setData((d) => (d ? { ...d, interpretation: next } : d))}
          />
        </>
      )}

      <p className="actions">
        <Link className="button secondary" href={`/clinic/episodes/${p.episodeId}/decision`}>
          Open the decision panel for this episode
        </Link>
      </p>
    </>
  );
}
