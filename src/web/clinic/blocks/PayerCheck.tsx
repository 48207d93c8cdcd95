/**
 * The session under the patient's payer policy, as the server evaluates it (POST /api/v1/evaluate with this
 * session alone as the case): the coded lines with the payer's modifiers (KX for Medicare diagnostic blocks),
 * and the session rules not met — the level limit above all — with their source. Whether the session is covered
 * depends on the whole history too: that is the Decision page's answer, so no "covered" is claimed here.
 */
import { useEffect, useState } from 'react';
import type { ReasonCode } from '../../../contract/decision';
import type { EvaluationResult as EvaluationResultDto } from '../../../contract/preview';
import { ApiError, post } from '../../shared/api';

/** Rules about the session itself (facet-pathway.md §5.1 rules 20–24, §5.2): they do not need the history. */
const SESSION_REASONS: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'LEVEL_LIMIT_EXCEEDED',
  'GUIDANCE_NOT_COVERED',
  'SEDATION_NOT_RECOMMENDED',
  'GENERAL_ANESTHESIA',
  'SEDATION_NOT_JUSTIFIED',
  'VOLUME_ABOVE_RECOMMENDED',
]);

export interface PayerCase {
  coverage: { kind: string; state: string };
  region: string;
  policyId: string | undefined;
  proposed: Record<string, unknown> & { date: string; joints: unknown[] };
}

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'done'; result: EvaluationResultDto }
  | { kind: 'error'; message: string };

export function PayerCheck(props: { input: PayerCase | null; reason?: string }) {
  const key = props.input ? JSON.stringify(props.input) : '';
  const [state, setState] = useState<State>({ kind: 'idle' });

  useEffect(() => {
    if (!key) {
      setState({ kind: 'idle' });
      return;
    }
    const input = JSON.parse(key) as PayerCase;
    let live = true;
    setState((s) => (s.kind === 'done' ? s : { kind: 'loading' }));
    const timer = setTimeout(() => {
      const query = new URLSearchParams({ asOf: input.proposed.date });
      if (input.policyId) query.set('policy', input.policyId);
      post<EvaluationResultDto>(`/api/v1/evaluate?${query}`, {
        coverage: input.coverage,
        complaint: { region: input.region },
        history: [],
        proposed: { id: 'proposed', ...input.proposed },
      })
        .then((result) => live && setState({ kind: 'done', result }))
        .catch(
          (e) =>
            live &&
            setState({
              kind: 'error',
              message: e instanceof ApiError ? e.message : 'The payer check is not available now.',
            }),
        );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);

  return (
    <div className="payer-check">
      <h3>Under the payer's policy</h3>
      {!props.input && <p className="muted">{props.reason ?? 'Choose a level to check it.'}</p>}
      {props.input && state.kind === 'loading' && <p className="muted">Checking…</p>}
      {props.input && state.kind === 'error' && <p className="muted">{state.message}</p>}
      {props.input && state.kind === 'done' && <PayerResult result={state.result} />}
    </div>
  );
}

function PayerResult(props: { result: EvaluationResultDto }) {
  const r = props.result;
  const problems = r.criteria.filter((c) => c.status !== 'met' && c.reason && SESSION_REASONS.has(c.reason));
  return (
    <>
      <p>
        {r.policy.title} (version {r.policy.version})
      </p>
      {r.coding.length > 0 && (
        <ul className="payer-lines">
          {r.coding.map((l) => (
            <li key={l.code + l.levels.join()}>
              <strong>
                {l.code}
                {l.modifiers.length ? `-${l.modifiers.join('-')}` : ''}
              </strong>{' '}
              × {l.units} ({l.levels.join(', ')})
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite">
        {problems.length > 0 ? (
          <ul className="payer-problems">
            {problems.map((c) => (
              <li key={c.rule}>
                <span className="badge badge-warn">Warning</span> {c.message}{' '}
                <span className="muted">
                  (rule {c.rule}: {c.source})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="payer-ok">
            <span className="badge badge-ok">No session problem</span> Levels, guidance, sedation and volume
            are within this policy.
          </p>
        )}
      </div>
      <p className="hint">
        This session alone; the decision with the blocks before it is on the Decision page.
      </p>
    </>
  );
}
