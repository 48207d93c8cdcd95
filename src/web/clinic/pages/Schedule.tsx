/**
 * The schedule: a day's appointments per location (the day counted in this browser's time zone), booking
 * a new one, and rescheduling or cancelling. The server refuses a double booking of a room or a physician;
 * the page says which and with whom, and keeps everything entered.
 */
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import type { appointment, appointmentList } from '../../../contract/appointments';
import type { patientPage } from '../../../contract/patients';
import { ApiError, get, issueFor, patch, post } from '../../shared/api';
import { Link } from '../../shared/Link';
import { navigate, queryParam, usePageTitle } from '../../shared/router';
import { Field, Status } from '../../shared/ui';
import { LocationSelect } from '../ops/LocationSelect';
import { type Physician, type Slot, SlotFields } from '../ops/SlotFields';
import { type LocationDto, locationName, useLocations } from '../ops/useLocations';
import { usePhysicians } from '../ops/usePhysicians';
import {
  APPOINTMENT_STATUS_WORDS,
  addDaysIso,
  BROWSER_TZ,
  formatDay,
  formatTime,
  localDateOf,
  localToday,
  PURPOSE_WORDS,
} from '../ops/words';
import '../ops/ops.css';

type Appointment = z.infer<typeof appointment>;
type PatientHit = z.infer<typeof patientPage>['items'][number];

/** "2026-03-02" + "09:30" in this browser's time zone, as an ISO instant the API accepts. */
function instant(date: string, time: string): string {
  return new Date(`${date}T${time}:00`).toISOString();
}

const localDate = localDateOf;

function localTime(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The server's double-booking refusal, in words, naming the appointment it clashes with when shown. */
function conflictText(e: ApiError, day: Appointment[]): string {
  const clashId = e.issues.find((i) => i.path === 'conflictingAppointmentId')?.message;
  const what = e.message.replace(/\s*\(appointment [^)]*\)\s*$/, '');
  const clash = day.find((a) => a.id === clashId);
  const withWhom = clash
    ? ` It overlaps ${clash.patientName}'s appointment at ${formatTime(clash.startsAt)}–${formatTime(clash.endsAt)}.`
    : '';
  return `Not booked: ${what.charAt(0).toUpperCase()}${what.slice(1)}.${withWhom} Choose another time, room or physician.`;
}

function PatientSearch(props: {
  value: PatientHit | null;
  onChange: (p: PatientHit | null) => void;
  error?: string;
}) {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<PatientHit[] | null>(null);
  const [err, setErr] = useState<string | null>(null);
  const id = useId();
  const search = async () => {
    setErr(null);
    if (!q.trim()) {
      setErr('Type part of a name or an MRN to search.');
      return;
    }
    try {
      const r = await get<{ items: PatientHit[] }>('/api/v1/patients', { q: q.trim(), limit: 10 });
      setHits(r.items);
    } catch (e) {
      setErr(`The search failed: ${(e as Error).message}`);
    }
  };
  return (
    <fieldset className={props.error ? 'choices field-error' : 'choices'}>
      <legend>Patient</legend>
      {props.error && <p className="error-text">{props.error}</p>}
      <div className="row ops-search">
        <div className="field ops-inline-field">
          <label htmlFor={id}>Find the patient</label>
          <input
            id={id}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void search();
              }
            }}
            aria-describedby={`${id}-hint`}
          />
          <p className="hint" id={`${id}-hint`}>
            Part of the name or the MRN, then Search.
          </p>
        </div>
        <button type="button" className="secondary" onClick={() => void search()}>
          Search patients
        </button>
      </div>
      {err && <p className="error-text">{err}</p>}
      {hits && (
        <div role="status">
          {hits.length === 0 ? (
            <p>No patient matches “{q}”.</p>
          ) : (
            <p className="visually-hidden">{hits.length} patients found.</p>
          )}
        </div>
      )}
      {hits?.map((p) => (
        <label key={p.id} className="choice">
          <input
            type="radio"
            name={`${id}-patient`}
            checked={props.value?.id === p.id}
            onChange={() => props.onChange(p)}
          />
          <span>
            {p.familyName}, {p.givenName} — born {formatDay(p.birthDate)}
            {p.mrn ? `, MRN ${p.mrn}` : ''}
          </span>
        </label>
      ))}
      {props.value && !hits?.some((h) => h.id === props.value!.id) && (
        <p>
          Chosen: {props.value.familyName}, {props.value.givenName}
        </p>
      )}
    </fieldset>
  );
}

