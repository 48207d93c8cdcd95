/**
 * The worklist, the clinic's home: what is due by today (or a few days ahead) and why, per location.
 * An item belongs to the location of its episode of care (chosen when the episode is opened); items of
 * episodes without a location appear under "All locations" only. The reasons are the server's own words,
 * computed from the records and the payer policy; rule ids and policy ids in them are the sources.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { worklistPage } from '../../../contract/worklist';
import { ApiError, get } from '../../shared/api';
import { Link } from '../../shared/Link';
import { usePageTitle } from '../../shared/router';
import { Status } from '../../shared/ui';
import { LocationSelect } from '../ops/LocationSelect';
import { locationName, useLocations } from '../ops/useLocations';
import {
  actionFor,
  addDaysIso,
  codeWords,
  daysBetween,
  formatDay,
  KIND_WORDS,
  KINDS,
  localToday,
  plainReason,
} from '../ops/words';
import '../ops/ops.css';

type Page = z.infer<typeof worklistPage>;
type Item = Page['items'][number];

const PAGE_SIZE = 200;
const AHEAD = [
  { days: 0, label: 'Due by today' },
  { days: 7, label: 'Due within 7 days' },
  { days: 30, label: 'Due within 30 days' },
];

function Due(props: { due: string; today: string }) {
  const late = daysBetween(props.due, props.today);
  if (late > 0)
    return (
      <>
        <span className="ops-overdue">
          Overdue by {late} {late === 1 ? 'day' : 'days'}
        </span>
        <br />
        <span className="muted">was due {formatDay(props.due)}</span>
      </>
    );
  if (late === 0) return <span className="ops-due-today">Due today</span>;
  return <span>Due {formatDay(props.due)}</span>;
}

/** The details the server gives beside its reason: results, verdicts, reason codes, diary entries. */
function Details(props: { detail: Record<string, unknown>; reason: string }) {
  const d = props.detail;
  const parts: string[] = [];
  if (typeof d.result === 'string') parts.push(`Diary result so far: ${codeWords(d.result)}`);
  if (typeof d.verdict === 'string') parts.push(`Payer-rule verdict: ${codeWords(d.verdict)}`);
  // Reason codes the sentence itself does not already name.
  const codes = Array.isArray(d.reasons)
    ? d.reasons.map(String).filter((r) => !props.reason.includes(r))
    : [];
  if (codes.length > 0) parts.push(`In short: ${codes.map(codeWords).join('; ')}`);
  if (parts.length === 0) return null;
  return <p className="ops-detail muted">{parts.join(' · ')}</p>;
}

