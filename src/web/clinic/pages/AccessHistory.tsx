/**
 * A patient's access history (admins): who read or changed the patient's records, when, what, and in which
 * request — newest first, a page at a time. The server keeps the newest 500 events per answer; reading this
 * page is itself recorded.
 */
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { accessHistory } from '../../../contract/admin';
import { ApiError, get } from '../../shared/api';
import { Link } from '../../shared/Link';
import { usePageTitle } from '../../shared/router';
import { Status } from '../../shared/ui';
import { ACTOR_WORDS, auditWords, codeWords, formatWhen } from '../ops/words';
import { useSession } from '../session';
import '../ops/ops.css';

type History = z.infer<typeof accessHistory>;
type Event = History['items'][number];

const PAGE = 25;

function who(e: Event): string {
  if (e.actorType === 'user') return e.actorName ?? 'A staff member no longer in the practice';
  return ACTOR_WORDS[e.actorType] ?? codeWords(e.actorType);
}

export default function AccessHistory(props: { patientId: string }) {
  usePageTitle('Access history', 'Facetpath clinic');
  const { user } = useSession();
  const [data, setData] = useState<History | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState(0);

  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    setPage(0);
    get<History>(`/api/v1/patients/${encodeURIComponent(props.patientId)}/access-history`)
      .then((h) => live && setData(h))
      .catch((e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 403)
          setError('Admins only: the access history is shown to the practice’s admins.');
        else if (e instanceof ApiError && (e.status === 404 || e.status === 400))
          setError('There is no patient with this id in the practice.');
        else setError(`The access history could not be loaded: ${(e as Error).message}`);
      });
    return () => {
      live = false;
    };
  }, [props.patientId]);

  const items = data?.items ?? [];
  const pages = Math.max(1, Math.ceil(items.length / PAGE));
  const shown = items.slice(page * PAGE, page * PAGE + PAGE);
  const from = items.length ? page * PAGE + 1 : 0;
  const to = Math.min(items.length, page * PAGE + PAGE);

  return (
    <>
      <h1>Access history</h1>
      <p className="muted">
        Patient record <span className="ops-code">{props.patientId}</span>. Every read and change of this
        patient's records, newest first; opening this page is recorded too.
      </p>
      {error && <Status kind="error">{error}</Status>}
      {!data && !error && <p role="status">Loading the access history…</p>}
      {data && (
        <>
          <p role="status">
            {items.length === 0
              ? 'Nobody has read or changed this patient’s records yet.'
              : `Events ${from}–${to} of ${items.length}${items.length >= 500 ? ' (the newest 500)' : ''}.`}
          </p>
          {items.length > 0 && (
            <div className="table-wrap">
              <table className="ops-stack">
                <caption className="visually-hidden">Access history, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">What</th>
                    <th scope="col">Record</th>
                    <th scope="col">Request</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((e) => (
                    <tr key={e.seq}>
                      <td data-label="When">{formatWhen(e.at)}</td>
                      <td data-label="Who">{who(e)}</td>
                      <td data-label="What">{auditWords(e.action, e.entity)}</td>
                      <td data-label="Record">
                        <span className="ops-code">{e.entityId ?? '—'}</span>
                      </td>
                      <td data-label="Request">
                        <span className="ops-code">{e.requestId ?? '—'}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 && (
            <nav className="ops-pager" aria-label="Access history pages">
              <button
                type="button"
                className="secondary"
                disabled={page === 0}
                onClick={() => setPage(page - 1)}
              >
                Newer events
              </button>
              <span>
                Page {page + 1} of {pages}
              </span>
              <button
                type="button"
                className="secondary"
                disabled={page >= pages - 1}
                onClick={() => setPage(page + 1)}
              >
                Older events
              </button>
            </nav>
          )}
        </>
      )}
      <p>
        {user.role === 'admin' ? (
          <Link href="/clinic/admin">Back to administration</Link>
        ) : (
          <Link href={`/clinic/patients/${props.patientId}`}>Back to the patient's chart</Link>
        )}
      </p>
    </>
  );
}
