/**
 * Patients: search by name or MRN (GET /api/v1/patients?q=), page through the results, open a chart, or
 * register a new patient (POST /api/v1/patients) with the server's field errors beside each field.
 */

import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { PatientDto } from '../../../contract/patients';
import { ApiError, type ApiIssue, get, post } from '../../shared/api';
import { Link } from '../../shared/Link';
import { navigate, queryParam, useLocation, usePageTitle } from '../../shared/router';
import { ErrorSummary, Field, Status } from '../../shared/ui';
import { ageOn, formatDate } from '../labels';
import { TableWrap } from '../TableWrap';
import '../chart/chart.css';

const LIMIT = 20;

interface PatientPage {
  items: PatientDto[];
  total: number;
  limit: number;
  offset: number;
}

const EMPTY = { givenName: '', familyName: '', birthDate: '', mrn: '', phone: '', email: '', language: 'en' };
type NewPatient = typeof EMPTY;

const LABEL: Record<string, string> = {
  givenName: 'Given name',
  familyName: 'Family name',
  birthDate: 'Date of birth',
  mrn: 'MRN',
  phone: 'Mobile phone',
  email: 'Email',
  language: 'Preferred language',
};

const fieldOf = (path: string) => path.replace(/^body\.?/, '').split(/[.[]/)[0] ?? '';

export default function Patients() {
  usePageTitle('Patients', 'Facetpath clinic');
  useLocation(); // re-render when the query string changes
  const q = queryParam('q') ?? '';
  const offset = Math.max(0, Number(queryParam('offset') ?? 0) || 0);
  const [search, setSearch] = useState(q);
  const [page, setPage] = useState<PatientPage | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [showNew, setShowNew] = useState(false);

  useEffect(() => {
    setSearch(q);
  }, [q]);

  useEffect(() => {
    let live = true;
    setLoadError(null);
    get<PatientPage>('/api/v1/patients', { q: q || undefined, limit: LIMIT, offset })
      .then((p) => live && setPage(p))
      .catch(
        (e) => live && setLoadError(e instanceof ApiError ? e.message : 'The patients could not be loaded.'),
      );
    return () => {
      live = false;
    };
  }, [q, offset]);

  const go = (nextQ: string, nextOffset: number) => {
    const params = new URLSearchParams();
    if (nextQ.trim()) params.set('q', nextQ.trim());
    if (nextOffset) params.set('offset', String(nextOffset));
    const s = params.toString();
    navigate(s ? `/clinic/patients?${s}` : '/clinic/patients');
  };

  const first = page?.total ? page.offset + 1 : 0;
  const last = page ? page.offset + page.items.length : 0;

  return (
    <>
      <div className="page-head">
        <h1>Patients</h1>
        <button
          type="button"
          className="secondary"
          aria-expanded={showNew}
          aria-controls="new-patient"
          onClick={() => setShowNew((s) => !s)}
        >
          {showNew ? 'Close the new patient form' : 'New patient'}
        </button>
      </div>
      {showNew && <NewPatientForm onCancel={() => setShowNew(false)} />}
      <search>
        <form
          className="search-form"
          onSubmit={(e) => {
            e.preventDefault();
            go(search, 0);
          }}
        >
          <div className="field">
            <label htmlFor="patient-search">Search by name or MRN</label>
            <div className="row nowrap">
              <input
                id="patient-search"
                type="search"
                value={search}
                maxLength={100}
                onChange={(e) => setSearch(e.target.value)}
              />
              <button type="submit">Search</button>
            </div>
          </div>
        </form>
      </search>
      {loadError && <Status kind="error">{loadError}</Status>}
      {page && (
        <>
          <p role="status" className="muted">
            {page.total === 0
              ? q
                ? `No patient matches “${q}”.`
                : 'No patients yet.'
              : `Showing ${first}–${last} of ${page.total} patient${page.total === 1 ? '' : 's'}${q ? ` matching “${q}”` : ''}.`}
          </p>
          {page.items.length > 0 && (
            <TableWrap label="Patients found">
              <table className="patients">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Date of birth</th>
                    <th scope="col">MRN</th>
                    <th scope="col">Phone</th>
                    <th scope="col">Language</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <Link href={`/clinic/patients/${p.id}`}>
                          {p.familyName}, {p.givenName}
                        </Link>
                      </td>
                      <td>
                        {formatDate(p.birthDate)} <span className="muted">({ageOn(p.birthDate)} y)</span>
                      </td>
                      <td>{p.mrn ?? '—'}</td>
                      <td>{p.phone ?? '—'}</td>
                      <td>{p.language === 'es' ? 'Spanish' : 'English'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          {page.total > LIMIT && (
            <nav aria-label="Pages of patients" className="row pager">
              <button
                type="button"
                className="secondary"
                disabled={page.offset === 0}
                onClick={() => go(q, Math.max(0, page.offset - LIMIT))}
              >
                Previous page
              </button>
              <span>
                Page {Math.floor(page.offset / LIMIT) + 1} of {Math.ceil(page.total / LIMIT)}
              </span>
              <button
                type="button"
                className="secondary"
                disabled={last >= page.total}
                onClick={() => go(q, page.offset + LIMIT)}
              >
                Next page
              </button>
            </nav>
          )}
        </>
      )}
      {!page && !loadError && <p role="status">Loading the patients…</p>}
    </>
  );
}

function NewPatientForm(props: { onCancel: () => void }) {
  const id = useId();
  const [form, setForm] = useState<NewPatient>(EMPTY);
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const headRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => headRef.current?.focus(), []);

  const set = (k: keyof NewPatient, v: string) => setForm((f) => ({ ...f, [k]: v }));
  const err = (k: string) =>
    issues
      .filter((i) => fieldOf(i.path) === k)
      .map((i) => i.message)
      .join('; ') || undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    const body: Record<string, string> = {
      givenName: form.givenName,
      familyName: form.familyName,
      birthDate: form.birthDate,
      language: form.language,
    };
    for (const k of ['mrn', 'phone', 'email'] as const) if (form[k].trim()) body[k] = form[k];
    try {
      const created = await post<PatientDto>('/api/v1/patients', body);
      navigate(`/clinic/patients/${created.id}`);
    } catch (e2) {
      if (e2 instanceof ApiError && e2.issues.length) setIssues(e2.issues);
      else {
        setIssues([]);
        setError(e2 instanceof ApiError ? e2.message : 'The patient could not be saved.');
      }
      queueMicrotask(() => summaryRef.current?.focus());
    } finally {
      setSaving(false);
    }
  };

  const text = (k: keyof NewPatient, type = 'text', autoComplete = 'off', hint?: string) => (
    <Field label={LABEL[k]!} error={err(k)} hint={hint}>
      {(f) => (
        <input
          id={f.id}
          type={type}
          autoComplete={autoComplete}
          aria-describedby={f.describedBy}
          aria-invalid={f.invalid || undefined}
          value={form[k]}
          onChange={(e) => set(k, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <section className="card" id="new-patient" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={headRef} tabIndex={-1}>
        New patient
      </h2>
      <div ref={summaryRef} tabIndex={-1} className="summary-anchor">
        {error && <Status kind="error">{error}</Status>}
        <ErrorSummary
          title="The patient was not saved. Please correct:"
          items={issues.map((i) => ({ path: LABEL[fieldOf(i.path)] ?? i.path, message: i.message }))}
        />
      </div>
      <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`}>
        <div className="grid-fields">
          {text('givenName')}
          {text('familyName')}
          {text('birthDate', 'date')}
          {text('mrn', 'text', 'off', 'Optional: the record number in the practice system.')}
          {text('phone', 'tel', 'off', 'Optional: for the diary link by text message.')}
          {text('email', 'email', 'off', 'Optional.')}
          <Field label={LABEL.language!} error={err('language')}>
            {(f) => (
              <select
                id={f.id}
                aria-describedby={f.describedBy}
                value={form.language}
                onChange={(e) => set('language', e.target.value)}
              >
                <option value="en">English</option>
                <option value="es">Spanish</option>
              </select>
            )}
          </Field>
        </div>
        <p className="row">
          <button type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save and open the chart'}
          </button>
          <button type="button" className="secondary" onClick={props.onCancel}>
            Cancel
          </button>
        </p>
      </form>
    </section>
  );
}