export default function Worklist() {
  usePageTitle('Worklist', 'Facetpath clinic');
  const { locations, locationId, setLocationId, error: locError } = useLocations();
  const [ahead, setAhead] = useState(0);
  const [kind, setKind] = useState<string>('');
  const [data, setData] = useState<{ items: Item[]; total: number; capped: boolean; until: string } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const aheadId = useId();

  const until = ahead === 0 ? undefined : addDaysIso(localToday(), ahead);

  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    get<Page>('/api/v1/worklist', { locationId: locationId || undefined, until, limit: PAGE_SIZE })
      .then((p) => {
        if (live) setData({ items: p.items, total: p.total, capped: p.totalIsCapped, until: p.until });
      })
      .catch((e: unknown) => {
        if (!live) return;
        setError(
          e instanceof ApiError && e.status === 403
            ? 'The worklist is for physicians and coordinators; your role does not see patient records.'
            : `The worklist could not be loaded: ${(e as Error).message}`,
        );
      });
    return () => {
      live = false;
    };
  }, [locationId, until]);

  const loadMore = async () => {
    if (!data) return;
    setLoadingMore(true);
    try {
      const p = await get<Page>('/api/v1/worklist', {
        locationId: locationId || undefined,
        until,
        limit: PAGE_SIZE,
        offset: data.items.length,
      });
      setData({ ...data, items: [...data.items, ...p.items] });
    } catch (e) {
      setError(`More items could not be loaded: ${(e as Error).message}`);
    } finally {
      setLoadingMore(false);
    }
  };

  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const i of data?.items ?? []) c.set(i.kind, (c.get(i.kind) ?? 0) + 1);
    return c;
  }, [data]);
  const shown = (data?.items ?? []).filter((i) => !kind || i.kind === kind);
  // "Today" is the server's: the worklist's own until when looking at today.
  const today = ahead === 0 && data ? data.until : localToday();
  const place = locationId ? locationName(locations, locationId) : 'all locations';

  return (
    <>
      <h1>Worklist</h1>
      <p className="muted">
        What is due and why, from each episode's records and the payer's rules. An item belongs to the
        location of its episode of care.
      </p>
      <div className="ops-toolbar">
        <LocationSelect locations={locations} value={locationId} onChange={setLocationId} />
        <div className="field ops-inline-field">
          <label htmlFor={aheadId}>Show</label>
          <select id={aheadId} value={ahead} onChange={(e) => setAhead(Number(e.target.value))}>
            {AHEAD.map((a) => (
              <option key={a.days} value={a.days}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {locError && <Status kind="error">The locations could not be loaded: {locError}</Status>}
      {error && <Status kind="error">{error}</Status>}
      {!data && !error && <p role="status">Loading the worklist…</p>}
      {data && (
        <>
          <ul className="ops-counts" aria-label="Filter by kind">
            <li>
              <button type="button" aria-pressed={kind === ''} onClick={() => setKind('')}>
                All kinds ({data.items.length})
              </button>
            </li>
            {KINDS.filter((k) => counts.has(k) || kind === k).map((k) => (
              <li key={k}>
                <button type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
                  {KIND_WORDS[k]} ({counts.get(k) ?? 0})
                </button>
              </li>
            ))}
          </ul>
          <p role="status">
            {shown.length === 0
              ? ''
              : `${shown.length} ${shown.length === 1 ? 'item' : 'items'}${kind ? ` of kind “${KIND_WORDS[kind as Item['kind']]}”` : ''} at ${place}, due by ${formatDay(data.until)}.`}
            {data.items.length < data.total &&
              ` Showing the first ${data.items.length} of ${data.capped ? 'more than ' : ''}${data.total}.`}
          </p>
          {shown.length === 0 ? (
            <div className="card">
              <h2>Nothing due</h2>
              <p>
                Nothing {kind ? `of kind “${KIND_WORDS[kind as Item['kind']]}” ` : ''}is due at {place} by{' '}
                {formatDay(data.until)}. New blocks, diaries and decisions appear here as they are recorded.
              </p>
            </div>
          ) : (
            <div className="table-wrap">
              <table className="ops-stack">
                <caption className="visually-hidden">Worklist items at {place}, earliest due first</caption>
                <thead>
                  <tr>
                    <th scope="col">Patient</th>
                    <th scope="col">What</th>
                    <th scope="col">Why</th>
                    <th scope="col">Due</th>
                    <th scope="col">Next step</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((i) => {
                    const act = actionFor(i);
                    return (
                      <tr key={`${i.episodeId}-${i.kind}`}>
                        <td data-label="Patient">
                          <Link href={`/clinic/patients/${i.patientId}`}>{i.patientName}</Link>
                          {!locationId && (
                            <>
                              <br />
                              <span className="muted">{locationName(locations, i.locationId)}</span>
                            </>
                          )}
                        </td>
                        <td data-label="What">{KIND_WORDS[i.kind]}</td>
                        <td data-label="Why">
                          <p className="ops-reason">{plainReason(i.reason)}</p>
                          <Details detail={i.detail} reason={i.reason} />
                        </td>
                        <td data-label="Due">
                          <Due due={i.dueDate} today={today} />
                        </td>
                        <td data-label="Next step">
                          <a href={act.href}>
                            {act.label}
                            <span className="visually-hidden"> for {i.patientName}</span>
                          </a>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {data.items.length < data.total && (
            <button
              type="button"
              className="secondary"
              onClick={() => void loadMore()}
              disabled={loadingMore}
            >
              {loadingMore ? 'Loading…' : 'Show more items'}
            </button>
          )}
        </>
      )}
    </>
  );
}
