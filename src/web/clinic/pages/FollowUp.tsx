/**
 * Follow-ups after an RFA or a therapeutic injection (spec §3): date, pain (NRS), % relief, function, and
 * whether the patient can do the activities that hurt. They decide a repeat (rules 15 and 18); the
 * decision panel and the worklist's follow-up items update when one is saved.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FollowUpDto, ProcedureWithRecordsDto } from '../../../contract/procedures';
import { ApiError, type ApiIssue, get, post } from '../../shared/api';
import { Link } from '../../shared/Link';
import { usePageTitle } from '../../shared/router';
import { Choices, Status } from '../../shared/ui';
import { TextField } from '../fields';
import { formatDate, KIND_LABEL } from '../labels';
import { PageLoading, PageNotLoaded } from '../PageState';
import { TableWrap } from '../TableWrap';

const issueAt = (issues: readonly ApiIssue[], field: string) =>
  issues.find((i) => i.path === `body.${field}`)?.message;

/** A number field's value, or a message in words. */
function numberOf(v: string, what: string, min: number, max: number, whole = false): number | string | null {
  if (v.trim() === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max || (whole && !Number.isInteger(n))) {
    return `${what} is a ${whole ? 'whole ' : ''}number ${min}–${max}`;
  }
  return n;
}

