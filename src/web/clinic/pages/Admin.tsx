/**
 * Practice administration (admins only): locations (add, edit, close, reopen), staff accounts (add with a
 * role, deactivate, reactivate, reset the password) and the payer policy each coverage kind is checked
 * against, with the policy's versions and citations.
 */
import { type FormEvent, type ReactNode, useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { practicePolicies, staffMember } from '../../../contract/admin';
import { US_STATES } from '../../../contract/states';
import { ApiError, api, get, issueFor, patch, post } from '../../shared/api';
import { usePageTitle } from '../../shared/router';
import { Field, Status } from '../../shared/ui';
import { TextField } from '../fields';
import type { LocationDto } from '../ops/useLocations';
import { COVERAGE_KIND_LIST, COVERAGE_WORDS, formatDay, localToday, ROLE_WORDS } from '../ops/words';
import { FeedbackSummary } from '../ops-feedback/FeedbackSummary';
import { useSession } from '../session';
import '../ops/ops.css';

type Staff = z.infer<typeof staffMember>;
type Policies = z.infer<typeof practicePolicies>;
type Catalog = Policies['catalog'][number];

/** A one-time password: 16 characters from an unambiguous alphabet, from the browser's CSPRNG. */
function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8, 12).join('')}-${chars.slice(12).join('')}`;
}

const errText = (e: unknown) => (e instanceof ApiError ? e.message : (e as Error).message);

/** Why a form was not sent: the fields marked below when the server named them, else its reason. */
function NotSent(props: { what: string; error: unknown }) {
  if (props.error === null) return null;
  return (
    <Status kind="error">
      {props.what}:{' '}
      {props.error instanceof ApiError && props.error.issues.length
        ? 'check the fields marked below.'
        : errText(props.error)}
    </Status>
  );
}

// ——— Locations ———

const US_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
];

function LocationForm(props: {
  initial?: LocationDto;
  onSaved: (l: LocationDto) => void;
  onCancel?: () => void;
}) {
  const i = props.initial;
  const [name, setName] = useState(i?.name ?? '');
  const [address, setAddress] = useState(i?.address ?? '');
  const [phone, setPhone] = useState(i?.phone ?? '');
  const [state, setState] = useState(i?.state ?? 'CA');
  const [rooms, setRooms] = useState((i?.rooms ?? []).join('\n'));
  const [timeZone, setTimeZone] = useState(i?.timeZone ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const title = i ? `Edit ${i.name}` : 'Add a location';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    const body = {
      name,
      address,
      phone,
      state,
      rooms: rooms
        .split(/\n|,/)
        .map((r) => r.trim())
        .filter(Boolean),
      ...(timeZone.trim() ? { timeZone: timeZone.trim() } : {}),
    };
    try {
      const saved = i
        ? await patch<LocationDto>(`/api/v1/locations/${i.id}`, body)
        : await post<LocationDto>('/api/v1/locations', body);
      props.onSaved(saved);
      if (!i) {
        setName('');
        setAddress('');
        setPhone('');
        setRooms('');
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const err = (p: string) => issueFor(error, p);
  return (
    <form className="ops-form" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
      <h3>{title}</h3>
      <NotSent what="Not saved" error={error} />
      <div className="ops-form-grid">
        <TextField label="Name" error={err('name')} value={name} onChange={setName} />
        <TextField
          label="Address"
          error={err('address')}
          autoComplete="street-address"
          value={address}
          onChange={setAddress}
        />
        <TextField
          label="Phone"
          hint="For example +1 415 555 0100"
          error={err('phone')}
          type="tel"
          value={phone}
          onChange={setPhone}
        />
        <Field label="State" hint="Decides the Medicare contractor and LCD" error={err('state')}>
          {(f) => (
            <select
              id={f.id}
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid}
              value={state}
              onChange={(e) => setState(e.target.value)}
            >
              {US_STATES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="Rooms" hint="One per line (procedure rooms, C-arms, consult rooms)" error={err('rooms')}>
        {(f) => (
          <textarea
            id={f.id}
            rows={3}
            aria-describedby={f.describedBy}
            aria-invalid={f.invalid}
            value={rooms}
            onChange={(e) => setRooms(e.target.value)}
          />
        )}
      </Field>
      <Field
        label="Time zone"
        hint="The clock a block's start time is read on (e.g. America/Chicago). Leave empty for the zone of most of the state."
        error={err('timeZone')}
      >
        {(f) => (
          <>
            <input
              id={f.id}
              type="text"
              list={`${f.id}-zones`}
              autoComplete="off"
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid}
              value={timeZone}
              onChange={(e) => setTimeZone(e.target.value)}
            />
            <datalist id={`${f.id}-zones`}>
              {US_ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <div className="ops-actions">
        <button type="submit" disabled={busy}>
          {i ? 'Save changes' : 'Add location'}
        </button>
        {props.onCancel && (
          <button type="button" className="secondary" onClick={props.onCancel}>
            Cancel editing
          </button>
        )}
      </div>
    </form>
  );
}

function Locations() {
  const [items, setItems] = useState<LocationDto[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const load = useCallback(() => {
    get<{ items: LocationDto[] }>('/api/v1/locations')
      .then((r) => setItems(r.items))
      .catch((e) => setNotice({ kind: 'error', text: `The locations could not be loaded: ${errText(e)}` }));
  }, []);
  useEffect(load, [load]);
  const setActive = async (l: LocationDto, active: boolean) => {
    try {
      await patch(`/api/v1/locations/${l.id}`, { active });
      setNotice({
        kind: 'ok',
        text: `${l.name} is ${active ? 'open again' : 'closed: it is no longer offered for new bookings or public requests'}.`,
      });
      load();
    } catch (e) {
      setNotice({ kind: 'error', text: `Not changed: ${errText(e)}` });
    }
  };
  return (
    <section className="ops-section" aria-labelledby="admin-locations">
      <h2 id="admin-locations">Locations</h2>
      {notice && <Status kind={notice.kind}>{notice.text}</Status>}
      {items === null ? (
        <p role="status">Loading the locations…</p>
      ) : (
        <div className="table-wrap">
          <table className="ops-stack">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Address and phone</th>
                <th scope="col">State</th>
                <th scope="col">Rooms</th>
                <th scope="col">Status</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {items.map((l) => (
                <tr key={l.id}>
                  <td data-label="Name">{l.name}</td>
                  <td data-label="Address and phone">
                    {l.address}
                    <br />
                    {l.phone}
                  </td>
                  <td data-label="State">
                    {l.state}
                    {l.timeZone ? <span className="muted"> · {l.timeZone}</span> : null}
                  </td>
                  <td data-label="Rooms">{l.rooms.join(', ') || 'None listed'}</td>
                  <td data-label="Status">
                    <span className={l.active ? 'badge badge-ok' : 'badge badge-err'}>
                      {l.active ? 'Open' : 'Closed'}
                    </span>
                  </td>
                  <td data-label="Change">
                    {editing === l.id ? (
                      <LocationForm
                        initial={l}
                        onCancel={() => setEditing(null)}
                        onSaved={(saved) => {
                          setEditing(null);
                          setNotice({ kind: 'ok', text: `Saved ${saved.name}.` });
                          load();
                        }}
                      />
                    ) : (
                      <div className="ops-actions">
                        <button type="button" className="secondary" onClick={() => setEditing(l.id)}>
                          Edit<span className="visually-hidden"> {l.name}</span>
                        </button>
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => void setActive(l, !l.active)}
                        >
                          {l.active ? 'Close' : 'Reopen'}
                          <span className="visually-hidden"> {l.name}</span>
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LocationForm
        onSaved={(l) => {
          setNotice({ kind: 'ok', text: `Added ${l.name}.` });
          load();
        }}
      />
    </section>
  );
}

// ——— Staff ———

function AddStaff(props: { onAdded: (s: Staff, password: string) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('coordinator');
  const [password, setPassword] = useState(generatePassword);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const s = await post<Staff>('/api/v1/staff', { name, email, role, password });
      props.onAdded(s, password);
      setName('');
      setEmail('');
      setPassword(generatePassword());
    } catch (err) {
      setError(err);
    }
  };
  const err = (p: string) => issueFor(error, p);
  return (
    <form className="ops-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-staff">
      <h3 id="add-staff">Add a staff member</h3>
      <NotSent what="Not added" error={error} />
      <div className="ops-form-grid">
        <TextField label="Full name" error={err('name')} value={name} onChange={setName} />
        <TextField
          label="Email"
          hint="They sign in with it"
          error={err('email')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
        />
        <Field
          label="Role"
          hint="Admins run the practice; physicians do clinical work; coordinators schedule"
          error={err('role')}
        >
          {(f) => (
            <select
              id={f.id}
              aria-describedby={f.describedBy}
              value={role}
              onChange={(e) => setRole(e.target.value)}
            >
              {Object.entries(ROLE_WORDS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label="First password"
          hint="At least 12 characters; give it to them in person"
          error={err('password')}
          autoComplete="new-password"
          spellCheck={false}
          value={password}
          onChange={setPassword}
        />
      </div>
      <button type="submit">Add staff member</button>
    </form>
  );
}

function StaffSection() {
  const { user } = useSession();
  const [items, setItems] = useState<Staff[] | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; node: ReactNode } | null>(null);
  const load = useCallback(() => {
    get<{ items: Staff[] }>('/api/v1/staff')
      .then((r) => setItems(r.items))
      .catch((e) => setNotice({ kind: 'error', node: `The staff list could not be loaded: ${errText(e)}` }));
  }, []);
  useEffect(load, [load]);
  const act = async (s: Staff, what: 'deactivate' | 'reactivate') => {
    try {
      await post(`/api/v1/staff/${s.id}/${what}`);
      setNotice({
        kind: 'ok',
        node:
          what === 'deactivate'
            ? `${s.name} is deactivated; their sessions have ended.`
            : `${s.name} can sign in again.`,
      });
      load();
    } catch (e) {
      setNotice({ kind: 'error', node: `Not changed: ${errText(e)}` });
    }
  };
  const reset = async (s: Staff) => {
    const password = generatePassword();
    try {
      await post(`/api/v1/staff/${s.id}/reset-password`, { password });
      setNotice({
        kind: 'ok',
        node: (
          <>
            <p>
              New password for {s.name}: <span className="ops-secret">{password}</span>
            </p>
            <p>
              Shown only now: give it to them in person. Their sessions have ended and any lockout is cleared;
              they sign in with this password.
            </p>
          </>
        ),
      });
      load();
    } catch (e) {
      setNotice({ kind: 'error', node: `The password was not reset: ${errText(e)}` });
    }
  };
  return (
    <section className="ops-section" aria-labelledby="admin-staff">
      <h2 id="admin-staff">Staff</h2>
      {notice && <Status kind={notice.kind}>{notice.node}</Status>}
      {items === null ? (
        <p role="status">Loading the staff…</p>
      ) : (
        <div className="table-wrap">
          <table className="ops-stack">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <td data-label="Name">
                    {s.name}
                    {s.id === user.id && <span className="muted"> (you)</span>}
                  </td>
                  <td data-label="Email">{s.email}</td>
                  <td data-label="Role">{ROLE_WORDS[s.role] ?? s.role}</td>
                  <td data-label="Status">
                    <span className={s.active ? 'badge badge-ok' : 'badge badge-err'}>
                      {s.active ? 'Active' : 'Deactivated'}
                    </span>
                    {s.locked && (
                      <>
                        {' '}
                        <span className="badge badge-warn">Locked out after failed sign-ins</span>
                      </>
                    )}
                  </td>
                  <td data-label="Change">
                    <div className="ops-actions">
                      {s.active ? (
                        s.id !== user.id && (
                          <button
                            type="button"
                            className="secondary"
                            onClick={() => void act(s, 'deactivate')}
                          >
                            Deactivate<span className="visually-hidden"> {s.name}</span>
                          </button>
                        )
                      ) : (
                        <button type="button" className="secondary" onClick={() => void act(s, 'reactivate')}>
                          Reactivate<span className="visually-hidden"> {s.name}</span>
                        </button>
                      )}
                      <button type="button" className="secondary" onClick={() => void reset(s)}>
                        Reset password<span className="visually-hidden"> of {s.name}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddStaff
        onAdded={(s, password) => {
          setNotice({
            kind: 'ok',
            node: (
              <>
                <p>
                  Added {s.name} ({ROLE_WORDS[s.role]}). First password:{' '}
                  <span className="ops-secret">{password}</span>
                </p>
                <p>Shown only now: give it to them in person.</p>
              </>
            ),
          });
          load();
        }}
      />
    </section>
  );
}

// ——— Policies ———

function versionNow(p: Catalog | undefined) {
  if (!p) return undefined;
  const today = localToday();
  return [...p.versions].reverse().find((v) => v.effective <= today) ?? p.versions[0];
}

function PolicySection() {
  const [data, setData] = useState<Policies | null>(null);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    get<Policies>('/api/v1/practice/policies')
      .then((p) => {
        setData(p);
        setChoice(p.policyByCoverage);
      })
      .catch(setError);
  }, []);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    const policyByCoverage = Object.fromEntries(Object.entries(choice).filter(([, v]) => v));
    try {
      const p = await fetchPut(policyByCoverage);
      setData(p);
      setChoice(p.policyByCoverage);
      setSaved(
        `Saved. ${
          Object.keys(p.policyByCoverage).length
            ? Object.entries(p.policyByCoverage)
                .map(([k, v]) => `${COVERAGE_WORDS[k] ?? k}: ${v}`)
                .join('; ')
            : 'Every coverage kind uses its default policy.'
        } Decision panels use it at once; worklist items follow when an episode's records next change (or all at once with facetpath worklist refresh).`,
      );
    } catch (err) {
      setError(err);
    }
  };
  const defaultFor = (kind: string) => data?.catalog.find((p) => p.defaultFor.includes(kind));
  return (
    <section className="ops-section" aria-labelledby="admin-policies">
      <h2 id="admin-policies">Payer policies</h2>
      <p>
        Each coverage kind is checked against one payer policy. Without a choice, the catalog's default for
        the kind applies. A patient's coverage may still name a policy of its own.
      </p>
      {saved && <Status kind="ok">{saved}</Status>}
      {error !== null && <Status kind="error">Not saved: {errText(error)}</Status>}
      {data === null ? (
        !error && <p role="status">Loading the policies…</p>
      ) : (
        <form onSubmit={(e) => void save(e)} noValidate aria-labelledby="admin-policies">
          <div className="table-wrap">
            <table className="ops-stack">
              <thead>
                <tr>
                  <th scope="col">Coverage kind</th>
                  <th scope="col">Policy used</th>
                  <th scope="col">Version in effect and source</th>
                </tr>
              </thead>
              <tbody>
                {COVERAGE_KIND_LIST.map((kind) => {
                  const def = defaultFor(kind);
                  const chosen = data.catalog.find((p) => p.id === (choice[kind] || def?.id));
                  const v = versionNow(chosen);
                  const fieldId = `policy-${kind}`;
                  const issue = issueFor(error, `policyByCoverage.${kind}`);
                  return (
                    <tr key={kind}>
                      <td data-label="Coverage kind">
                        <label htmlFor={fieldId}>{COVERAGE_WORDS[kind]}</label>
                      </td>
                      <td data-label="Policy used">
                        {issue && (
                          <p className="error-text" id={`${fieldId}-error`}>
                            {issue}
                          </p>
                        )}
                        <select
                          id={fieldId}
                          value={choice[kind] ?? ''}
                          aria-invalid={Boolean(issue)}
                          aria-describedby={issue ? `${fieldId}-error` : undefined}
                          onChange={(e) => setChoice({ ...choice, [kind]: e.target.value })}
                        >
                          <option value="">
                            {def ? `Default: ${def.title} (${def.id})` : 'Default: none for this kind'}
                          </option>
                          {data.catalog.map((p) => (
                            <option key={p.id} value={p.id}>
                              {p.title} ({p.id})
                            </option>
                          ))}
                        </select>
                      </td>
                      <td data-label="Version in effect and source">
                        {chosen && v ? (
                          <>
                            <p className="ops-reason">
                              <strong>{chosen.id}</strong> version {v.version}, effective{' '}
                              {formatDay(v.effective)}
                            </p>
                            <p className="ops-detail">{v.summary}</p>
                            <p className="ops-detail muted">Source: {v.source}</p>
                          </>
                        ) : (
                          <p className="ops-reason">
                            No policy: payer rules cannot be checked for this kind.
                          </p>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <button type="submit">Save policy choices</button>
        </form>
      )}
    </section>
  );
}

function fetchPut(policyByCoverage: Record<string, string>): Promise<Policies> {
  return api<Policies>('PUT', '/api/v1/practice/policies', { policyByCoverage });
}

export default function Admin() {
  usePageTitle('Admin', 'Facetpath clinic');
  const { user } = useSession();
  if (user.role !== 'admin')
    return (
      <>
        <h1>Admin</h1>
        <Status kind="info">
          Admins only: practice administration (locations, staff accounts, payer policies) is for the
          practice's admins. Ask one of them if something here needs changing.
        </Status>
      </>
    );
  return (
    <>
      <h1>Admin</h1>
      <p className="muted">
        Locations, staff accounts, the payer policies of the practice, and what patients say of it.
      </p>
      <Locations />
      <StaffSection />
      <PolicySection />
      <FeedbackSummary headingLevel={2} />
    </>
  );
}
