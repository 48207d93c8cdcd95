/**
 * "Would you recommend us?" for the practice's admins (GET /api/v1/feedback/summary, permission
 * feedback:read): the Net Promoter Score with the numbers behind it, the answers per score, the same per
 * clinic, and the latest comments, paged. Anonymous answers; those sent from a diary link say so (the
 * patient is not named). A self-contained section for the Admin page: <FeedbackSummary />.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FeedbackSummaryDto } from '../../../contract/feedback';
import { ApiError, get } from '../../shared/api';
import { TableWrap } from '../TableWrap';
import './feedback-summary.css';

const PAGE = 10;

type State =
  | { kind: 'loading' }
  | { kind: 'ok'; data: FeedbackSummaryDto }
  | { kind: 'forbidden' }
  | { kind: 'error'; message: string };

const pct = (n: number, total: number) => (total ? `${Math.round((100 * n) / total)} %` : '—');
const signed = (nps: number | null) => (nps === null ? '—' : nps > 0 ? `+${nps}` : String(nps));

function when(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function FeedbackSummary(props: { headingLevel?: 2 | 3 }) {
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  const Sub = props.headingLevel === 3 ? 'h4' : 'h3';
  const [offset, setOffset] = useState(0);
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback((at: number) => {
    setState((s) => (s.kind === 'ok' ? s : { kind: 'loading' }));
    get<FeedbackSummaryDto>('/api/v1/feedback/summary', { limit: PAGE, offset: at }).then(
      (data) => setState({ kind: 'ok', data }),
      (e: unknown) =>
        setState(
          e instanceof ApiError && e.status === 403
            ? { kind: 'forbidden' }
            : { kind: 'error', message: e instanceof Error ? e.message : String(e) },
        ),
    );
  }, []);
  useEffect(() => load(offset), [load, offset]);

  return (
    <section aria-labelledby="feedback-summary-h" className="ops-section fbs">
      <H id="feedback-summary-h">Patient feedback: would they recommend us?</H>
      {state.kind === 'loading' && <p role="status">Loading feedback…</p>}
      {state.kind === 'forbidden' && (
        <p className="status status-info">Only the practice's admins can read patient feedback.</p>
      )}
      {state.kind === 'error' && (
        <div className="status status-error" role="alert">
          <p>The feedback could not be loaded: {state.message}</p>
          <button type="button" className="secondary" onClick={() => load(offset)}>
            Try again
          </button>
        </div>
      )}
      {state.kind === 'ok' && <Summary data={state.data} Sub={Sub} onPage={setOffset} />}
    </section>
  );
}

export function Summary(props: {
  data: FeedbackSummaryDto;
  Sub: 'h3' | 'h4';
  onPage: (offset: number) => void;
}) {
  const { data, Sub } = props;
  const c = data.comments;
  if (data.total === 0)
    return (
      <p className="muted">
        No answers yet. Patients answer on the practice's feedback page (/p/&lt;practice&gt;/feedback), which
        the diary can link to after a block.
      </p>
    );
  return (
    <>
      <div className="fbs-score">
        <p className="fbs-nps">
          <span className="fbs-nps-value">{signed(data.nps)}</span>
          <span>Net Promoter Score</span>
        </p>
        <p>
          {data.total} answers: {data.promoters} promoters (9–10, {pct(data.promoters, data.total)}),{' '}
          {data.passives} passives (7–8, {pct(data.passives, data.total)}), {data.detractors} detractors (0–6,{' '}
          {pct(data.detractors, data.total)}). NPS = % promoters − % detractors of all answers, from −100 to
          +100.
        </p>
      </div>

      <Sub>Answers per score</Sub>
      <TableWrap label="Answers per score">
        <table className="fbs-scores">
          <caption className="visually-hidden">How many patients answered each score from 0 to 10</caption>
          <thead>
            <tr>
              <th scope="row">Score</th>
              {data.scores.map((_, s) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the index is the score
                <th key={s} scope="col">
                  {s}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Answers</th>
              {data.scores.map((n, s) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the index is the score
                <td key={s}>{n}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </TableWrap>

      <Sub>Per clinic</Sub>
      <TableWrap label="Answers per clinic">
        <table>
          <thead>
            <tr>
              <th scope="col">Clinic</th>
              <th scope="col">Answers</th>
              <th scope="col">Promoters</th>
              <th scope="col">Passives</th>
              <th scope="col">Detractors</th>
              <th scope="col">NPS</th>
            </tr>
          </thead>
          <tbody>
            {data.byLocation.map((l) => (
              <tr key={l.locationId ?? 'none'}>
                <th scope="row">{l.name ?? 'Clinic not given'}</th>
                <td>{l.total}</td>
                <td>{l.promoters}</td>
                <td>{l.passives}</td>
                <td>{l.detractors}</td>
                <td>{l.total ? signed(l.nps) : 'no answers yet'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>

      <Sub>Latest comments</Sub>
      {c.items.length === 0 ? (
        <p className="muted">No comments yet.</p>
      ) : (
        <ul className="fbs-comments">
          {c.items.map((i) => (
            <li key={i.id} className="card">
              <p className="fbs-meta">
                <span className="badge">Score {i.score}</span> <span>{when(i.createdAt)}</span>
                {i.locationName && <span> · {i.locationName}</span>}
                <span> · {i.language === 'es' ? 'in Spanish' : 'in English'}</span>
                {i.fromDiary && <span> · sent from a diary link</span>}
              </p>
              <p className="fbs-comment" lang={i.language}>
                {i.comment}
              </p>
            </li>
          ))}
        </ul>
      )}
      {c.total > c.limit && (
        <nav aria-label="Comment pages" className="row">
          <button
            type="button"
            className="secondary"
            disabled={c.offset === 0}
            onClick={() => props.onPage(Math.max(0, c.offset - c.limit))}
          >
            Newer
          </button>
          <span>
            Comments {c.offset + 1}–{Math.min(c.offset + c.items.length, c.total)} of {c.total}
          </span>
          <button
            type="button"
            className="secondary"
            disabled={c.offset + c.limit >= c.total}
            onClick={() => props.onPage(c.offset + c.limit)}
          >
            Older
          </button>
        </nav>
      )}
    </>
  );
}