export default function FollowUp(props: { procedureId: string }) {
  const [p, setP] = useState<ProcedureWithRecordsDto | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [nrs, setNrs] = useState('');
  const [relief, setRelief] = useState('');
  const [fnImprovement, setFnImprovement] = useState('');
  const [fnScore, setFnScore] = useState('');
  const [able, setAble] = useState<('yes' | 'no')[]>([]);
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<FollowUpDto | null>(null);
  const [busy, setBusy] = useState(false);

  const title = p
    ? `Follow-up after the ${(KIND_LABEL[p.kind] ?? p.kind).toLowerCase()} of ${formatDate(p.date)}`
    : 'Follow-up';
  usePageTitle(title, 'Facetpath clinic');

  const load = useCallback(async () => {
    try {
      setP(await get<ProcedureWithRecordsDto>(`/api/v1/procedures/${props.procedureId}`));
    } catch (e) {
      setLoadError(e instanceof ApiError ? e : new ApiError(0, 'ERROR', String(e)));
    }
  }, [props.procedureId]);
  useEffect(() => {
    void load();
  }, [load]);

  async function save() {
    setError(null);
    setSaved(null);
    const local: ApiIssue[] = [];
    const num = (field: string, v: string, what: string, min: number, max: number, whole = false) => {
      const r = numberOf(v, what, min, max, whole);
      if (typeof r === 'string') local.push({ path: `body.${field}`, message: r });
      return typeof r === 'number' ? r : undefined;
    };
    const body = {
      date,
      reliefPercent: num('reliefPercent', relief, 'relief', 0, 100),
      nrs: num('nrs', nrs, 'pain', 0, 10, true),
      functionImprovementPercent: num('functionImprovementPercent', fnImprovement, 'the improvement', 0, 100),
      functionScore: num('functionScore', fnScore, 'the function score', 0, 100),
      ...(able.length ? { ableToDoActivities: able[0] === 'yes' } : {}),
    };
    if (relief.trim() === '') local.push({ path: 'body.reliefPercent', message: 'write the relief in %' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) local.push({ path: 'body.date', message: 'choose the date' });
    if (local.length) {
      setIssues(local);
      setError('Please correct the fields marked below.');
      return;
    }
    setIssues([]);
    setBusy(true);
    try {
      const f = await post<FollowUpDto>(`/api/v1/procedures/${props.procedureId}/follow-ups`, body);
      setSaved(f);
      setP((x) =>
        x ? { ...x, followUps: [...x.followUps, f].sort((a, b) => (a.date < b.date ? -1 : 1)) } : x,
      );
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) {
        setIssues(e.issues);
        setError('Please correct the fields marked below.');
      } else setError(e instanceof ApiError ? e.message : 'The follow-up could not be saved.');
    } finally {
      setBusy(false);
    }
  }

  if (loadError) {
    return (
      <PageNotLoaded
        title="Follow-up"
        error={loadError}
        notFound="This procedure was not found in your practice."
        failed="The procedure could not be loaded"
      />
    );
  }
  if (!p) return <PageLoading title="Follow-up">Loading the procedure…</PageLoading>;

  return (
    <>
      <p>
        <Link href={`/clinic/patients/${p.patientId}`}>Back to the chart</Link>
      </p>
      <h1>{title}</h1>
      <section aria-labelledby="fu-list-h">
        <h2 id="fu-list-h">Recorded follow-ups</h2>
        {p.followUps.length === 0 ? (
          <p>No follow-up recorded yet.</p>
        ) : (
          <TableWrap label="Recorded follow-ups">
            <table>
              <caption className="visually-hidden">Recorded follow-ups</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Pain (NRS)</th>
                  <th scope="col">Relief</th>
                  <th scope="col">Function better</th>
                  <th scope="col">Function score</th>
                  <th scope="col">Activities that hurt</th>
                </tr>
              </thead>
              <tbody>
                {p.followUps.map((f) => (
                  <tr key={f.id}>
                    <td>{formatDate(f.date)}</td>
                    <td>{f.nrs ?? '—'}</td>
                    <td>{`${f.reliefPercent} %`}</td>
                    <td>
                      {f.functionImprovementPercent === null ? '—' : `${f.functionImprovementPercent} %`}
                    </td>
                    <td>{f.functionScore ?? '—'}</td>
                    <td>
                      {f.ableToDoActivities === null ? '—' : f.ableToDoActivities ? 'able' : 'not able'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
      <section aria-labelledby="fu-new-h" className="card">
        <h2 id="fu-new-h">Record a follow-up</h2>
        {saved && (
          <Status kind="ok">
            <p>{`The follow-up of ${formatDate(saved.date)} is saved; the decision and the worklist are updated.`}</p>
          </Status>
        )}
        {error && (
          <Status kind="error">
            <p>{error}</p>
          </Status>
        )}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <TextField
            label="Date"
            type="date"
            value={date}
            onChange={setDate}
            error={issueAt(issues, 'date')}
          />
          <TextField
            label="Pain now (NRS 0–10)"
            inputMode="numeric"
            value={nrs}
            onChange={setNrs}
            error={issueAt(issues, 'nrs')}
          />
          <TextField
            label="Relief of the index pain (%)"
            hint="Rule 15 (RFA) and rule 18 (injections) need at least 50 % for a repeat."
            inputMode="decimal"
            value={relief}
            onChange={setRelief}
            error={issueAt(issues, 'reliefPercent')}
          />
          <TextField
            label="Improvement in previously painful activities (%)"
            hint="Optional; rule 15 accepts 50 % improvement instead of relief."
            inputMode="decimal"
            value={fnImprovement}
            onChange={setFnImprovement}
            error={issueAt(issues, 'functionImprovementPercent')}
          />
          <TextField
            label="Function score (0–100, e.g. ODI)"
            inputMode="decimal"
            value={fnScore}
            onChange={setFnScore}
            error={issueAt(issues, 'functionScore')}
          />
          <Choices
            legend="Able to do the activities that hurt before?"
            name="able"
            type="radio"
            options={[
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ]}
            selected={able}
            onChange={setAble}
            error={issueAt(issues, 'ableToDoActivities')}
          />
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save the follow-up'}
          </button>
        </form>
      </section>
      <p className="actions">
        <Link className="button secondary" href={`/clinic/episodes/${p.episodeId}/decision`}>
          Open the decision panel (repeat decision)
        </Link>
      </p>
    </>
  );
}