function NewAppointment(props: {
  locations: LocationDto[];
  physicians: Physician[];
  defaultLocationId: string;
  date: string;
  day: Appointment[];
  onBooked: (a: Appointment) => void;
}) {
  const open = props.locations.filter((l) => l.active);
  const [patient, setPatient] = useState<PatientHit | null>(null);
  const [slot, setSlot] = useState<Slot>({
    locationId: props.defaultLocationId || open[0]?.id || '',
    room: '',
    physicianId: '',
    date: props.date,
    time: '09:00',
    minutes: '30',
    purpose: 'consult',
  });
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!patient) missing.patientId = 'Search for the patient and choose one.';
    if (!slot.locationId) missing.locationId = 'Choose a location.';
    if (!slot.date) missing.startsAt = 'Enter the date.';
    if (!slot.time) missing.startsAt = 'Enter the start time.';
    setLocal(missing);
    setError(null);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      const a = await post<Appointment>('/api/v1/appointments', {
        patientId: patient!.id,
        locationId: slot.locationId,
        ...(slot.room ? { room: slot.room } : {}),
        ...(slot.physicianId ? { physicianId: slot.physicianId } : {}),
        startsAt: instant(slot.date, slot.time),
        minutes: Number(slot.minutes),
        purpose: slot.purpose,
      });
      setPatient(null);
      props.onBooked(a);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const conflict = error instanceof ApiError && error.status === 409;
  const err = (path: string) => local[path] ?? issueFor(error, path);
  return (
    <form className="ops-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-appt">
      <h2 id="new-appt">Book an appointment</h2>
      {conflict && <Status kind="error">{conflictText(error as ApiError, props.day)}</Status>}
      {error instanceof ApiError && !conflict && (
        <Status kind="error">
          Not booked: {error.issues.length ? 'check the fields marked below.' : error.message}
        </Status>
      )}
      {error !== null && !(error instanceof ApiError) && (
        <Status kind="error">Not booked: {(error as Error).message}</Status>
      )}
      <PatientSearch value={patient} onChange={setPatient} error={err('patientId')} />
      <div className="ops-form-grid">
        <SlotFields
          slot={slot}
          onChange={setSlot}
          locations={open}
          physicians={props.physicians}
          error={err}
          markInvalid
          durationHint="5 to 600"
          numericDuration
        />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? 'Booking…' : 'Book appointment'}
      </button>
    </form>
  );
}

function Reschedule(props: {
  a: Appointment;
  day: Appointment[];
  onDone: (a: Appointment) => void;
  onCancel: () => void;
}) {
  const [date, setDate] = useState(localDate(props.a.startsAt));
  const [time, setTime] = useState(localTime(props.a.startsAt));
  const [minutes, setMinutes] = useState(String(props.a.minutes));
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      props.onDone(
        await patch<Appointment>(`/api/v1/appointments/${props.a.id}`, {
          startsAt: instant(date, time),
          minutes: Number(minutes),
        }),
      );
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={`Reschedule ${props.a.patientName}`}>
      {error instanceof ApiError && error.status === 409 && (
        <Status kind="error">{conflictText(error, props.day).replace('Not booked', 'Not moved')}</Status>
      )}
      {error !== null && !(error instanceof ApiError && error.status === 409) && (
        <Status kind="error">Not moved: {(error as Error).message}</Status>
      )}
      <Field label="New date" error={issueFor(error, 'startsAt')}>
        {(f) => (
          <input
            id={f.id}
            type="date"
            aria-describedby={f.describedBy}
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        )}
      </Field>
      <Field label="New start time">
        {(f) => (
          <input id={f.id} type="time" step={300} value={time} onChange={(e) => setTime(e.target.value)} />
        )}
      </Field>
      <Field label="Duration (minutes)" error={issueFor(error, 'minutes')}>
        {(f) => (
          <input
            id={f.id}
            type="number"
            min={5}
            max={600}
            aria-describedby={f.describedBy}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        )}
      </Field>
      <div className="ops-actions">
        <button type="submit">Save new time</button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          Keep the current time
        </button>
      </div>
    </form>
  );
}

