/**
 * The patient site: learn, am I a candidate?, before and after, the diary (from the clinic's link) and
 * "would you recommend us?". English and Spanish; each page is its own chunk, so the diary page loads only
 * what it needs.
 */
import { lazy, type ReactNode, Suspense } from 'react';
import { defineDict, LANGS, type Lang, setLang, useLang, useT } from '../shared/i18n';
import { Link } from '../shared/Link';
import { match, useLocation } from '../shared/router';

const Learn = lazy(() => import('./pages/Learn'));
const Screening = lazy(() => import('./pages/Screening'));
const Prepare = lazy(() => import('./pages/Prepare'));
const Feedback = lazy(() => import('./pages/Feedback'));
const Diary = lazy(() => import('./pages/Diary'));

export const shellText = defineDict({
  en: {
    skip: 'Skip to content',
    site: 'Facet joint pain care',
    nav: 'Main',
    learn: 'Learn',
    screening: 'Am I a candidate?',
    prepare: 'Before & after',
    feedback: 'Feedback',
    language: 'Language',
    loading: 'Loading…',
    notFound: 'Page not found',
    notFoundBody: 'This address does not lead to a page. Check the link you were sent.',
    footer: 'This site gives general information and is not a diagnosis. In an emergency call 911.',
  },
  es: {
    skip: 'Saltar al contenido',
    site: 'Atención del dolor de las articulaciones facetarias',
    nav: 'Principal',
    learn: 'Información',
    screening: '¿Soy candidato?',
    prepare: 'Antes y después',
    feedback: 'Opinión',
    language: 'Idioma',
    loading: 'Cargando…',
    notFound: 'Página no encontrada',
    notFoundBody: 'Esta dirección no lleva a ninguna página. Revise el enlace que recibió.',
    footer: 'Este sitio ofrece información general y no es un diagnóstico. En una emergencia llame al 911.',
  },
});

const LANG_NAMES: Record<Lang, string> = { en: 'English', es: 'Español' };

function LanguageSwitch() {
  const lang = useLang();
  const t = useT(shellText);
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t.language}</legend>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
          {LANG_NAMES[l]}
        </button>
      ))}
    </fieldset>
  );
}

function Shell(props: { slug?: string; children: ReactNode }) {
  const t = useT(shellText);
  const base = props.slug ? `/p/${props.slug}` : undefined;
  return (
    <>
      <a className="skip-link" href="#main">
        {t.skip}
      </a>
      <header className="site-header">
        <div className="inner">
          <div className="row" style={{ justifyContent: 'space-between' }}>
            {base ? (
              <Link className="brand" href={base} exact>
                {t.site}
              </Link>
            ) : (
              <span className="brand">{t.site}</span>
            )}
            <LanguageSwitch />
          </div>
          {base && (
            <nav aria-label={t.nav}>
              <ul>
                <li>
                  <Link href={base} exact>
                    {t.learn}
                  </Link>
                </li>
                <li>
                  <Link href={`${base}/screening`}>{t.screening}</Link>
                </li>
                <li>
                  <Link href={`${base}/prepare`}>{t.prepare}</Link>
                </li>
                <li>
                  <Link href={`${base}/feedback`}>{t.feedback}</Link>
                </li>
              </ul>
            </nav>
          )}
        </div>
      </header>
      <main id="main" className="patient">
        <Suspense fallback={<p>{t.loading}</p>}>{props.children}</Suspense>
      </main>
      <footer className="site-footer">
        <div className="inner">{t.footer}</div>
      </footer>
    </>
  );
}

function NotFound() {
  const t = useT(shellText);
  return (
    <>
      <h1>{t.notFound}</h1>
      <p>{t.notFoundBody}</p>
    </>
  );
}

const ROUTES: { pattern: string; page: (params: Record<string, string>) => ReactNode }[] = [
  { pattern: '/diary/:token', page: (p) => <Diary token={p.token!} /> },
  { pattern: '/p/:slug', page: (p) => <Learn slug={p.slug!} /> },
  { pattern: '/p/:slug/screening', page: (p) => <Screening slug={p.slug!} /> },
  { pattern: '/p/:slug/prepare', page: (p) => <Prepare slug={p.slug!} /> },
  { pattern: '/p/:slug/feedback', page: (p) => <Feedback slug={p.slug!} /> },
];

export function PatientApp() {
  const path = useLocation().split('?')[0] ?? '/';
  for (const route of ROUTES) {
    const params = match(route.pattern, path);
    if (params) return <Shell slug={params.slug}>{route.page(params)}</Shell>;
  }
  return (
    <Shell>
      <NotFound />
    </Shell>
  );
}
