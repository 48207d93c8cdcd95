/**
 * The chart's coverage section: the patient's active coverage, the payer policy their payer checks will be
 * run against (the coverage's own policy, else the practice's choice for its kind, else the catalog default
 * — as the server decides in src/app/episodes/episode-case.ts), and, for staff who may change patients
 * (patients:write in src/app/actor.ts), a form that records a new coverage (PUT /api/v1/patients/:id/coverage;
 * it replaces the previous one). A patient who came from the website may have given their insurance on the
 * screening request: the form offers to fill in from it.
 */

import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { US_STATES } from '../../../contract/states';
import { ApiError, type ApiIssue, api, get } from '../../shared/api';
import { ErrorSummary, Field, Status } from '../../shared/ui';
import { COVERAGE_LABEL } from '../labels';
import {
  type CoverageValue,
  coverageSummary,
  effectivePolicy,
  type PracticePolicies,
  type ScreeningInsurance,
} from './coverage';

/** The roles holding patients:write (src/app/actor.ts): they may record the coverage. */
const MAY_WRITE_PATIENTS = ['physician', 'coordinator'];
export const mayEditCoverage = (role: string) => MAY_WRITE_PATIENTS.includes(role);

const KINDS = Object.keys(COVERAGE_LABEL);
const STATE_HINT = 'Where the patient is treated: it decides the Medicare contractor (LCD) that applies.';

const FIELD_LABEL: Record<string, string> = {
  kind: 'Coverage kind',
  state: 'State',
  payerName: 'Payer name',
  memberId: 'Member ID',
  policy: 'Payer policy',
};

const fieldOf = (path: string) => path.replace(/^body\.?/, '');

function PolicyLine(props: { cov: Pick<CoverageValue, 'kind' | 'policy'>; policies: PracticePolicies }) {
  const { entry, id, why } = effectivePolicy(props.cov, props.policies);
  if (!id) return <>No payer policy is set for this kind; payer checks cannot name one.</>;
  const latest = entry?.versions[entry.versions.length - 1];
  return (
    <>
      {entry ? entry.title : id} ({why})
      {latest && (
        <span className="muted">
          {' '}
          — version {latest.version}, effective {latest.effective}; source: {latest.source}
        </span>
      )}
    </>
  );
}