export default function Schedule() {
  usePageTitle('Schedule', 'Facetpath clinic');
  const { locations, locationId, setLocationId, error: locError } = useLocations();
  const [date, setDateState] = useState(() => {
    const q = queryParam('date');
    return q && /^\d{4}-\d{2}-\d{2}$/.test(q) ? q : localToday();
  });
  const [items, setItems] = useState<Appointment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [forbidden, setForbidden] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const dateId = useId();

  const setDate = (d: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return;
    setDateState(d);
    navigate(`/clinic/schedule?date=${d}`, { replace: true });
  };

  const load = useCallback(async () => {
    setError(null);
    try {
      const r = await get<z.infer<typeof appointmentList>>('/api/v1/appointments', {
        date,
        tz: BROWSER_TZ,
        locationId: locationId || undefined,
        limit: 200,
      });
      setItems(r.items);
    } catch (e) {
      setItems([]);
      setForbidden(e instanceof ApiError && e.status === 403);
      setError(
        e instanceof ApiError && e.status === 403
          ? 'The schedule is for physicians and coordinators; your role does not see appointments.'
          : `The schedule could not be loaded: ${(e as Error).message}`,
      );
    }
  }, [date, locationId]);

  useEffect(() => {
    setItems(null);
    void load();
  }, [load]);
  const physicians = usePhysicians();

  const physicianName = (id: string | null) =>
    id ? (physicians.find((p) => p.id === id)?.name ?? 'A former physician') : '—';

  const cancel = async (a: Appointment) => {
    try {
      await patch<Appointment>(`/api/v1/appointments/${a.id}`, { status: 'cancelled' });
      setNotice(`Cancelled ${a.patientName}'s appointment at ${formatTime(a.startsAt)}.`);
      setConfirming(null);
      await load();
    } catch (e) {
      setNotice(null);
      setError(`Not cancelled: ${(e as Error).message}`);
    }
  };

  const place = locationId ? locationName(locations, locationId) : 'all locations';
  return (
    <>
      <h1>Schedule</h1>
      <div className="ops-toolbar">
        <LocationSelect locations={locations} value={locationId} onChange={setLocationId} />
        <div className="field ops-inline-field">
          <label htmlFor={dateId}>Day</label>
          <input id={dateId} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="ops-actions">
          <button type="button" className="secondary" onClick={() => setDate(addDaysIso(date, -1))}>
            Previous day
          </button>
          <button type="button" className="secondary" onClick={() => setDate(localToday())}>
            Today
          </button>
          <button type="button" className="secondary" onClick={() => setDate(addDaysIso(date, 1))}>
            Next day
          </button>
        </div>
      </div>
      {locError && <Status kind="error">The locations could not be loaded: {locError}</Status>}
      {notice && <Status kind="ok">{notice}</Status>}
      {error && <Status kind="error">{error}</Status>}
      <h2>
        {formatDay(date)} at {place}
      </h2>
      <p className="muted">Times in {BROWSER_TZ}.</p>
      {items === null ? (
        <p role="status">Loading the day…</p>
      ) : items.length === 0 ? (
        <p>No appointments on this day at {place}.</p>
      ) : (
        <div className="table-wrap">
          <table className="ops-stack">
            <caption className="visually-hidden">
              Appointments on {formatDay(date)} at {place}
            </caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Patient</th>
                <th scope="col">Type</th>
                <th scope="col">Where</th>
                <th scope="col">Physician</th>
                <th scope="col">Status</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td data-label="Time">
                    {formatTime(a.startsAt)}–{formatTime(a.endsAt)}
                    <br />
                    <span className="muted">{a.minutes} min</span>
                  </td>
                  <td data-label="Patient">
                    <Link href={`/clinic/patients/${a.patientId}`}>{a.patientName}</Link>
                  </td>
                  <td data-label="Type">{PURPOSE_WORDS[a.purpose] ?? a.purpose}</td>
                  <td data-label="Where">
                    {locationName(locations, a.locationId)}
                    {a.room ? `, ${a.room}` : ''}
                  </td>
                  <td data-label="Physician">{physicianName(a.physicianId)}</td>
                  <td data-label="Status">
                    <span
                      className={
                        a.status === 'cancelled'
                          ? 'badge badge-err'
                          : a.status === 'done'
                            ? 'badge badge-ok'
                            : 'badge'
                      }
                    >
                      {APPOINTMENT_STATUS_WORDS[a.status] ?? a.status}
                    </span>
                  </td>
                  <td data-label="Change">
                    {a.status !== 'booked' && <span className="muted">—</span>}
                    {a.status === 'booked' && editing !== a.id && confirming !== a.id && (
                      <div className="ops-actions">
                        <button type="button" className="secondary" onClick={() => setEditing(a.id)}>
                          Reschedule<span className="visually-hidden"> {a.patientName}</span>
                        </button>
                        <button type="button" className="secondary" onClick={() => setConfirming(a.id)}>
                          Cancel<span className="visually-hidden"> {a.patientName}'s appointment</span>
                        </button>
                      </div>
                    )}
                    {confirming === a.id && (
                      <fieldset className="choices">
                        <legend>Cancel {a.patientName}'s appointment?</legend>
                        <div className="ops-actions">
                          <button type="button" className="danger" onClick={() => void cancel(a)}>
                            Yes, cancel it
                          </button>
                          <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                            No, keep it
                          </button>
                        </div>
                      </fieldset>
                    )}
                    {editing === a.id && (
                      <Reschedule
                        a={a}
                        day={items}
                        onCancel={() => setEditing(null)}
                        onDone={(moved) => {
                          setEditing(null);
                          setNotice(
                            `Moved ${moved.patientName}'s appointment to ${formatDay(localDate(moved.startsAt))} at ${formatTime(moved.startsAt)}.`,
                          );
                          void load();
                        }}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {locations && !forbidden && (
        <NewAppointment
          locations={locations}
          physicians={physicians}
          defaultLocationId={locationId}
          date={date}
          day={items ?? []}
          onBooked={(a) => {
            setNotice(
              `Booked ${a.patientName} on ${formatDay(localDate(a.startsAt))} at ${formatTime(a.startsAt)} (${a.minutes} min, ${PURPOSE_WORDS[a.purpose]}).`,
            );
            setError(null);
            if (localDate(a.startsAt) !== date) setDate(localDate(a.startsAt));
            else void load();
          }}
        />
      )}
    </>
  );
}
