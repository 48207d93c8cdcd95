/**
 * The chart's episode facts: what is missing for the episode's next step (its worklist items, each linked to
 * the field that fixes it) and the form that records every fact of the complaint (PATCH /api/v1/episodes/:id
 * with `complaint`, which replaces the facts as a whole). Which rule reads each fact, which field fixes which
 * reason code, the ICD-10 search and the region check are in ./facts.ts. A physician records everything; a
 * coordinator the records on file (imaging, conservative care, the onset from the referral) — the server's
 * permission (episodes:write) stays the truth and its errors are shown beside their fields in words.
 */
import { type FormEvent, type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import type { ComplaintFacts, EpisodeDto } from '../../../contract/episodes';
import { ApiError, type ApiIssue, api, get } from '../../shared/api';
import { Field, Status } from '../../shared/ui';
import { reasonText } from '../decision/reasons';
import { plainReason } from '../ops/words';
import {
  CARE_LABEL,
  type CareRow,
  complaintFromForm,
  diagnosisWarning,
  FACT,
  type FactField,
  type FactKey,
  type FactsForm,
  fieldForReason,
  focusFact,
  formFromComplaint,
  ICD10,
  IMAGING_LABEL,
  type ImagingRow,
  INSTRUMENT_LABEL,
  inputId,
  issueField,
  issueLabel,
  looksLikeIcd10,
  NON_FACET_LABEL,
  normaliseIcd10,
  RADICULAR_LABEL,
  searchIcd10,
} from './facts';

interface WorklistItem {
  episodeId: string;
  kind: string;
  reason: string;
  detail: Record<string, unknown>;
}

interface Missing {
  code: string;
  rule: string | null;
  field: FactField | null;
}

/** The reason codes of a missing-information item, with the rule the server named for each. */
function missingOf(item: WorklistItem): Missing[] {
  const pairs = [...item.reason.matchAll(/rule (\S+) \(([A-Z0-9_]+)\)/g)].map((m) => ({
    rule: m[1]!,
    code: m[2]!,
  }));
  const codes = (item.detail.reasons as string[] | undefined) ?? pairs.map((p) => p.code);
  return [...new Set(codes)].map((code) => ({
    code,
    rule: pairs.find((p) => p.code === code)?.rule ?? null,
    field: fieldForReason(code),
  }));
}

const jump = (id: string) => (e: { preventDefault: () => void }) => {
  if (focusFact(id)) e.preventDefault();
};

export function EpisodeFacts(props: { episode: EpisodeDto; role: string; onSaved: (e: EpisodeDto) => void }) {
  const ep = props.episode;
  const [items, setItems] = useState<WorklistItem[] | null>(null);
  const [itemsError, setItemsError] = useState<string | null>(null);

  const loadItems = useCallback(async () => {
    try {
      const r = await get<{ items: WorklistItem[] }>('/api/v1/worklist', { episodeId: ep.id, limit: 50 });
      setItems(r.items);
      setItemsError(null);
    } catch (e) {
      setItemsError(e instanceof ApiError ? e.message : 'What is missing could not be loaded.');
    }
  }, [ep.id]);

  useEffect(() => {
    void loadItems();
  }, [loadItems]);

  // Arriving from a "what is missing" link elsewhere (#fact-onset, #facts): focus that field.
  useEffect(() => {
    const id = window.location.hash.slice(1);
    if (!id.startsWith('fact')) return;
    const t = window.setTimeout(() => focusFact(id), 0);
    return () => window.clearTimeout(t);
  }, []);

  const missing = (items ?? []).filter((i) => i.kind === 'missing-information');
  const others = (items ?? []).filter((i) => i.kind !== 'missing-information');
  const mayEdit = props.role === 'physician' || props.role === 'coordinator';

  return (
    <section className="card episode-facts" aria-labelledby="facts">
      <h2 id="facts" tabIndex={-1}>
        Episode facts
      </h2>
      <h3>What is missing</h3>
      {itemsError && <Status kind="error">{itemsError}</Status>}
      {!items && !itemsError && <p role="status">Checking what is missing…</p>}
      <div data-testid="facts-missing" aria-live="polite">
        {items && missing.length === 0 && (
          <p>
            Nothing is missing for this episode's next step.
            {others.length > 0 && ` Next: ${others.map((o) => plainReason(o.reason)).join(' ')}`}
          </p>
        )}
        {missing.map((m) => (
          <div key={m.reason}>
            <p>
              <span className="badge badge-warn">Needs information</span>{' '}
              {plainReason(m.reason.split(':')[0]!)}:
            </p>
            <ul className="fix-list">
              {missingOf(m).map((x) => (
                <li key={x.code}>
                  {x.field ? (
                    <a href={`#${x.field.id}`} onClick={jump(x.field.id)}>
                      {x.rule ? `Rule ${x.rule} — ` : ''}
                      {x.field.label}
                    </a>
                  ) : (
                    <strong>{x.rule ? `Rule ${x.rule}` : 'Coverage'}</strong>
                  )}
                  :{' '}
                  {x.code === 'COVERAGE_MISSING' ? 'record the coverage above.' : reasonText(x.code).meaning}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      {mayEdit ? (
        <FactsFormView
          episode={ep}
          physician={props.role === 'physician'}
          onSaved={(saved) => {
            props.onSaved(saved);
            void loadItems();
          }}
        />
      ) : (
        <p>Your role may not record episode facts.</p>
      )}
    </section>
  );
}

function FactsFormView(props: { episode: EpisodeDto; physician: boolean; onSaved: (e: EpisodeDto) => void }) {
  const ep = props.episode;
  const [s, setS] = useState<FactsForm>(() => formFromComplaint(ep.complaint as Partial<ComplaintFacts>));
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const put = <K extends keyof FactsForm>(k: K, v: FactsForm[K]) => {
    setS((o) => ({ ...o, [k]: v }));
    setSaved(null);
  };
  /** The server's messages for the input with this key, and for the group or row it heads. */
  const errAt = (...inputs: string[]) => {
    const ids = new Set(inputs.map(inputId));
    return (
      issues
        .filter((i) => ids.has(inputId(issueField(i.path).input)))
        .map((i) => i.message)
        .join('; ') || undefined
    );
  };
  const locked = (key: FactKey) => !props.physician && FACT[key].clinical;
  const hint = (key: FactKey, extra?: string) => {
    const f = FACT[key];
    const used = f.rule ? `Used by ${f.rule}.` : 'No payer rule reads it yet.';
    return [used, extra, locked(key) ? 'Recorded by a physician.' : null].filter(Boolean).join(' ');
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    setSaved(null);
    try {
      const r = await api<EpisodeDto>('PATCH', `/api/v1/episodes/${ep.id}`, {
        complaint: complaintFromForm(s),
      });
      setIssues([]);
      setS(formFromComplaint(r.complaint as Partial<ComplaintFacts>));
      setSaved('Episode facts saved. What is missing, the worklist and the decision now use them.');
      props.onSaved(r);
    } catch (e2) {
      if (e2 instanceof ApiError && e2.issues.length) {
        setIssues(e2.issues);
        window.setTimeout(() => summary.current?.focus(), 0);
      } else setError(e2 instanceof ApiError ? e2.message : 'The facts could not be saved.');
    } finally {
      setSaving(false);
    }
  };

  const select = (
    key: FactKey,
    input: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    options: Record<string, string>,
    extra?: string | null,
  ) => (
    <Field
      id={inputId(input)}
      label={label}
      hint={extra === null ? undefined : hint(key, extra)}
      error={errAt(input)}
    >
      {(f) => (
        <select
          id={f.id}
          aria-describedby={f.describedBy}
          aria-invalid={f.invalid || undefined}
          disabled={locked(key)}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">Not recorded</option>
          {Object.entries(options).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  const input = (
    key: FactKey,
    name: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    attrs: { type?: string; hint?: string; min?: number; max?: number; step?: number; maxLength?: number },
    groupHint = false,
  ) => (
    <Field
      id={inputId(name)}
      label={label}
      hint={groupHint ? hint(key, attrs.hint) : attrs.hint}
      error={errAt(name)}
    >
      {(f) => (
        <input
          id={f.id}
          type={attrs.type ?? 'text'}
          aria-describedby={f.describedBy}
          aria-invalid={f.invalid || undefined}
          disabled={locked(key)}
          min={attrs.min}
          max={attrs.max}
          step={attrs.step}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );

  const summaryItems = issues.map((i) => {
    const { input: at } = issueField(i.path);
    return { id: inputId(at), label: issueLabel(at), message: i.message };
  });

  return (
    <form noValidate onSubmit={(e) => void submit(e)} aria-label="Record the episode facts">
      <h3>Record the facts</h3>
      <p className="muted">
        {props.physician
          ? 'Record what is known; leave the rest as not recorded. Saving replaces the facts as a whole.'
          : 'A coordinator records the records on file: the onset, imaging and conservative care. The clinical facts are a physician’s.'}
      </p>
      {error && <Status kind="error">{error}</Status>}
      {summaryItems.length > 0 && (
        <div className="status status-error" role="alert" tabIndex={-1} ref={summary}>
          <p>
            <strong>The facts were not saved. Please correct:</strong>
          </p>
          <ul>
            {summaryItems.map((i) => (
              <li key={i.id + i.message}>
                <a href={`#${i.id}`} onClick={jump(i.id)}>
                  {i.label}
                </a>
                : {i.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      <Field
        id={FACT.description.id}
        label={FACT.description.label}
        hint={hint(
          'description',
          'Where it hurts, what it is like, what provokes it. Up to 2000 characters.',
        )}
        error={errAt('description')}
      >
        {(f) => (
          <textarea
            id={f.id}
            rows={3}
            aria-describedby={f.describedBy}
            aria-invalid={f.invalid || undefined}
            disabled={locked('description')}
            value={s.description}
            onChange={(e) => put('description', e.target.value)}
          />
        )}
      </Field>
      <div className="grid-fields">
        {input('onset', 'onset', FACT.onset.label, s.onset, (v) => put('onset', v), { type: 'date' }, true)}
        {select('axial', 'axial', FACT.axial.label, s.axial, (v) => put('axial', v as FactsForm['axial']), {
          yes: 'Yes — mainly back or neck',
          no: 'No — mainly in the limb',
        })}
        {select(
          'radicular',
          'radicular',
          FACT.radicular.label,
          s.radicular,
          (v) => put('radicular', v),
          RADICULAR_LABEL,
        )}
        {select(
          'neurogenicClaudication',
          'neurogenicClaudication',
          FACT.neurogenicClaudication.label,
          s.neurogenicClaudication,
          (v) => put('neurogenicClaudication', v as FactsForm['neurogenicClaudication']),
          { no: 'No', yes: 'Yes' },
        )}
        {select(
          'nonFacetCause',
          'nonFacetCause',
          FACT.nonFacetCause.label,
          s.nonFacetCause,
          (v) => put('nonFacetCause', v),
          NON_FACET_LABEL,
          'Fracture, tumour, infection or significant deformity.',
        )}
      </div>

      <Diagnoses
        region={ep.region}
        codes={s.diagnoses}
        locked={locked('diagnoses')}
        hint={hint('diagnoses')}
        error={errAt(...s.diagnoses.map((_, i) => `diagnoses.${i}`), 'diagnoses')}
        onChange={(codes) => put('diagnoses', codes)}
      />

      <Group
        legend={FACT.baseline.label}
        hint={hint('baseline', 'Pain during the activity that provokes it.')}
      >
        <div className="grid-fields">
          {select(
            'baseline',
            'baseline.scale',
            'Scale',
            s.baselineScale,
            (v) => put('baselineScale', v),
            { NRS: 'NRS (0–10, whole points)', VAS: 'VAS (0–10 cm)' },
            null,
          )}
          {input('baseline', 'baseline.score', 'Score', s.baselineScore, (v) => put('baselineScore', v), {
            type: 'number',
            min: 0,
            max: 10,
            step: 0.1,
            hint: '0 to 10.',
          })}
          {input('baseline', 'baseline.date', 'Date', s.baselineDate, (v) => put('baselineDate', v), {
            type: 'date',
          })}
          {input(
            'baseline',
            'baseline.activity',
            'During which activity',
            s.baselineActivity,
            (v) => put('baselineActivity', v),
            { hint: 'E.g. standing from a chair. Up to 200 characters.' },
          )}
        </div>
      </Group>

      <Group legend={FACT.function.label} hint={hint('function')}>
        <div className="grid-fields">
          {select(
            'function',
            'function.instrument',
            'Instrument',
            s.functionInstrument,
            (v) => put('functionInstrument', v),
            INSTRUMENT_LABEL,
            null,
          )}
          {input('function', 'function.score', 'Score', s.functionScore, (v) => put('functionScore', v), {
            type: 'number',
            min: 0,
            max: 100,
            hint: '0 to 100.',
          })}
          {input('function', 'function.date', 'Date', s.functionDate, (v) => put('functionDate', v), {
            type: 'date',
          })}
        </div>
      </Group>

      <Rows<CareRow>
        fact={FACT.conservativeCare}
        hint={hint('conservativeCare')}
        rows={s.conservativeCare}
        locked={locked('conservativeCare')}
        empty={{ kind: '', start: '', end: '', failed: true }}
        addLabel="Add a course of conservative care"
        rowLabel="Conservative care"
        error={errAt('conservativeCare')}
        onChange={(rows) => put('conservativeCare', rows)}
        render={(row, i, change) => (
          <>
            {select(
              'conservativeCare',
              `conservativeCare.${i}.kind`,
              'Kind',
              row.kind,
              (v) => change({ ...row, kind: v }),
              CARE_LABEL,
              null,
            )}
            {input(
              'conservativeCare',
              `conservativeCare.${i}.start`,
              'From',
              row.start,
              (v) => change({ ...row, start: v }),
              { type: 'date' },
            )}
            {input(
              'conservativeCare',
              `conservativeCare.${i}.end`,
              'To',
              row.end,
              (v) => change({ ...row, end: v }),
              { type: 'date' },
            )}
            <div className="field">
              <label className="choice">
                <input
                  type="checkbox"
                  checked={row.failed}
                  disabled={locked('conservativeCare')}
                  onChange={(e) => change({ ...row, failed: e.target.checked })}
                />
                <span>Failed (did not relieve the pain)</span>
              </label>
            </div>
          </>
        )}
      />

      <Rows<ImagingRow>
        fact={FACT.imaging}
        hint={hint('imaging')}
        rows={s.imaging}
        locked={locked('imaging')}
        empty={{ kind: '', date: '', finding: '' }}
        addLabel="Add an imaging study"
        rowLabel="Imaging"
        error={errAt('imaging')}
        onChange={(rows) => put('imaging', rows)}
        render={(row, i, change) => (
          <>
            {select(
              'imaging',
              `imaging.${i}.kind`,
              'Kind',
              row.kind,
              (v) => change({ ...row, kind: v }),
              IMAGING_LABEL,
              null,
            )}
            {input('imaging', `imaging.${i}.date`, 'Date', row.date, (v) => change({ ...row, date: v }), {
              type: 'date',
            })}
            {input(
              'imaging',
              `imaging.${i}.finding`,
              'Finding',
              row.finding,
              (v) => change({ ...row, finding: v }),
              { hint: 'Optional; up to 2000 characters.' },
            )}
          </>
        )}
      />

      <Field
        id={FACT.rfaContraindication.id}
        label={FACT.rfaContraindication.label}
        hint={hint('rfaContraindication', 'Only when a therapeutic injection is planned instead of RFA.')}
        error={errAt('rfaContraindication')}
      >
        {(f) => (
          <textarea
            id={f.id}
            rows={2}
            aria-describedby={f.describedBy}
            aria-invalid={f.invalid || undefined}
            disabled={locked('rfaContraindication')}
            value={s.rfaContraindication}
            onChange={(e) => put('rfaContraindication', e.target.value)}
          />
        )}
      </Field>

      {saved && <Status kind="ok">{saved}</Status>}
      <button type="submit" disabled={saving}>
        {saving ? 'Saving…' : 'Save the episode facts'}
      </button>
    </form>
  );
}

function Group(props: { legend: string; hint: string; children: ReactNode }) {
  return (
    <fieldset className="facts-group">
      <legend>{props.legend}</legend>
      <p className="hint">{props.hint}</p>
      {props.children}
    </fieldset>
  );
}

function Rows<T>(props: {
  fact: FactField;
  hint: string;
  rows: T[];
  empty: T;
  locked: boolean;
  addLabel: string;
  rowLabel: string;
  error?: string;
  onChange: (rows: T[]) => void;
  render: (row: T, i: number, change: (row: T) => void) => ReactNode;
}) {
  const { rows } = props;
  const add = () => {
    props.onChange([...rows, props.empty]);
    window.setTimeout(() => focusFact(`${props.fact.id}-${rows.length}-kind`), 0);
  };
  return (
    <fieldset className="facts-group">
      <legend>{props.fact.label}</legend>
      <p className="hint">{props.hint}</p>
      {props.error && <p className="error-text">{props.error}</p>}
      {rows.length === 0 && <p className="muted">None recorded.</p>}
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own; their index is their place
        <fieldset key={i} className="facts-row">
          <legend>{`${props.rowLabel} ${i + 1}`}</legend>
          <div className="grid-fields">
            {props.render(row, i, (next) => props.onChange(rows.map((r, j) => (j === i ? next : r))))}
          </div>
          <button
            type="button"
            className="secondary small"
            disabled={props.locked}
            onClick={() => {
              props.onChange(rows.filter((_, j) => j !== i));
              window.setTimeout(() => focusFact(props.fact.id), 0);
            }}
          >
            {`Remove ${props.rowLabel.toLowerCase()} ${i + 1}`}
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary" id={props.fact.id} disabled={props.locked} onClick={add}>
        {props.addLabel}
      </button>
    </fieldset>
  );
}

function Diagnoses(props: {
  region: string;
  codes: string[];
  locked: boolean;
  hint: string;
  error?: string;
  onChange: (codes: string[]) => void;
}) {
  const [q, setQ] = useState('');
  const [said, setSaid] = useState('');
  const results = searchIcd10(q).filter((d) => !props.codes.includes(d.code));
  const typed = normaliseIcd10(q);
  const canAddTyped =
    looksLikeIcd10(q) && !props.codes.includes(typed) && !results.some((d) => d.code === typed);
  const add = (code: string) => {
    const c = normaliseIcd10(code);
    if (props.codes.includes(c)) return;
    props.onChange([...props.codes, c]);
    const w = diagnosisWarning(c, props.region);
    setSaid(`Added ${c}.${w ? ` Warning: ${w}` : ''}`);
    setQ('');
    window.setTimeout(() => focusFact('fact-diagnoses'), 0);
  };
  const words = (code: string) => ICD10.find((d) => d.code === code)?.words;
  return (
    <fieldset className="facts-group">
      <legend>{FACT.diagnoses.label}</legend>
      {props.codes.length === 0 ? (
        <p className="muted">None recorded.</p>
      ) : (
        <ul className="facts-codes" aria-label="Recorded diagnoses">
          {props.codes.map((c) => {
            const w = diagnosisWarning(c, props.region);
            return (
              <li key={c}>
                <strong>{c}</strong>
                {words(c) ? ` — ${words(c)}` : ''}
                {w && (
                  <p className="facts-warning">
                    <span className="badge badge-warn">Warning</span> {w}
                  </p>
                )}
                <button
                  type="button"
                  className="secondary small"
                  disabled={props.locked}
                  onClick={() => {
                    props.onChange(props.codes.filter((x) => x !== c));
                    setSaid(`Removed ${c}.`);
                    focusFact('fact-diagnoses');
                  }}
                >
                  {`Remove ${c}`}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <Field
        id="fact-diagnoses"
        label="Find a diagnosis by code or words"
        hint={`${props.hint} Codes that support facet coverage come first; for this ${props.region} episode ${
          props.region === 'lumbar' ? 'lumbar/sacral codes end in 5–7' : 'cervical/thoracic codes end in 2–5'
        }.`}
        error={props.error}
      >
        {(f) => (
          <input
            id={f.id}
            type="search"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={f.describedBy}
            aria-invalid={f.invalid || undefined}
            disabled={props.locked}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault(); // Enter adds the first match instead of saving the form
              const first = results[0]?.code ?? (canAddTyped ? typed : null);
              if (first) add(first);
            }}
          />
        )}
      </Field>
      <p className="visually-hidden" role="status">
        {q.trim()
          ? `${results.length} matching ${results.length === 1 ? 'code' : 'codes'}; press Enter to add the first.`
          : said}
      </p>
      {(results.length > 0 || canAddTyped) && (
        <ul className="facts-results" aria-label="Matching diagnoses">
          {results.map((d) => {
            const w = diagnosisWarning(d.code, props.region);
            return (
              <li key={d.code}>
                <button type="button" className="secondary small" onClick={() => add(d.code)}>
                  {`Add ${d.code} — ${d.words}`}
                </button>
                <span className="muted">
                  {d.supporting
                    ? w
                      ? ` Supports coverage, but ${w}`
                      : ' Supports facet coverage.'
                    : ` ${w}`}
                </span>
              </li>
            );
          })}
          {canAddTyped && (
            <li>
              <button type="button" className="secondary small" onClick={() => add(typed)}>
                {`Add ${typed} as typed`}
              </button>
            </li>
          )}
        </ul>
      )}
    </fieldset>
  );
}
