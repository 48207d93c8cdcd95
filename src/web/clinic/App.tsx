/**
 * The clinic app under /clinic: sign-in, worklist home, patients and their chart, block documentation,
 * interpretation, decisions, schedule, requests, admin. Each page is its own chunk.
 */
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useState } from 'react';
import { ApiError, get, post, setCsrfToken } from '../shared/api';
import { Link } from '../shared/Link';
import { match, navigate, useLocation } from '../shared/router';
import { type SessionBody, SessionContext, type StaffUser } from './session';

const SignIn = lazy(() => import('./pages/SignIn'));
const Worklist = lazy(() => import('./pages/Worklist'));
const Patients = lazy(() => import('./pages/Patients'));
const Chart = lazy(() => import('./pages/Chart'));
const AccessHistory = lazy(() => import('./pages/AccessHistory'));
const BlockForm = lazy(() => import('./pages/BlockForm'));
const Interpretation = lazy(() => import('./pages/Interpretation'));
const Decision = lazy(() => import('./pages/Decision'));
const FollowUp = lazy(() => import('./pages/FollowUp'));
const Schedule = lazy(() => import('./pages/Schedule'));
const Requests = lazy(() => import('./pages/Requests'));
const Admin = lazy(() => import('./pages/Admin'));

const ROUTES: { pattern: string; page: (p: Record<string, string>) => ReactNode }[] = [
  { pattern: '/clinic', page: () => <Worklist /> },
  { pattern: '/clinic/patients', page: () => <Patients /> },
  { pattern: '/clinic/patients/:id', page: (p) => <Chart patientId={p.id!} /> },
  { pattern: '/clinic/patients/:id/access', page: (p) => <AccessHistory patientId={p.id!} /> },
  { pattern: '/clinic/episodes/:id/blocks/new', page: (p) => <BlockForm episodeId={p.id!} /> },
  { pattern: '/clinic/procedures/:id', page: (p) => <Interpretation procedureId={p.id!} /> },
  { pattern: '/clinic/procedures/:id/follow-ups', page: (p) => <FollowUp procedureId={p.id!} /> },
  { pattern: '/clinic/episodes/:id/decision', page: (p) => <Decision episodeId={p.id!} /> },
  { pattern: '/clinic/schedule', page: () => <Schedule /> },
  { pattern: '/clinic/requests', page: () => <Requests /> },
  { pattern: '/clinic/admin', page: () => <Admin /> },
];

const NAV: { href: string; label: string; exact?: boolean; roles?: string[] }[] = [
  { href: '/clinic', label: 'Worklist', exact: true },
  { href: '/clinic/patients', label: 'Patients' },
  { href: '/clinic/schedule', label: 'Schedule' },
  { href: '/clinic/requests', label: 'Requests' },
  { href: '/clinic/admin', label: 'Admin', roles: ['admin'] },
];

export function ClinicApp() {
  const path = useLocation().split('?')[0] ?? '/clinic';
  const [user, setUser] = useState<StaffUser | null | undefined>(undefined);

  useEffect(() => {
    get<SessionBody>('/api/v1/auth/session')
      .then((s) => {
        setCsrfToken(s.csrfToken);
        setUser(s.user);
      })
      .catch(() => setUser(null));
  }, []);

  const signOut = useCallback(async () => {
    try {
      await post('/api/v1/auth/sign-out');
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
    }
    setCsrfToken(null);
    setUser(null);
    navigate('/clinic');
  }, []);

  if (user === undefined) return <p className="visually-hidden">Loading…</p>;
  if (user === null)
    return (
      <main id="main" className="clinic">
        <Suspense fallback={<p>Loading…</p>}>
          <SignIn
            onSignedIn={(s) => {
              setCsrfToken(s.csrfToken);
              setUser(s.user);
            }}
          />
        </Suspense>
      </main>
    );

  let page: ReactNode = (
    <>
      <h1>Page not found</h1>
      <p>
        <Link href="/clinic">Back to the worklist</Link>
      </p>
    </>
  );
  for (const route of ROUTES) {
    const params = match(route.pattern, path);
    if (params) {
      page = route.page(params);
      break;
    }
  }
  return (
    <SessionContext.Provider value={{ user, signOut }}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="clinic-header">
        <div className="inner">
          <Link className="brand" href="/clinic" exact>
            Facetpath
          </Link>
          <nav aria-label="Clinic">
            <ul>
              {NAV.filter((n) => !n.roles || n.roles.includes(user.role)).map((n) => (
                <li key={n.href}>
                  <Link href={n.href} exact={n.exact}>
                    {n.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="who">
            <span>
              {user.name} <span className="visually-hidden">signed in as</span>({user.role})
            </span>
            <button type="button" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="clinic">
        <Suspense fallback={<p>Loading…</p>}>{page}</Suspense>
      </main>
    </SessionContext.Provider>
  );
}