export function CoverageSection(props: {
  patientId: string;
  coverage: CoverageValue | null;
  canEdit: boolean;
  /** The insurance the patient gave on their screening request, if any. */
  screening: ScreeningInsurance | null;
  /** The state of the practice's first location: a sensible default for a new coverage. */
  defaultState: string;
  onSaved: (c: CoverageValue) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [policies, setPolicies] = useState<PracticePolicies | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    get<PracticePolicies>('/api/v1/practice/policies')
      .then((p) => {
        if (live) setPolicies(p);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const cov = props.coverage;
  return (
    <section className="card coverage" aria-labelledby={`${id}-h`}>
      <div className="page-head">
        <h2 id={`${id}-h`}>Coverage</h2>
        {props.canEdit && (
          <button
            ref={toggle}
            type="button"
            className="secondary"
            aria-expanded={open}
            aria-controls={`${id}-form`}
            onClick={() => {
              setOpen((o) => !o);
              setSaved(null);
            }}
          >
            {open ? 'Close the coverage form' : cov ? 'Change the coverage' : 'Record the coverage'}
          </button>
        )}
      </div>
      {saved && <Status kind="ok">{saved}</Status>}
      {cov ? (
        <dl className="coverage-now">
          <div>
            <dt>Kind</dt>
            <dd>{COVERAGE_LABEL[cov.kind] ?? cov.kind}</dd>
          </div>
          <div>
            <dt>State</dt>
            <dd>{cov.state}</dd>
          </div>
          <div>
            <dt>Payer</dt>
            <dd>{cov.payerName ?? 'Not recorded'}</dd>
          </div>
          <div>
            <dt>Member ID</dt>
            <dd>{cov.memberId ?? 'Not recorded'}</dd>
          </div>
          <div className="wide">
            <dt>Payer checks use</dt>
            <dd>{policies ? <PolicyLine cov={cov} policies={policies} /> : 'Loading the payer policies…'}</dd>
          </div>
        </dl>
      ) : (
        <p>
          No coverage on file. Payer checks (the decision and the block form's payer check) need one
          {props.canEdit ? ': record it here.' : '.'}
        </p>
      )}
      {props.canEdit && open && (
        <CoverageForm
          formId={`${id}-form`}
          patientId={props.patientId}
          current={cov}
          screening={props.screening}
          defaultState={props.defaultState}
          policies={policies}
          onSaved={(c) => {
            props.onSaved(c);
            setOpen(false);
            setSaved(`Coverage saved: ${coverageSummary(c)}.`);
            toggle.current?.focus();
          }}
        />
      )}
    </section>
  );
}

function CoverageForm(props: {
  formId: string;
  patientId: string;
  current: CoverageValue | null;
  screening: ScreeningInsurance | null;
  defaultState: string;
  policies: PracticePolicies | null;
  onSaved: (c: CoverageValue) => void;
}) {
  const c = props.current;
  const [kind, setKind] = useState(c?.kind ?? '');
  const [state, setState] = useState(c?.state ?? props.defaultState);
  const [payerName, setPayerName] = useState(c?.payerName ?? '');
  const [memberId, setMemberId] = useState(c?.memberId ?? '');
  const [policy, setPolicy] = useState(c?.policy ?? '');
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [filled, setFilled] = useState(false);

  const err = (k: string) =>
    issues
      .filter((i) => fieldOf(i.path) === k)
      .map((i) => i.message)
      .join('; ') || undefined;

  const s = props.screening;
  const fromScreening = () => {
    if (!s) return;
    setKind(s.kind);
    if (s.payerName) setPayerName(s.payerName);
    if (s.memberId) setMemberId(s.memberId);
    setFilled(true);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    const body: Record<string, unknown> = { kind, state };
    if (payerName.trim()) body.payerName = payerName;
    if (memberId.trim()) body.memberId = memberId;
    if (policy) body.policy = policy;
    try {
      const saved = await api<CoverageValue>('PUT', `/api/v1/patients/${props.patientId}/coverage`, body);
      setIssues([]);
      props.onSaved(saved);
    } catch (e2) {
      if (e2 instanceof ApiError && e2.issues.length) setIssues(e2.issues);
      else setError(e2 instanceof ApiError ? e2.message : 'The coverage could not be saved.');
    } finally {
      setSaving(false);
    }
  };

  const practiceDefault =
    props.policies && kind ? effectivePolicy({ kind, policy: null }, props.policies) : null;

  return (
    <form id={props.formId} noValidate onSubmit={(e) => void submit(e)} aria-label="Record the coverage">
      <p className="muted">
        Saving replaces the current coverage; payer checks use the new one from then on.
      </p>
      {s && (
        <div className="screening-insurance">
          <p>
            On the screening request from the website the patient gave:{' '}
            <strong>
              {[COVERAGE_LABEL[s.kind] ?? s.kind, s.payerName, s.memberId ? `member ${s.memberId}` : null]
                .filter(Boolean)
                .join(' · ')}
            </strong>
            .
          </p>
          <button type="button" className="secondary" onClick={fromScreening}>
            Fill in from the screening request
          </button>
          {filled && (
            <p role="status" className="muted">
              Filled in from the screening request. Check the state and the card before saving.
            </p>
          )}
        </div>
      )}
      {error && <Status kind="error">{error}</Status>}
      <ErrorSummary
        title="The coverage was not saved. Please correct:"
        items={issues.map((i) => ({
          path: FIELD_LABEL[fieldOf(i.path)] ?? fieldOf(i.path),
          message: i.message,
        }))}
      />
      <div className="grid-fields">
        <Field label="Coverage kind" error={err('kind')}>
          {(f) => (
            <select
              id={f.id}
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid || undefined}
              value={kind}
              onChange={(e) => setKind(e.target.value)}
            >
              <option value="">Choose a kind</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {COVERAGE_LABEL[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="State" hint={STATE_HINT} error={err('state')}>
          {(f) => (
            <select
              id={f.id}
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid || undefined}
              value={state}
              onChange={(e) => setState(e.target.value)}
            >
              <option value="">Choose a state</option>
              {US_STATES.map((st) => (
                <option key={st} value={st}>
                  {st}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Payer name"
          hint="As on the insurance card, e.g. Blue Shield. Optional."
          error={err('payerName')}
        >
          {(f) => (
            <input
              id={f.id}
              autoComplete="off"
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid || undefined}
              value={payerName}
              onChange={(e) => setPayerName(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Member ID"
          hint="As on the insurance card, up to 60 characters. Optional."
          error={err('memberId')}
        >
          {(f) => (
            <input
              id={f.id}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid || undefined}
              value={memberId}
              onChange={(e) => setMemberId(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Payer policy"
          hint={
            practiceDefault?.id
              ? `Leave on the practice's choice unless this payer follows another policy. For this kind: ${
                  practiceDefault.entry?.title ?? practiceDefault.id
                } (${practiceDefault.why}).`
              : "Leave on the practice's choice unless this payer follows another policy."
          }
          error={err('policy')}
        >
          {(f) => (
            <select
              id={f.id}
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid || undefined}
              value={policy}
              onChange={(e) => setPolicy(e.target.value)}
            >
              <option value="">The practice's choice for the kind</option>
              {(props.policies?.catalog ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
              {policy && !props.policies?.catalog.some((p) => p.id === policy) && (
                <option value={policy}>{policy}</option>
              )}
            </select>
          )}
        </Field>
      </div>
      <button type="submit" disabled={saving}>
        {saving ? 'Saving…' : 'Save the coverage'}
      </button>
    </form>
  );
}
