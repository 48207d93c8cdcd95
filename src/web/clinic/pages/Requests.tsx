/**
 * Screening requests from the public website: the answers, the non-diagnostic screening result and its
 * reasons, contact, insurance, the chosen location and language. Coordinators accept one (the server creates
 * the patient from the contact details, optionally with a first appointment) or decline it with a reason.
 */
import { type FormEvent, type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { z } from 'zod';
import type { acceptResult, requestPage, screeningRequest } from '../../../contract/requests';
import { ApiError, get, issueFor, post } from '../../shared/api';
import { Link } from '../../shared/Link';
import { usePageTitle } from '../../shared/router';
import { ErrorSummary, Field, Status } from '../../shared/ui';
import { TextField } from '../fields';
import { formatDate } from '../labels';
import { LocationSelect } from '../ops/LocationSelect';
import { type Physician, type Slot, SlotFields } from '../ops/SlotFields';
import { type LocationDto, locationName, useLocations } from '../ops/useLocations';
import { usePhysicians } from '../ops/usePhysicians';
import {
  ANSWER_WORDS,
  COVERAGE_WORDS,
  formatDay,
  formatTime,
  formatWhen,
  localDateOf,
  localToday,
  RESULT_WORDS,
  SCREENING_REASON_WORDS,
} from '../ops/words';
import { useSession } from '../session';
import '../ops/ops.css';

type Request = z.infer<typeof screeningRequest>;
type Accepted = z.infer<typeof acceptResult>;

const STATUSES = [
  { value: 'new', label: 'New requests' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'declined', label: 'Declined' },
] as const;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const nameOf = (r: Request) =>
  `${str(r.contact.givenName) ?? ''} ${str(r.contact.familyName) ?? ''}`.trim() || 'Unnamed';
const words = (dict: Record<string, string>, v: unknown) => (typeof v === 'string' ? (dict[v] ?? v) : '—');
const list = (dict: Record<string, string>, v: unknown) =>
  Array.isArray(v) && v.length ? v.map((x) => words(dict, x)).join(', ') : '—';

function Assessment(props: { answers: Record<string, unknown> }) {
  const a = props.answers.assessment as { result?: string; reasons?: string[] } | undefined;
  if (!a?.result) return <p className="muted">No screening result was stored with this request.</p>;
  const r = RESULT_WORDS[a.result] ?? { label: a.result, badge: 'badge' };
  return (
    <div>
      <p>
        <strong>Screening result: </strong>
        <span className={`badge ${r.badge}`}>{r.label}</span>
      </p>
      {a.reasons && a.reasons.length > 0 && (
        <ul>
          {a.reasons.map((x) => (
            <li key={x}>{SCREENING_REASON_WORDS[x] ?? x}</li>
          ))}
        </ul>
      )}
      <p className="muted">
        The public questionnaire's screening aid, not a diagnosis: a clinician decides at the visit.
      </p>
    </div>
  );
}

function Answers(props: { answers: Record<string, unknown> }) {
  const a = props.answers;
  return (
    <dl className="ops-dl">
      <dt>Pain area</dt>
      <dd>{words(ANSWER_WORDS.painArea, a.painArea)}</dd>
      <dt>For how long</dt>
      <dd>{words(ANSWER_WORDS.duration, a.duration)}</dd>
      <dt>Worse with movement</dt>
      <dd>{a.worseWithMovement === true ? 'Yes' : a.worseWithMovement === false ? 'No' : '—'}</dd>
      <dt>Spreads</dt>
      <dd>{words(ANSWER_WORDS.radiation, a.radiation)}</dd>
      <dt>Treatments tried</dt>
      <dd>{list(ANSWER_WORDS.treatmentsTried, a.treatmentsTried)}</dd>
      <dt>Imaging</dt>
      <dd>{words(ANSWER_WORDS.imaging, a.imaging)}</dd>
      <dt>Red flags</dt>
      <dd>{list(ANSWER_WORDS.redFlags, a.redFlags)}</dd>
    </dl>
  );
}

/** The opened form's heading takes the focus (the button that opened it is gone). */
function useFocusOnOpen() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function AcceptForm(props: {
  r: Request;
  locations: LocationDto[];
  physicians: Physician[];
  onAccepted: (result: Accepted) => void;
  onClose: () => void;
}) {
  const needsBirthDate = !str(props.r.contact.birthDate);
  const heading = useFocusOnOpen();
  const [birthDate, setBirthDate] = useState('');
  const [mrn, setMrn] = useState('');
  const [book, setBook] = useState(false);
  const [slot, setSlot] = useState<Slot>({
    locationId: props.r.locationId,
    room: '',
    physicianId: '',
    date: localToday(),
    time: '09:00',
    minutes: '45',
    purpose: 'consult',
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const name = nameOf(props.r);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const result = await post<Accepted>(`/api/v1/requests/${props.r.id}/accept`, {
        ...(birthDate ? { birthDate } : {}),
        ...(mrn.trim() ? { mrn: mrn.trim() } : {}),
        ...(book
          ? {
              appointment: {
                locationId: slot.locationId,
                ...(slot.room ? { room: slot.room } : {}),
                ...(slot.physicianId ? { physicianId: slot.physicianId } : {}),
                startsAt: new Date(`${slot.date}T${slot.time}:00`).toISOString(),
                minutes: Number(slot.minutes),
                purpose: slot.purpose,
              },
            }
          : {}),
      });
      props.onAccepted(result);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const err = (p: string) => issueFor(error, p);
  const clash = error instanceof ApiError && error.status === 409 && error.code === 'CONFLICT';
  return (
    <form
      className="ops-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Accept ${name}'s request`}
    >
      <h3 ref={heading} tabIndex={-1}>
        Accept {name}'s request
      </h3>
      <p>
        The patient is created from the contact details above{book ? ', with the first appointment' : ''}.
      </p>
      {error instanceof ApiError && (
        <Status kind="error">
          Not accepted: {clash ? error.message.replace(/\s*\(appointment [^)]*\)\s*$/, '') : error.message}
          {error.issues.length > 0 && !clash && (
            <ErrorSummary
              title="Please check:"
              items={error.issues.map((i) => ({
                path: '',
                message: `${i.path.replace(/^(body|request)\./, '')}: ${i.message}`,
              }))}
            />
          )}
        </Status>
      )}
      {error !== null && !(error instanceof ApiError) && (
        <Status kind="error">Not accepted: {(error as Error).message}</Status>
      )}
      <div className="ops-form-grid">
        <TextField
          label="Date of birth"
          hint={
            needsBirthDate ? 'Required: the request did not give one' : 'Optional: replaces the one given'
          }
          error={err('birthDate')}
          type="date"
          value={birthDate}
          onChange={setBirthDate}
        />
        <TextField
          label="MRN"
          hint="Optional: the practice's record number"
          error={err('mrn')}
          value={mrn}
          onChange={setMrn}
        />
      </div>
      <label className="choice">
        <input type="checkbox" checked={book} onChange={(e) => setBook(e.target.checked)} />
        <span>Book the first appointment now</span>
      </label>
      {book && (
        <fieldset className="choices">
          <legend>First appointment</legend>
          <div className="ops-form-grid">
            <SlotFields
              slot={slot}
              onChange={setSlot}
              locations={props.locations.filter((l) => l.active || l.id === props.r.locationId)}
              physicians={props.physicians}
              error={(path) => err(`appointment.${path}`)}
            />
          </div>
        </fieldset>
      )}
      <div className="ops-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Accepting…' : 'Accept and create the patient'}
        </button>
        <button type="button" className="secondary" onClick={props.onClose}>
          Not now
        </button>
      </div>
    </form>
  );
}

function DeclineForm(props: { r: Request; onDeclined: (r: Request) => void; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<string | undefined>();
  const name = nameOf(props.r);
  const heading = useFocusOnOpen();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!reason.trim()) {
      setLocal('Give the reason for declining (the patient may ask).');
      return;
    }
    setLocal(undefined);
    try {
      props.onDeclined(
        await post<Request>(`/api/v1/requests/${props.r.id}/decline`, { reason: reason.trim() }),
      );
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form
      className="ops-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Decline ${name}'s request`}
    >
      <h3 ref={heading} tabIndex={-1}>
        Decline {name}'s request
      </h3>
      {error !== null && <Status kind="error">Not declined: {(error as Error).message}</Status>}
      <Field
        label="Reason for declining"
        hint="Up to 500 characters; kept with the request"
        error={local ?? issueFor(error, 'reason')}
      >
        {(f) => (
          <textarea
            id={f.id}
            rows={3}
            maxLength={500}
            aria-describedby={f.describedBy}
            aria-invalid={f.invalid}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <div className="ops-actions">
        <button type="submit" className="danger">
          Decline request
        </button>
        <button type="button" className="secondary" onClick={props.onClose}>
          Not now
        </button>
      </div>
    </form>
  );
}

export default function Requests() {
  usePageTitle('Requests', 'Facetpath clinic');
  const { user } = useSession();
  const canDecide = user.role === 'coordinator';
  const { locations, locationId, setLocationId } = useLocations();
  const [status, setStatus] = useState<string>('new');
  const [data, setData] = useState<{ items: Request[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<{ id: string; what: 'accept' | 'decline' } | null>(null);
  const [outcomes, setOutcomes] = useState<{ key: string; node: ReactNode }[]>([]);
  const statusId = useId();
  const outcomeRef = useRef<HTMLDivElement>(null);
  // After a decision the form is gone: the outcome takes the focus, so keyboard users land on it.
  useEffect(() => {
    if (outcomes.length) outcomeRef.current?.focus();
  }, [outcomes]);

  const load = useCallback(async () => {
    setError(null);
    try {
      const r = await get<z.infer<typeof requestPage>>('/api/v1/requests', {
        status,
        locationId: locationId || undefined,
        limit: 100,
      });
      setData({ items: r.items, total: r.total });
    } catch (e) {
      setData({ items: [], total: 0 });
      setError(
        e instanceof ApiError && e.status === 403
          ? 'Screening requests are handled by coordinators (physicians may read them); your role does not see them.'
          : `The requests could not be loaded: ${(e as Error).message}`,
      );
    }
  }, [status, locationId]);

  useEffect(() => {
    setData(null);
    void load();
  }, [load]);
  const physicians = usePhysicians();

  const accepted = (r: Request, res: Accepted, appt: { startsAt: string } | null) => {
    setOpen(null);
    setOutcomes((o) => [
      {
        key: res.request.id,
        node: (
          <>
            Accepted {nameOf(r)}'s request: the patient was created.{' '}
            <Link href={`/clinic/patients/${res.patientId}`}>Open {nameOf(r)}'s chart</Link>
            {appt &&
              ` First appointment booked on ${formatDay(localDateOf(appt.startsAt))} at ${formatTime(appt.startsAt)}.`}
          </>
        ),
      },
      ...o,
    ]);
    void load();
  };

  return (
    <>
      <h1>Requests</h1>
      <p className="muted">
        Appointment requests with the self-screening questionnaire from the practice's public website.
      </p>
      <div className="ops-toolbar">
        <LocationSelect locations={locations} value={locationId} onChange={setLocationId} />
        <div className="field ops-inline-field">
          <label htmlFor={statusId}>Show</label>
          <select id={statusId} value={status} onChange={(e) => setStatus(e.target.value)}>
            {STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!canDecide && !error && (
        <Status kind="info">Only coordinators accept or decline requests; you can read them.</Status>
      )}
      <div ref={outcomeRef} tabIndex={-1} className="ops-outcomes">
        {outcomes.map((o) => (
          <Status key={o.key} kind="ok">
            {o.node}
          </Status>
        ))}
      </div>
      {error && <Status kind="error">{error}</Status>}
      {data === null && <p role="status">Loading the requests…</p>}
      {data && !error && (
        <p role="status">
          {data.total === 0
            ? `No ${status === 'new' ? 'new' : status} requests${locationId ? ` for ${locationName(locations, locationId)}` : ''}.`
            : `${data.total} ${status === 'new' ? 'new' : status} ${data.total === 1 ? 'request' : 'requests'}${locationId ? ` for ${locationName(locations, locationId)}` : ''}, newest first.`}
        </p>
      )}
      {data?.items.map((r) => {
        const name = nameOf(r);
        const ins = r.insurance;
        return (
          <article key={r.id} className="card ops-request" aria-labelledby={`req-${r.id}`}>
            <h2 id={`req-${r.id}`}>{name}</h2>
            <p className="muted">
              Sent {formatWhen(r.createdAt)} · {locationName(locations, r.locationId)} ·{' '}
              {r.language === 'es' ? 'Prefers Spanish' : 'Prefers English'}
            </p>
            <div className="grid-2">
              <section aria-label={`${name}: contact and insurance`}>
                <h3>Contact and insurance</h3>
                <dl className="ops-dl">
                  <dt>Phone</dt>
                  <dd>{str(r.contact.phone) ?? '—'}</dd>
                  <dt>Email</dt>
                  <dd>{str(r.contact.email) ?? 'Not given'}</dd>
                  <dt>Date of birth</dt>
                  <dd>{str(r.contact.birthDate) ? formatDate(str(r.contact.birthDate)!) : 'Not given'}</dd>
                  <dt>Insurance</dt>
                  <dd>
                    {ins
                      ? [
                          words(COVERAGE_WORDS, ins.kind),
                          str(ins.payerName),
                          str(ins.memberId) && `member ${str(ins.memberId)}`,
                        ]
                          .filter(Boolean)
                          .join(' · ')
                      : 'Not given'}
                  </dd>
                  <dt>Location chosen</dt>
                  <dd>{locationName(locations, r.locationId)}</dd>
                  <dt>Preferred times</dt>
                  <dd>{str(r.answers.preferredTimes) ?? 'Not given'}</dd>
                  <dt>Language</dt>
                  <dd>{r.language === 'es' ? 'Spanish' : 'English'}</dd>
                </dl>
              </section>
              <section aria-label={`${name}: screening`}>
                <h3>Screening</h3>
                <Assessment answers={r.answers} />
              </section>
            </div>
            <details className="ops-details">
              <summary>Questionnaire answers</summary>
              <Answers answers={r.answers} />
            </details>
            {r.status === 'accepted' && r.patientId && (
              <p>
                <span className="badge badge-ok">Accepted</span>{' '}
                {r.decidedAt && `on ${formatWhen(r.decidedAt)} · `}
                <Link href={`/clinic/patients/${r.patientId}`}>Open {name}'s chart</Link>
              </p>
            )}
            {r.status === 'declined' && (
              <p>
                <span className="badge badge-err">Declined</span>{' '}
                {r.decidedAt && `on ${formatWhen(r.decidedAt)}`}. Reason: {r.declineReason}
              </p>
            )}
            {r.status === 'new' && canDecide && (
              <>
                {open?.id !== r.id && (
                  <div className="ops-actions">
                    <button type="button" onClick={() => setOpen({ id: r.id, what: 'accept' })}>
                      Accept<span className="visually-hidden"> {name}'s request</span>
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setOpen({ id: r.id, what: 'decline' })}
                    >
                      Decline<span className="visually-hidden"> {name}'s request</span>
                    </button>
                  </div>
                )}
                {open?.id === r.id && open.what === 'accept' && locations && (
                  <AcceptForm
                    r={r}
                    locations={locations}
                    physicians={physicians}
                    onClose={() => setOpen(null)}
                    onAccepted={(res) => {
                      if (res.appointmentId) {
                        get<{ startsAt: string }>(`/api/v1/appointments/${res.appointmentId}`)
                          .then((a) => accepted(r, res, a))
                          .catch(() => accepted(r, res, null));
                      } else accepted(r, res, null);
                    }}
                  />
                )}
                {open?.id === r.id && open.what === 'decline' && (
                  <DeclineForm
                    r={r}
                    onClose={() => setOpen(null)}
                    onDeclined={(d) => {
                      setOpen(null);
                      setOutcomes((o) => [
                        {
                          key: d.id,
                          node: (
                            <>
                              Declined {name}'s request. Reason kept: {d.declineReason}
                            </>
                          ),
                        },
                        ...o,
                      ]);
                      void load();
                    }}
                  />
                )}
              </>
            )}
          </article>
        );
      })}
    </>
  );
}
