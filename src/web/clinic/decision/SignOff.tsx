/**
 * The interpretation's sign-off: while the diary is open, only "close the diary" (with a reason); once it is
 * complete or closed, the physician signs with an optional note and, where they disagree with the computed
 * result, an override with its reason (kept beside the computed result, which the evaluator still uses).
 */
import { useState } from 'react';
import type { BlockInterpretationDto } from '../../../contract/procedures';
import { ApiError, type ApiIssue, post } from '../../shared/api';
import { Field, Status } from '../../shared/ui';
import { formatWhen, RESULT_BADGE } from './data';

const RESULTS = ['positive', 'negative', 'indeterminate'] as const;

function issueAt(issues: readonly ApiIssue[], field: string): string | undefined {
  return issues.find((i) => i.path === `body.${field}` || i.path.startsWith(`body.${field}.`))?.message;
}

function TextArea(props: {
  label: string;
  hint?: string;
  error?: string;
  value: string;
  maxLength: number;
  onChange: (v: string) => void;
}) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(f) => (
        <textarea
          id={f.id}
          rows={3}
          maxLength={props.maxLength}
          aria-describedby={f.describedBy}
          aria-invalid={f.invalid}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function SignOff(props: {
  interpretation: BlockInterpretationDto;
  role: string;
  onChange: (i: BlockInterpretationDto) => void;
}) {
  const i = props.interpretation;
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [override, setOverride] = useState<'' | (typeof RESULTS)[number]>('');
  const [overrideReason, setOverrideReason] = useState('');
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = i.diary.status === 'open';

  async function send(url: string, body: unknown, ok: string) {
    setBusy(true);
    setError(null);
    setIssues([]);
    setDone(null);
    try {
      props.onChange(await post<BlockInterpretationDto>(url, body));
      setDone(ok);
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) {
        setIssues(e.issues);
        setError('Please correct the fields marked below.');
      } else setError(e instanceof ApiError ? e.message : 'The request failed.');
    } finally {
      setBusy(false);
    }
  }

  const closeDiary = () => {
    if (!reason.trim()) {
      setIssues([{ path: 'body.reason', message: 'write the reason' }]);
      setError('Please correct the fields marked below.');
      return;
    }
    void send(`/api/v1/procedures/${i.procedureId}/diary/close`, { reason }, 'The diary is closed.');
  };
  const sign = () => {
    if (override && !overrideReason.trim()) {
      setIssues([{ path: 'body.override.reason', message: 'write the reason for the override' }]);
      setError('Please correct the fields marked below.');
      return;
    }
    void send(
      `/api/v1/procedures/${i.procedureId}/interpretation`,
      {
        ...(note.trim() ? { note } : {}),
        ...(override ? { override: { result: override, reason: overrideReason } } : {}),
      },
      'Your signature is recorded on this block.',
    );
  };

  return (
    <section aria-labelledby="sign-h" className="card">
      <h2 id="sign-h">Physician sign-off</h2>
      <p data-testid="signed">
        {i.interpretedAt
          ? `Signed by ${i.interpretedByName ?? 'a staff member'} on ${formatWhen(i.interpretedAt)}.`
          : 'Not signed yet.'}
      </p>
      {i.override && (
        <p data-testid="override">
          {`Physician's reading: ${RESULT_BADGE[i.override.result]!.text} (computed: ${RESULT_BADGE[i.result]!.text}). Reason: ${i.override.reason}. The decision still uses the computed result.`}
        </p>
      )}
      {i.signNote && <p data-testid="sign-note">{`Note: ${i.signNote}`}</p>}
      {i.diary.closeReason && (
        <p data-testid="diary-closed">
          {`Diary closed by ${i.diary.closedByName ?? 'a staff member'}${i.diary.closedAt ? ` on ${formatWhen(i.diary.closedAt)}` : ''}: ${i.diary.closeReason}`}
        </p>
      )}
      {done && (
        <Status kind="ok">
          <p>{done}</p>
        </Status>
      )}
      {error && (
        <Status kind="error">
          <p>{error}</p>
        </Status>
      )}
      {open ? (
        <>
          <p>
            {`Signing is offered when the diary is complete or closed. It is open until ${formatWhen(i.diary.openUntil)}.`}
          </p>
          {props.role === 'physician' || props.role === 'coordinator' ? (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                closeDiary();
              }}
            >
              <TextArea
                label="Reason to close the diary now"
                hint="For example: the patient stopped the diary, pain is back at the pre-block level."
                error={issueAt(issues, 'reason')}
                value={reason}
                maxLength={500}
                onChange={setReason}
              />
              <button type="submit" disabled={busy}>
                {busy ? 'Closing…' : 'Close the diary'}
              </button>
            </form>
          ) : (
            <p className="muted">A physician or a coordinator can close the diary.</p>
          )}
        </>
      ) : props.role === 'physician' ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            sign();
          }}
        >
          <TextArea
            label="Note (optional)"
            error={issueAt(issues, 'note')}
            value={note}
            maxLength={1000}
            onChange={setNote}
          />
          <Field
            label="Your reading"
            hint="Override only where you disagree with the computed result. The override is kept beside it; the decision still uses the computed result."
            error={issueAt(issues, 'override.result')}
          >
            {(f) => (
              <select
                id={f.id}
                aria-describedby={f.describedBy}
                aria-invalid={f.invalid}
                value={override}
                onChange={(e) => setOverride(e.target.value as typeof override)}
              >
                <option value="">{`Agree with the computed result (${RESULT_BADGE[i.result]!.text})`}</option>
                {RESULTS.filter((r) => r !== i.result).map((r) => (
                  <option key={r} value={r}>{`Override: ${RESULT_BADGE[r]!.text}`}</option>
                ))}
              </select>
            )}
          </Field>
          {override && (
            <TextArea
              label="Reason for the override"
              error={issueAt(issues, 'override.reason')}
              value={overrideReason}
              maxLength={1000}
              onChange={setOverrideReason}
            />
          )}
          <button type="submit" disabled={busy}>
            {busy
              ? 'Signing…'
              : i.interpretedAt
                ? 'Sign the interpretation again as mine'
                : 'Sign the interpretation'}
          </button>
        </form>
      ) : (
        <p className="muted">Only a physician can sign the interpretation.</p>
      )}
    </section>
  );
}
